/**
 * A territory snapshot as « Lieux de médiation numérique » v1.0.1 rows, CSV and JSON.
 *
 * LMN is about places: one row per place, and a place's offer is a set of columns. How Toile's
 * data fills them:
 * - Rows: every French place hosting at least one published offer that gives an LMN service
 *   (`services`), whoever holds it (a permanence at another structure's place counts). Places of
 *   Belgian structures or in Belgium are skipped ("belgian": they go to HSDS); places whose offers
 *   give no LMN service are skipped ("no-service": LMN is the directory of digital mediation, and the
 *   national library reads a place without services as not open to the public).
 * - `services`, `publics_specifiquement_adresses`, `prise_en_charge_specifique`, `frais_a_charge`,
 *   `modalites_acces`, `modalites_accompagnement`: the union over the place's published offers of
 *   their terms, in the LMN vocabulary or translated through the crosswalks (crosswalks.json).
 *   Referral modes (how a professional refers someone) are not carried: LMN has no such column.
 * - `typologie`: the typology of the structure that owns the place. `dispositif_programmes_nationaux`,
 *   `formations_labels`: labels of the owner and of the structures holding offers there. A label the v1.0.1 enumeration
 *   lacks ("Étapes numériques (La Poste)") goes to `autres_formations_labels`.
 * - `pivot`: the owner's SIRET, else its RNA, else "00000000000000" (as the national cartography
 *   does) with a warning. `telephone`: the owner's number in international form (+33…), dropped
 *   with a warning when it cannot be. `courriels`, `site_web`: the owner's.
 * - `horaires`: the place's hours as OSM `opening_hours` (with upcoming closures); a place with no
 *   hours of its own gets the union of its offers' hours there.
 * - `presentation_resume`: the owner's description, shortened to 280 characters at a word;
 *   `presentation_detail`: the full description when it was shortened, then one line per offer
 *   that says something — not the title an LMN import gave an offer (LMN_OFFER_TITLE) when it has
 *   no description: that text is Toile's filler, and a re-import would store it as the place's
 *   description (never export what the source did not say).
 * - `source`: the territory's name (the network collecting the data). `date_maj`: the latest
 *   change or verification of the place, its owner and its offers.
 * - Fields Toile has no column for (`itinerance`, `structure_parente`, `fiche_acces_libre`,
 *   `prise_rdv`…) are empty unless an import brought them (SnapshotPlace.lmn).
 * Every row is checked against the schema (validate.ts) before it is returned; a row that would
 * not validate is skipped ("invalid") with the reasons, so the output always validates.
 */
import { toCsv } from "@/lib/matrix/csv";
import { codesIn, type TermRef } from "../crosswalks";
import { mergeSlots, openingHoursWithExceptions } from "../hours";
import { notAfter, type SnapshotPlace, type SnapshotStructure, type TerritorySnapshot } from "../snapshot";
import { LMN_FIELDS, LMN_OFFER_TITLE, emptyLmnRow, type LmnField, type LmnRow } from "./schema";
import { lmnEnumeration, validateLmnRow, type LmnIssue } from "./validate";

export interface LmnSkipped {
  placeId: string;
  name: string;
  reason: "belgian" | "no-service" | "invalid";
  why: string;
  issues?: LmnIssue[];
}

export interface LmnWarning {
  placeId: string;
  name: string;
  field: LmnField;
  value: string;
  why: string;
}

export interface LmnExport {
  rows: LmnRow[];
  skipped: LmnSkipped[];
  warnings: LmnWarning[];
}

const PIVOT_UNKNOWN = "00000000000000";
const RESUME_MAX = 280;

/** A French number as the schema wants it (+33XXXXXXXXX), or null. */
export function frenchPhoneE164(phone: string): string | null {
  const digits = phone.replace(/\(0\)/g, "").replace(/[\s.\-/()]/g, "");
  let international = digits;
  if (/^00\d+$/.test(digits)) international = `+${digits.slice(2)}`;
  else if (/^0\d{9}$/.test(digits)) international = `+33${digits.slice(1)}`;
  return /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/.test(international) ? international : null;
}

/** At most `max` characters, cut at a word, with an ellipsis when shortened. */
export function shorten(text: string, max = RESUME_MAX): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

const join = (values: string[]) => [...new Set(values)].join("|");

function pivotOf(structure: SnapshotStructure | undefined): string | null {
  for (const type of ["SIRET", "RNA"] as const) {
    const value = structure?.identifiers.find((identifier) => identifier.type === type)?.value.replace(/\s/g, "");
    if (value && /^[a-zA-Z0-9]{9,14}$/.test(value)) return value;
  }
  return null;
}

/** `today` ("YYYY-MM-DD") decides which closures are still to come in merged hours, and caps `date_maj`. */
export function toLmnRows(snapshot: TerritorySnapshot, today: string): LmnExport {
  const structures = new Map(snapshot.structures.map((structure) => [structure.id, structure]));
  const result: LmnExport = { rows: [], skipped: [], warnings: [] };

  for (const place of snapshot.places) {
    const offersHere = snapshot.offers.filter((offer) => offer.places.some((offerPlace) => offerPlace.placeId === place.id));
    const owner = structures.get(place.structureId) ?? structures.get(offersHere[0]?.structureId ?? "");
    const holders = [owner, ...offersHere.map((offer) => structures.get(offer.structureId))].filter(
      (structure): structure is SnapshotStructure => !!structure,
    );
    const skip = (reason: LmnSkipped["reason"], why: string, issues?: LmnIssue[]) =>
      result.skipped.push({ placeId: place.id, name: place.name, reason, why, ...(issues ? { issues } : {}) });

    if (place.country === "BE" || owner?.identifiers.some((identifier) => identifier.type === "BCE")) {
      skip("belgian", "Lieu belge : exporté en Open Referral (HSDS), pas dans les formats français.");
      continue;
    }
    const offerTerms: TermRef[] = offersHere.flatMap((offer) => offer.terms);
    const labelTerms: TermRef[] = holders.flatMap((structure) => structure.terms);
    const warn = (field: LmnField, value: string, why: string) =>
      result.warnings.push({ placeId: place.id, name: place.name, field, value, why });

    const allowed = (field: LmnField, codes: string[]) => {
      const enumeration = lmnEnumeration(field);
      if (!enumeration) return codes;
      for (const code of codes.filter((value) => !enumeration.includes(value))) {
        if (field !== "formations_labels") warn(field, code, "Valeur absente de l'énumération LMN v1.0.1 : non exportée.");
      }
      return codes.filter((value) => enumeration.includes(value));
    };
    const column = (field: LmnField, vocabulary: string, terms: TermRef[]) => allowed(field, codesIn(vocabulary, terms).codes);

    const services = column("services", "lmn.services", offerTerms);
    if (services.length === 0) {
      skip("no-service", "Aucune offre publiée de ce lieu ne correspond à un service de médiation numérique (LMN).");
      continue;
    }

    const row = emptyLmnRow();
    row.id = place.id;
    const pivot = pivotOf(owner);
    if (!pivot) warn("pivot", "", `Ni SIRET ni RNA pour la structure : pivot « ${PIVOT_UNKNOWN} », comme la cartographie nationale.`);
    row.pivot = pivot ?? PIVOT_UNKNOWN;
    row.nom = place.name;
    row.commune = place.communeName;
    row.code_postal = place.postalCode;
    if (/^([013-9]\d|2[AB1-9])\d{3}$/.test(place.communeCode)) row.code_insee = place.communeCode;
    else if (place.communeCode) warn("code_insee", place.communeCode, "Code INSEE invalide : non exporté.");
    row.adresse = place.address;
    row.complement_adresse = place.addressComplement ?? "";
    row.latitude = place.latitude == null ? "" : String(place.latitude);
    row.longitude = place.longitude == null ? "" : String(place.longitude);
    // The typology is the owner's; visiting structures bring their labels, not their typology.
    row.typologie = join(codesIn("lmn.typologie", owner?.terms ?? []).codes);
    if (owner?.phone) {
      const phone = frenchPhoneE164(owner.phone);
      if (phone) row.telephone = phone;
      else warn("telephone", owner.phone, "Numéro non convertible au format international (+33…) : non exporté.");
    }
    row.courriels = owner?.email ?? "";
    row.site_web = owner?.website ?? "";
    row.horaires = placeHours(place, offersHere.flatMap((offer) => offer.places.filter((at) => at.placeId === place.id)), today);
    const description = owner?.description.trim() ?? "";
    row.presentation_resume = shorten(description);
    row.presentation_detail = [
      ...(description.length > RESUME_MAX ? [description] : []),
      ...offersHere
        .filter((offer) => offer.description.trim() || offer.title !== LMN_OFFER_TITLE)
        .map((offer) => [offer.title, offer.description].filter(Boolean).join(" : ")),
    ]
      .filter(Boolean)
      .join("\n");
    row.source = snapshot.territory.name;
    row.date_maj = notAfter(
      [place.updatedOn, ...holders.map((structure) => structure.updatedOn), ...offersHere.map((offer) => offer.updatedOn)].sort().at(-1)!,
      today,
    );
    row.services = join(services);
    row.publics_specifiquement_adresses = join(column("publics_specifiquement_adresses", "lmn.publics_specifiquement_adresses", offerTerms));
    row.prise_en_charge_specifique = join(column("prise_en_charge_specifique", "lmn.prise_en_charge_specifique", offerTerms));
    row.frais_a_charge = join(column("frais_a_charge", "lmn.frais_a_charge", offerTerms));
    row.dispositif_programmes_nationaux = join(column("dispositif_programmes_nationaux", "lmn.dispositif_programmes_nationaux", labelTerms));
    const formations = codesIn("lmn.formations_labels", labelTerms).codes;
    const formationsAllowed = allowed("formations_labels", formations);
    row.formations_labels = join(formationsAllowed);
    // "Étapes numériques(La Poste)" (v1.0.2, published without its space) is not in v1.0.1.
    row.autres_formations_labels = join(
      formations.filter((label) => !formationsAllowed.includes(label)).map((label) => label.replace(/(\S)\(/, "$1 (")),
    );
    row.modalites_acces = join(column("modalites_acces", "lmn.modalites_acces", offerTerms));
    row.modalites_accompagnement = join(column("modalites_accompagnement", "lmn.modalites_accompagnement", offerTerms));

    // Fields brought by an import are written as read, unless they would make the row invalid.
    for (const [field, value] of Object.entries(place.lmn ?? {}) as [LmnField, string | undefined][]) {
      if (value === undefined) continue;
      const candidate = { ...row, [field]: value };
      const problems = validateLmnRow(candidate).filter((issue) => issue.column === field);
      if (problems.length === 0) row[field] = value;
      else warn(field, value, `Valeur importée non conforme (${problems[0]!.why}) : non exportée.`);
    }

    const issues = validateLmnRow(row);
    if (issues.length > 0) {
      skip("invalid", "Ligne non conforme au schéma LMN v1.0.1 : à corriger dans Toile.", issues);
      continue;
    }
    result.rows.push(row);
  }
  return result;
}

function placeHours(place: SnapshotPlace, offerHours: { hours: SnapshotPlace["hours"] | null }[], today: string): string {
  if (place.hours.osm) return place.hours.osm;
  const own = offerHours.flatMap(({ hours }) => (hours ? [hours] : []));
  if (own.length === 0) return "";
  return openingHoursWithExceptions(mergeSlots(...own.map((hours) => hours.slots)), place.hours.publicHolidays, place.hours.exceptions, today);
}

/**
 * RFC 4180 CSV as the standard asks: UTF-8 (no BOM), "," separator, the 32 columns in schema
 * order with their exact names, CRLF. Values are written as they are, like the JSON: LMN is a
 * machine format, and a leading quote against spreadsheet formulas (=, +, -, @) would change the
 * data for every program that reads it (the CSV and the JSON would disagree). Neutralisation is
 * for the files made to be opened in a spreadsheet (the matrix CSV/XLSX, lib/matrix); the import
 * warns about such values (import/lmn.ts).
 */
export function lmnToCsv(rows: LmnRow[]): string {
  return toCsv([[...LMN_FIELDS], ...rows.map((row) => LMN_FIELDS.map((field) => row[field]))], { separator: ",", inert: asWritten });
}

const asWritten = (value: string) => value;

export type LmnJsonRecord = Partial<Record<LmnField, string | number>>;

/**
 * JSON as the ANCT reference library writes it (there is no normative JSON): flat objects with
 * the CSV column names, multi-values joined with "|", numbers for coordinates, empty keys left out.
 */
export function lmnToJson(rows: LmnRow[]): LmnJsonRecord[] {
  return rows.map((row) => {
    const record: LmnJsonRecord = {};
    for (const field of LMN_FIELDS) {
      const value = row[field];
      if (value === "") continue;
      record[field] = field === "latitude" || field === "longitude" ? Number(value) : value;
    }
    return record;
  });
}
