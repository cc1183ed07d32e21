/**
 * A territory snapshot as data·inclusion v1 structures and services (schema 1.0.8, standards.md §2).
 *
 * - Ids are Toile's UUIDs, stable across exports; `source` is "toile". French structures only: a
 *   structure with a Belgian enterprise number (BCE), in a Belgian territory, or whose places are
 *   all in Belgium is skipped with its offers ("belgian": they go to HSDS).
 * - A structure: name, description, SIRET, its first French place's address, coordinates and hours
 *   (OSM `opening_hours`), phone (E.164 when French), email, website, `reseaux_porteurs` from its
 *   labels through the crosswalks.
 * - A service per published offer: `thematiques`, `type`, `frais`, `publics`, `modes_accueil`,
 *   `modes_mobilisation` from its terms through the crosswalks (crosswalks.json); `type` by the
 *   pipeline's priority aide-materielle > atelier > accompagnement; `frais` payant when any fee
 *   term says so; `publics` « tous-publics » when nothing specific (and never beside another).
 *   `conditions_acces`: ages, residency, other conditions and the documents to bring.
 *   `mobilisable_par`: usagers when a resident may come or call, professionnels when a professional
 *   may refer (referral modes, a referral note or transfers accepted). The address is the offer's
 *   first French place; `horaires_accueil` its own hours there, else the place's, else the hours of
 *   an offer with no place; `zone_eligibilite` the départements of its places.
 * Every record is checked with the v1 zod schema (schema.ts); one that does not validate is left
 * out ("invalid") with the reasons, so the output always validates.
 */
import { codesIn, type TermRef } from "../crosswalks";
import { frenchPhoneE164 } from "../lmn/export";
import { notAfter, type SnapshotOffer, type SnapshotPlace, type SnapshotStructure, type TerritorySnapshot } from "../snapshot";
import { diServiceSchema, diStructureSchema, DI_SCHEMA_VERSION, type DiService, type DiStructure } from "./schema";

const DI_SOURCE = "toile";

export interface DiSkipped {
  kind: "structure" | "service";
  id: string;
  name: string;
  reason: "belgian" | "invalid";
  why: string;
}

export interface DiExport {
  schema_version: string;
  structures: DiStructure[];
  services: DiService[];
  skipped: DiSkipped[];
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

export function toDataInclusion(snapshot: TerritorySnapshot, options: DiOptions): DiExport {
  const result: DiExport = { schema_version: DI_SCHEMA_VERSION, structures: [], services: [], skipped: [] };
  const structureSchema = diStructureSchema(options.today);
  const serviceSchema = diServiceSchema(options.today);
  const places = new Map(snapshot.places.map((place) => [place.id, place]));
  const french = new Set<string>();
  const base = options.baseUrl?.replace(/\/$/, "");
  const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
    error.issues.map((issue) => `${issue.path.join(".") || "(enregistrement)"} : ${issue.message}`).join(" ; ");

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
      site_web: clean(structure.website),
      horaires_accueil: place?.hours.osm || null,
      reseaux_porteurs: codes("dataInclusion.v1.reseaux_porteurs", structure.terms),
    });
    const parsed = structureSchema.safeParse(record);
    if (!parsed.success) {
      result.skipped.push({ kind: "structure", id: structure.id, name: structure.name, reason: "invalid", why: issues(parsed.error) });
      continue;
    }
    french.add(structure.id);
    result.structures.push(parsed.data);
  }

  const structures = new Map(snapshot.structures.map((structure) => [structure.id, structure]));
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
    const record = toDiService(offer, structure, places, snapshot.territory.slug, base, options.today);
    const parsed = serviceSchema.safeParse(record);
    if (!parsed.success) {
      result.skipped.push({ kind: "service", id: offer.id, name: offer.title, reason: "invalid", why: issues(parsed.error) });
      continue;
    }
    result.services.push(parsed.data);
  }
  return result;
}

function toDiService(
  offer: SnapshotOffer,
  structure: SnapshotStructure,
  places: Map<string, SnapshotPlace>,
  territorySlug: string,
  base: string | undefined,
  today: string,
): Record<string, unknown> {
  const at = offer.places.flatMap((offerPlace) => {
    const place = places.get(offerPlace.placeId);
    return place && place.country === "FR" ? [{ place, hours: offerPlace.hours }] : [];
  });
  const first = at[0];
  const types = codes("dataInclusion.v1.types_de_services", offer.terms);
  const fees = codes("dataInclusion.v1.frais", offer.terms);
  const specific = codes("dataInclusion.v1.publics", offer.terms).filter((code) => code !== "tous-publics");
  const contactModes = offer.terms.filter(([vocabulary]) => vocabulary === "lmn.modalites_acces");
  const referralModes = offer.terms.filter(([vocabulary]) => vocabulary === "dataInclusion.v1.modes_mobilisation");
  const byResidents = contactModes.length > 0 || !!clean(offer.details?.residentAccess) || at.length > 0;
  const byProfessionals = referralModes.length > 0 || !!clean(offer.details?.professionalReferral) || !!offer.details?.acceptsTransfers;
  const description = clean(offer.description) ?? "";
  const departments = [...new Set(at.flatMap(({ place }) => departmentOf(place.communeCode) ?? []))];
  return withoutNulls({
    source: DI_SOURCE,
    structure_id: structure.id,
    id: offer.id,
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
    ...addressOf(first?.place),
    telephone: phoneOf(structure),
    courriel: clean(structure.email),
    modes_accueil: codes("dataInclusion.v1.modes_accueil", offer.terms),
    zone_eligibilite: departments,
    modes_mobilisation: codes("dataInclusion.v1.modes_mobilisation", offer.terms),
    mobilisable_par: [...(byResidents ? ["usagers"] : []), ...(byProfessionals ? ["professionnels"] : [])],
    mobilisation_precisions: [clean(offer.details?.residentAccess), clean(offer.details?.professionalReferral)].filter(Boolean).join("\n") || null,
    horaires_accueil: (first ? (first.hours?.osm ?? first.place.hours.osm) : offer.hours?.osm) || null,
  });
}
