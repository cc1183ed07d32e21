/**
 * A territory snapshot as data·inclusion v1 structures and services (schema 1.0.8, standards.md §2).
 *
 * - Ids are Toile's UUIDs, stable across exports; `source` is "toile". French structures only: a
 *   structure with a Belgian enterprise number (BCE), in a Belgian territory, or whose places are
 *   all in Belgium is skipped with its offers ("belgian": they go to HSDS).
 * - A structure: name, description, SIRET, its first French place's address, coordinates and hours
 *   (OSM `opening_hours`), phone (E.164 when French), email, website, `reseaux_porteurs` from its
 *   labels through the crosswalks.
 * - A service per published offer and French place it is held at (an itinerant permanence held at
 *   two places is two services, each with its place's address and hours): `thematiques`, `type`,
 *   `frais`, `publics`, `modes_accueil`, `modes_mobilisation` from its terms through the crosswalks
 *   (crosswalks.json); `type` by the pipeline's priority aide-materielle > atelier > accompagnement;
 *   `frais` payant when any fee term says so; `publics` « tous-publics » when nothing specific (and
 *   never beside another). `conditions_acces`: ages, residency, other conditions and the documents
 *   to bring. `mobilisable_par`: usagers when a resident may come or call, professionnels when a
 *   professional may refer (referral modes, a referral note or transfers accepted). `horaires_accueil`
 *   the offer's own hours at that place, else the place's, else the hours of an offer with no place;
 *   `zone_eligibilite` the départements of all its places. Its id is the offer's at its first place
 *   (places in the snapshot's order: commune, then name) and `<offer id>:<place id>` at the others,
 *   so an offer held at one place keeps the id it always had. An offer with no French place (a phone
 *   line) is one service with no address.
 * Every record is checked with the v1 zod schema (schema.ts, as strict as the official JSON Schemas).
 * A field that does not validate is dropped from its record and listed in `droppedFields` with the
 * reason; only a record whose required fields do not validate is left out (`skipped`, "invalid"), so
 * the output always validates and nothing is lost silently.
 */
import { codesIn, type TermRef } from "../crosswalks";
import { frenchPhoneE164 } from "../lmn/export";
import { notAfter, type SnapshotOffer, type SnapshotPlace, type SnapshotStructure, type TerritorySnapshot } from "../snapshot";
import { DI_REQUIRED_FIELDS, diServiceSchema, diStructureSchema, DI_SCHEMA_VERSION, type DiService, type DiStructure } from "./schema";

const DI_SOURCE = "toile";

export interface DiSkipped {
  kind: "structure" | "service";
  id: string;
  name: string;
  reason: "belgian" | "invalid";
  why: string;
}

/** A field left out of a record that is written: Toile's value would not validate against the schema. */
export interface DiDroppedField {
  kind: "structure" | "service";
  /** The record's id (a service's may be `<offer id>:<place id>`). */
  id: string;
  /** The structure's name, or the offer's title. */
  name: string;
  field: string;
  /** Toile's value, as text. */
  value: string;
  why: string;
}

export interface DiExport {
  schema_version: string;
  structures: DiStructure[];
  services: DiService[];
  skipped: DiSkipped[];
  droppedFields: DiDroppedField[];
}

export interface DiOptions {
  /** "YYYY-MM-DD": no date_maj after it. */
  today: string;
  /** The site's address, for `lien_source` (the public offer page). */
  baseUrl?: string;
}

const TYPE_PRIORITY = ["aide-materielle", "atelier", "accompagnement"];

/** A structure of another country than France: its data goes to HSDS only. */
function isBelgian(structure: SnapshotStructure, places: SnapshotPlace[], territoryCountry: string): boolean {
  if (territoryCountry === "BE") return true;
  if (structure.identifiers.some((identifier) => identifier.type === "BCE")) return true;
  const own = places.filter((place) => place.structureId === structure.id);
  return own.length > 0 && own.every((place) => place.country === "BE");
}

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, " ").trim() || null;
const name = (text: string) => {
  const value = text.trim();
  return value.length > 150 ? `${value.slice(0, 149).trimEnd()}…` : value;
};
const codes = (vocabulary: string, terms: readonly TermRef[]) => codesIn(vocabulary, terms).codes;

/** Département of a French commune code: 2 characters, 3 overseas (97x). */
export function departmentOf(communeCode: string): string | null {
  if (!/^([013-9]\d|2[AB1-9])\d{3}$/.test(communeCode)) return null;
  return communeCode.startsWith("97") ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
}

function addressOf(place: SnapshotPlace | undefined) {
  if (!place) return {};
  return {
    commune: place.communeName,
    code_postal: /^\d{5}$/.test(place.postalCode) ? place.postalCode : null,
    code_insee: departmentOf(place.communeCode) ? place.communeCode : null,
    adresse: place.address,
    complement_adresse: place.addressComplement,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

function phoneOf(structure: SnapshotStructure): string | null {
  return structure.phone ? (frenchPhoneE164(structure.phone) ?? structure.phone.trim()) : null;
}

/** What a person must meet or bring, in one text. */
export function conditionsText(offer: SnapshotOffer): string | null {
  const details = offer.details;
  if (!details) return null;
  const ages =
    details.minAge != null && details.maxAge != null
      ? `De ${details.minAge} à ${details.maxAge} ans.`
      : details.minAge != null
        ? `À partir de ${details.minAge} ans.`
        : details.maxAge != null
          ? `Jusqu'à ${details.maxAge} ans.`
          : null;
  const documents = details.documentsToBring.length > 0 ? `À apporter : ${details.documentsToBring.join(", ")}.` : null;
  return [ages, clean(details.residencyCondition), clean(details.otherConditions), documents].filter(Boolean).join("\n") || null;
}

function withoutNulls<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

/** Why a value of a field is not written, in plain French. */
const FIELD_REASONS: Record<string, string> = {
  courriel:
    "adresse de courriel que le schéma data·inclusion refuse (format « email » : lettres sans accent, chiffres et . _ - + avant l'@, puis un nom de domaine)",
  site_web: "adresse web que le schéma data·inclusion refuse (http:// ou https://, sans espace ni caractère accentué)",
  lien_source: "adresse web que le schéma data·inclusion refuse (http:// ou https://, sans espace ni caractère accentué)",
  code_postal: "code postal de 5 chiffres attendu",
  code_insee: "code INSEE de 5 caractères attendu",
  siret: "numéro SIRET de 14 chiffres attendu",
  description: "description trop courte (5 caractères au moins) ou trop longue (10 000 au plus)",
  nom: "nom trop court (3 caractères au moins)",
  date_maj: "date de mise à jour illisible, antérieure à 2000 ou future",
  latitude: "latitude entre -90 et 90 attendue",
  longitude: "longitude entre -180 et 180 attendue",
};

type Issue = { path: PropertyKey[]; message: string };
type Checked<T> = { ok: true; record: T; dropped: { field: string; value: string; why: string }[] } | { ok: false; why: string };

/**
 * A record checked field by field: an optional field that does not validate is dropped (with its
 * reason), the record stays; a required field that does not validate leaves the record out.
 */
function checked<T>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: Issue[] } } },
  record: Record<string, unknown>,
  required: readonly string[],
): Checked<T> {
  const kept = { ...record };
  const dropped: { field: string; value: string; why: string }[] = [];
  // Each pass drops the fields the schema refuses; a second pass can only find fewer.
  for (let pass = 0; pass < 3; pass++) {
    const parsed = schema.safeParse(kept);
    if (parsed.success) return { ok: true, record: parsed.data, dropped };
    const fields = new Map<string, Issue>();
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== "string" || required.includes(field) || !(field in kept)) {
        const reasons = parsed.error.issues.map((each) => {
          const name = each.path.join(".");
          return name ? `${name} : ${FIELD_REASONS[name] ?? each.message}` : `champ inconnu du schéma (${each.message})`;
        });
        return { ok: false, why: [...new Set(reasons)].join(" ; ") };
      }
      if (!fields.has(field)) fields.set(field, issue);
    }
    for (const [field, issue] of fields) {
      const value = kept[field];
      dropped.push({ field, value: Array.isArray(value) ? value.join(", ") : String(value), why: FIELD_REASONS[field] ?? `valeur refusée par le schéma data·inclusion (${issue.message})` });
      delete kept[field];
    }
  }
  return { ok: false, why: "enregistrement refusé par le schéma data·inclusion" };
}

/**
 * An address with characters the "uri" format refuses written the way it reads them: accents and
 * spaces percent-encoded, a Unicode domain in punycode. Any other is written as the source wrote it.
 */
function normalisedUrl(text: string | null): string | null {
  if (!text || /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/.test(text)) return text;
  try {
    return new URL(text).href;
  } catch {
    return text;
  }
}

export function toDataInclusion(snapshot: TerritorySnapshot, options: DiOptions): DiExport {
  const result: DiExport = { schema_version: DI_SCHEMA_VERSION, structures: [], services: [], skipped: [], droppedFields: [] };
  const structureSchema = diStructureSchema(options.today);
  const serviceSchema = diServiceSchema(options.today);
  const places = new Map(snapshot.places.map((place) => [place.id, place]));
  const french = new Set<string>();
  const base = options.baseUrl?.replace(/\/$/, "");

  for (const structure of snapshot.structures) {
    if (isBelgian(structure, snapshot.places, snapshot.territory.country)) {
      result.skipped.push({ kind: "structure", id: structure.id, name: structure.name, reason: "belgian", why: "Structure belge : exportée en Open Referral (HSDS)." });
      continue;
    }
    const place = snapshot.places.find((candidate) => candidate.structureId === structure.id && candidate.country === "FR");
    const siret = structure.identifiers.find((identifier) => identifier.type === "SIRET")?.value.replace(/\s/g, "");
    const description = clean(structure.description);
    const record = withoutNulls({
      source: DI_SOURCE,
      id: structure.id,
      nom: name(structure.name),
      date_maj: notAfter(structure.updatedOn, options.today),
      description: description && description.length >= 5 ? description.slice(0, 10_000) : null,
      lien_source: base ? `${base}/t/${snapshot.territory.slug}/structures/${structure.id}/programme` : null,
      siret: siret && /^\d{14}$/.test(siret) && siret !== "00000000000000" ? siret : null,
      ...addressOf(place),
      telephone: phoneOf(structure),
      courriel: clean(structure.email),
      site_web: normalisedUrl(clean(structure.website)),
      horaires_accueil: place?.hours.osm || null,
      reseaux_porteurs: codes("dataInclusion.v1.reseaux_porteurs", structure.terms),
    });
    const outcome = checked<DiStructure>(structureSchema, record, DI_REQUIRED_FIELDS.structure);
    if (!outcome.ok) {
      result.skipped.push({ kind: "structure", id: structure.id, name: structure.name, reason: "invalid", why: outcome.why });
      continue;
    }
    for (const dropped of outcome.dropped) result.droppedFields.push({ kind: "structure", id: structure.id, name: structure.name, ...dropped });
    french.add(structure.id);
    result.structures.push(outcome.record);
  }

  const structures = new Map(snapshot.structures.map((structure) => [structure.id, structure]));
  const placeOrder = new Map(snapshot.places.map((place, index) => [place.id, index]));
  for (const offer of snapshot.offers) {
    const structure = structures.get(offer.structureId);
    if (!structure || !french.has(structure.id)) {
      const belgian = !!structure && isBelgian(structure, snapshot.places, snapshot.territory.country);
      result.skipped.push({
        kind: "service",
        id: offer.id,
        name: offer.title,
        reason: belgian ? "belgian" : "invalid",
        why: belgian ? "Offre d'une structure belge : exportée en Open Referral (HSDS)." : "Sa structure n'est pas exportée.",
      });
      continue;
    }
    const at = offer.places
      .flatMap((offerPlace) => {
        const place = places.get(offerPlace.placeId);
        return place && place.country === "FR" ? [{ place, hours: offerPlace.hours }] : [];
      })
      .sort((a, b) => (placeOrder.get(a.place.id) ?? 0) - (placeOrder.get(b.place.id) ?? 0));
    const departments = [...new Set(at.flatMap(({ place }) => departmentOf(place.communeCode) ?? []))];
    const heldAt = at.length > 0 ? at : [undefined];
    heldAt.forEach((where, index) => {
      const id = index === 0 ? offer.id : `${offer.id}:${where!.place.id}`;
      const record = toDiService(offer, structure, where, id, departments, snapshot.territory.slug, base, options.today);
      const outcome = checked<DiService>(serviceSchema, record, DI_REQUIRED_FIELDS.service);
      if (!outcome.ok) {
        result.skipped.push({ kind: "service", id, name: offer.title, reason: "invalid", why: outcome.why });
        return;
      }
      for (const dropped of outcome.dropped) result.droppedFields.push({ kind: "service", id, name: offer.title, ...dropped });
      result.services.push(outcome.record);
    });
  }
  return result;
}

/** The offer at one of its places (`where`), or nowhere in particular (an offer with no French place). */
function toDiService(
  offer: SnapshotOffer,
  structure: SnapshotStructure,
  where: { place: SnapshotPlace; hours: SnapshotOffer["hours"] } | undefined,
  id: string,
  departments: string[],
  territorySlug: string,
  base: string | undefined,
  today: string,
): Record<string, unknown> {
  const types = codes("dataInclusion.v1.types_de_services", offer.terms);
  const fees = codes("dataInclusion.v1.frais", offer.terms);
  const specific = codes("dataInclusion.v1.publics", offer.terms).filter((code) => code !== "tous-publics");
  const contactModes = offer.terms.filter(([vocabulary]) => vocabulary === "lmn.modalites_acces");
  const referralModes = offer.terms.filter(([vocabulary]) => vocabulary === "dataInclusion.v1.modes_mobilisation");
  const byResidents = contactModes.length > 0 || !!clean(offer.details?.residentAccess) || !!where;
  const byProfessionals = referralModes.length > 0 || !!clean(offer.details?.professionalReferral) || !!offer.details?.acceptsTransfers;
  const description = clean(offer.description) ?? "";
  return withoutNulls({
    source: DI_SOURCE,
    structure_id: structure.id,
    id,
    nom: name(offer.title),
    // Required (5 characters at least): an offer with no description is described by its title.
    description: (description.length >= 5 ? description : `${offer.title.trim()}${description ? ` — ${description}` : ""}`).slice(0, 10_000),
    lien_source: base ? `${base}/t/${territorySlug}/offres/${offer.id}` : null,
    date_maj: notAfter(offer.updatedOn, today),
    type: TYPE_PRIORITY.find((type) => types.includes(type)) ?? null,
    thematiques: codes("dataInclusion.v1.thematiques", offer.terms).filter((code) => code.includes("--")),
    frais: fees.includes("payant") ? "payant" : fees.includes("gratuit") ? "gratuit" : null,
    frais_precisions: clean(offer.feeDetails),
    publics: specific.length > 0 ? specific : ["tous-publics"],
    conditions_acces: conditionsText(offer),
    ...addressOf(where?.place),
    telephone: phoneOf(structure),
    courriel: clean(structure.email),
    modes_accueil: codes("dataInclusion.v1.modes_accueil", offer.terms),
    zone_eligibilite: departments,
    modes_mobilisation: codes("dataInclusion.v1.modes_mobilisation", offer.terms),
    mobilisable_par: [...(byResidents ? ["usagers"] : []), ...(byProfessionals ? ["professionnels"] : [])],
    mobilisation_precisions: [clean(offer.details?.residentAccess), clean(offer.details?.professionalReferral)].filter(Boolean).join("\n") || null,
    horaires_accueil: (where ? (where.hours?.osm ?? where.place.hours.osm) : offer.hours?.osm) || null,
  });
}
