/**
 * The pure part of an import's plan: how the file's rows group into structures, which existing
 * structure, place and offer each row is, and what would change field by field. The database read
 * that feeds it is in plan.ts; the writes in commit.ts.
 *
 * Matching, in order: the row's source identifier (an earlier import of the same file), or Toile's
 * own place id (the template: the matrix export carries it), then the structure's SIRET/RNA (and, inside that structure, the place at the same address), then the
 * place with the same normalised name, address and postal code in the territory.
 * Grouping: rows with the same SIRET/RNA are one structure; rows without one are one structure
 * when their names are the same (normalised) within one département — a network's name across
 * its antennas, not two "Bibliothèque municipale" of distant communes.
 * Merging: a non-empty value of the file replaces Toile's; an empty one never erases.
 * Duplicates in the file (same name, address and postal code; for the template, same offer too):
 * the newest by its source date (`date_maj`) is imported, the first on a tie; the others are
 * skipped with the line that was imported and why.
 */
import { createHash } from "node:crypto";
import { describeHours } from "@/lib/hours/format";
import { conditionList, type OfferConditions } from "@/lib/matrix/conditions";
import type { Exception, HolidayRule, Slot } from "@/lib/hours/rules";
import type { TermRef } from "../crosswalks";
import { LMN_OFFER_TITLE } from "../lmn/schema";
import type { IdentifierType, LmnPassThrough } from "../snapshot";
import type { ImportIssue, ImportRow } from "./model";

export interface ExistingStructure {
  id: string;
  name: string;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  identifiers: { type: IdentifierType; value: string }[];
  terms: string[];
  /** Postal codes of its places, to match a name within a département. */
  postalCodes: string[];
}

export interface ExistingOffer {
  id: string;
  structureId: string;
  title: string;
  terms: string[];
  conditions: OfferConditions;
  /** Its own hours at this place (null: the place's apply). */
  hours: HoursValue | null;
}

export interface ExistingPlace extends PlaceValues {
  id: string;
  structureId: string;
  hours: HoursValue;
  offers: ExistingOffer[];
}

export interface ExistingRecord {
  source: string;
  externalId: string;
  structureId: string;
  placeId: string;
  offerId: string | null;
  sourceUpdatedOn: string | null;
}

export interface TerritoryState {
  territory: { id: string; country: "FR" | "BE" };
  structures: ExistingStructure[];
  places: ExistingPlace[];
  records: ExistingRecord[];
}

export interface HoursValue {
  slots: Slot[];
  exceptions: Exception[];
  publicHolidays: HolidayRule;
}

export type RowAction = "create" | "update" | "unchanged" | "skip";

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** What one row of the file becomes. Ids are null where something is to be created. */
export interface PlannedRow {
  sourceRow: number;
  sourceId: string;
  name: string;
  action: RowAction;
  /** Why a row is skipped. */
  reason?: string;
  /** The file's grouping key: rows with the same key become one structure. */
  group: string;
  structureId: string | null;
  placeId: string | null;
  offerId: string | null;
  /** How the existing place or structure was found. */
  matchedBy: "record" | "toile-id" | "identifier" | "name-address" | null;
  changes: FieldChange[];
  /** Resolved values the commit writes (null for a skipped row). */
  target: RowTarget | null;
}

export interface RowTarget {
  row: ImportRow;
  /** The source key of the row (LMN `source` + `id`); null for rows without an identifier (template). */
  record: { source: string; externalId: string; exists: boolean; sourceUpdatedOn: string | null } | null;
  structure: StructureValues;
  /** The structure's fields are written from this row (the first of its group). */
  writesStructure: boolean;
  place: PlaceValues;
  /** Null: the row says nothing of hours, the existing ones stay. */
  hours: HoursValue | null;
  /** LMN hours are the place's; a template row's are its offer's at that place. */
  hoursOn: "place" | "offer";
  /** Rows creating the same new place share it (several offers of the template at one address). */
  newPlaceKey: string;
  offer: {
    title: string;
    terms: string[];
    feeDetails: string | null;
    documentsToBring: string[];
    acceptsTransfers: boolean;
    titleFromFile: boolean;
    /** Null: the file says none, the offer's (if any) stay. */
    conditions: OfferConditions | null;
  };
}

export interface StructureValues {
  name: string;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  identifiers: { type: IdentifierType; value: string }[];
  terms: string[];
}

export interface PlaceValues {
  name: string;
  address: string;
  addressComplement: string | null;
  postalCode: string;
  communeCode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
  appointmentUrl: string | null;
  standardExtras: LmnPassThrough;
}

export interface ImportPlan {
  territoryId: string;
  rows: PlannedRow[];
  /** The file's rows and issues as parsed: the commit plans them again under the territory's lock. */
  input: ImportRow[];
  issues: ImportIssue[];
  counts: Record<RowAction, number> & { structuresCreated: number };
  /** The plan's fingerprint: a confirmation imports only if the plan computed again is the same. */
  hash: string;
}


export const termKey = ([vocabulary, code]: TermRef) => `${vocabulary}\u0000${code}`;
export const termRefOf = (key: string): TermRef => key.split("\u0000") as unknown as TermRef;

/** Lower case, no accents, punctuation as spaces: "5place de la Mairie" ≈ "5 Place de la mairie". */
export function normaliseText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/([a-z])(\d)|(\d)([a-z])/g, "$1$3 $2$4")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const addressKey = (address: string, postalCode: string) => `${normaliseText(address)}\u0000${postalCode.trim()}`;
const placeKey = (name: string, address: string, postalCode: string) => `${normaliseText(name)}\u0000${addressKey(address, postalCode)}`;
const departmentOf = (postalCode: string) => postalCode.trim().slice(0, 2);
const identifierKey = (identifiers: { type: IdentifierType; value: string }[]) => {
  const identifier = identifiers.find((id) => id.type === "SIRET") ?? identifiers.find((id) => id.type === "RNA");
  return identifier ? `${identifier.type}:${identifier.value}` : null;
};

/** Rows with the same key are one place of the file (LMN), or one offer at one place (template). */
function duplicateKeyOf(row: ImportRow): string {
  const key = placeKey(row.place.name, row.place.address, row.place.postalCode);
  // Toile's own offer id when the template carries it: two offers may share a title at one place.
  return row.offer ? `${key}\u0000${groupKey(row)}\u0000${row.toile?.offerId ?? normaliseText(row.offer.title)}` : key;
}

/** Why a duplicate row is not imported, naming the row that is and why that one. */
function duplicateReason(row: ImportRow, kept: ImportRow): string {
  const same = row.offer ? "même structure, même offre, même adresse" : "même nom, même adresse, même code postal";
  const which =
    kept.updatedOn && kept.updatedOn !== row.updatedOn
      ? `la ligne ${kept.sourceRow}, mise à jour le ${kept.updatedOn} (celle-ci ${row.updatedOn ? `le ${row.updatedOn}` : "sans date"}), est la plus récente : c'est elle qui est importée`
      : `la ligne ${kept.sourceRow} est importée (la première, aucune n'est plus récente)`;
  return `Doublon de la ligne ${kept.sourceRow} (${same}) : ${which}, pas celle-ci.`;
}

/** The file's structure of a row: Toile's structure id (the template), else its SIRET/RNA, else its name within its département. */
export function groupKey(row: ImportRow): string {
  if (row.toile?.structureId) return `toile:${row.toile.structureId}`;
  return identifierKey(row.structure.identifiers) ?? `nom:${normaliseText(row.structure.name)}:${departmentOf(row.place.postalCode)}`;
}

const sourceOf = (row: ImportRow) => row.lmn.source?.trim() ?? "";

/** `{ field: value }` of the LMN fields kept as extras (prise_rdv has its column), sorted, empties left out. */
function extrasOf(row: ImportRow): LmnPassThrough {
  const extras: Record<string, string> = {};
  for (const [field, value] of Object.entries(row.lmn)) {
    if (field !== "prise_rdv" && value) extras[field] = value;
  }
  if (row.hours && !row.hours.understood) extras.horaires = row.hours.raw;
  return Object.fromEntries(Object.entries(extras).sort(([a], [b]) => a.localeCompare(b)));
}

const sortedTerms = (terms: readonly TermRef[]) => [...new Set(terms.map(termKey))].sort();

const text = (value: unknown) => (value == null ? "" : String(value));
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** The hours as a comparison key (never shown: the preview says hours in French, `hoursInFrench`). */
function hoursText(hours: HoursValue): string {
  const slots = [...hours.slots]
    .map((slot) => `${slot.weekday}:${slot.opensAtMinute}-${slot.closesAtMinute}${slot.appointmentOnly ? "rdv" : ""}`)
    .sort();
  const exceptions = [...hours.exceptions]
    .map((exception) => `${exception.startsOn}/${exception.endsOn}:${exception.closed ? "off" : `${exception.opensAtMinute}-${exception.closesAtMinute}`}:${exception.label}`)
    .sort();
  return [...slots, ...exceptions, `PH:${hours.publicHolidays}`].join(" ");
}

const hoursInFrench = (hours: HoursValue) => describeHours(hours);

export interface PlanOptions {
  /** INSEE code of a commune given by postal code and name, when the row has none (server: lib/places/communes). */
  resolveCommune?: (postalCode: string, name: string) => string | null;
}

/**
 * The plan of importing `rows` (and the parser's `issues`) into a territory in `state`. Pure:
 * the same inputs give the same plan and hash.
 */
export function planRows(state: TerritoryState, rows: ImportRow[], issues: ImportIssue[], options: PlanOptions = {}): ImportPlan {
  const placesById = new Map(state.places.map((place) => [place.id, place]));
  const structuresById = new Map(state.structures.map((structure) => [structure.id, structure]));
  const recordOf = new Map(state.records.map((record) => [`${record.source}\u0000${record.externalId}`, record]));
  const placeByKey = new Map<string, ExistingPlace>();
  for (const place of state.places) if (!placeByKey.has(placeKey(place.name, place.address, place.postalCode))) placeByKey.set(placeKey(place.name, place.address, place.postalCode), place);
  const structureByIdentifier = new Map<string, ExistingStructure>();
  for (const structure of state.structures) {
    for (const identifier of structure.identifiers) structureByIdentifier.set(`${identifier.type}:${identifier.value}`, structure);
  }

  const planned: PlannedRow[] = [];
  // Rows with parser errors are not in `rows`: they are listed as skipped, with the first error.
  const errorRows = new Map<number, ImportIssue>();
  for (const issue of issues) if (issue.level === "error" && issue.row > 0 && !errorRows.has(issue.row)) errorRows.set(issue.row, issue);
  for (const [sourceRow, issue] of errorRows) {
    planned.push({
      sourceRow,
      sourceId: issue.column === "id" ? issue.value : "",
      name: "",
      action: "skip",
      reason: `Erreur : ${issue.column ? `${issue.column} — ` : ""}${issue.why}`,
      group: "",
      structureId: null,
      placeId: null,
      offerId: null,
      matchedBy: null,
      changes: [],
      target: null,
    });
  }

  /** The existing structure each group of the file goes to (decided by its first matching row). */
  const groupStructure = new Map<string, string | null>();
  const groupWriter = new Map<string, number>();
  // Of the rows that are one place (or one offer at one place), the one imported: the newest by
  // its source date (`date_maj`), the first of them on a tie or without dates.
  const keptDuplicate = new Map<string, ImportRow>();
  for (const row of rows) {
    const key = duplicateKeyOf(row);
    const kept = keptDuplicate.get(key);
    if (!kept || (row.updatedOn ?? "") > (kept.updatedOn ?? "")) keptDuplicate.set(key, row);
  }
  const claimedPlaces = new Set<string>();

  /** A template line naming its place (the export): the place of that name and address, whoever holds it (offers of several structures at one place). */
  const sharedPlace = (row: ImportRow) => (row.toile?.placeColumns ? placeByKey.get(placeKey(row.place.name, row.place.address, row.place.postalCode)) : undefined);
  const matchOf = (row: ImportRow) => {
    const record = row.sourceId ? recordOf.get(`${sourceOf(row)}\u0000${row.sourceId}`) : undefined;
    const recordPlace = record ? placesById.get(record.placeId) : undefined;
    if (record && recordPlace) return { place: recordPlace, structureId: recordPlace.structureId, offerId: record.offerId, record, by: "record" as const };
    // The template's ids, when they are this territory's (only its places and structures are loaded).
    // An offer may be held at another structure's place: the row's structure is its offer's.
    const toilePlace = row.toile?.placeId ? placesById.get(row.toile.placeId) : undefined;
    const toileStructure = row.toile?.structureId ? structuresById.get(row.toile.structureId) : undefined;
    if (toilePlace) return { place: toilePlace, structureId: toileStructure?.id ?? toilePlace.structureId, offerId: row.toile?.offerId ?? null, record, by: "toile-id" as const };
    if (toileStructure) {
      const place = state.places.find(
        (candidate) => candidate.structureId === toileStructure.id && addressKey(candidate.address, candidate.postalCode) === addressKey(row.place.address, row.place.postalCode),
      ) ?? sharedPlace(row);
      return { place, structureId: toileStructure.id, offerId: null, record, by: "toile-id" as const };
    }
    const identifier = identifierKey(row.structure.identifiers);
    // The template names no identifier: its "Qui" is the structure's name, its "Où" one of its places.
    const byName = row.offer
      ? state.structures.find(
          (structure) =>
            normaliseText(structure.name) === normaliseText(row.structure.name) &&
            structure.postalCodes.some((postalCode) => departmentOf(postalCode) === departmentOf(row.place.postalCode)),
        )
      : undefined;
    const byIdentifier = identifier ? structureByIdentifier.get(identifier) : byName;
    if (byIdentifier) {
      const place = state.places.find(
        (candidate) => candidate.structureId === byIdentifier.id && addressKey(candidate.address, candidate.postalCode) === addressKey(row.place.address, row.place.postalCode),
      ) ?? sharedPlace(row);
      return { place, structureId: byIdentifier.id, offerId: null, record, by: identifier ? ("identifier" as const) : ("name-address" as const) };
    }
    const place = placeByKey.get(placeKey(row.place.name, row.place.address, row.place.postalCode));
    if (place) return { place, structureId: place.structureId, offerId: null, record, by: "name-address" as const };
    return { place: undefined, structureId: null, offerId: null, record, by: null };
  };

  // First pass: each group's existing structure, if any row of it matches one.
  for (const row of rows) {
    const group = groupKey(row);
    if (groupStructure.get(group)) continue;
    const match = matchOf(row);
    if (match.structureId) groupStructure.set(group, match.structureId);
    else if (!groupStructure.has(group)) {
      // A structure of the territory with the same name, with a place in the same département.
      const byName = state.structures.find(
        (structure) =>
          !identifierKey(row.structure.identifiers) &&
          normaliseText(structure.name) === normaliseText(row.structure.name) &&
          structure.postalCodes.some((postalCode) => departmentOf(postalCode) === departmentOf(row.place.postalCode)),
      );
      groupStructure.set(group, byName?.id ?? null);
    }
  }

  for (const row of rows) {
    const group = groupKey(row);
    const base = { sourceRow: row.sourceRow, sourceId: row.sourceId, name: row.place.name, group };
    const skip = (reason: string) =>
      planned.push({ ...base, action: "skip", reason, structureId: null, placeId: null, offerId: null, matchedBy: null, changes: [], target: null });

    if (row.place.country !== state.territory.country) {
      skip(`Lieu hors du pays du territoire (${row.place.country}) : non importé.`);
      continue;
    }
    const key = placeKey(row.place.name, row.place.address, row.place.postalCode);
    const kept = keptDuplicate.get(duplicateKeyOf(row))!;
    if (kept !== row) {
      skip(duplicateReason(row, kept));
      continue;
    }

    const match = matchOf(row);
    let place = match.place;
    // Two LMN rows are two places; template rows are offers, several at one place.
    if (place && !row.offer && claimedPlaces.has(place.id)) place = undefined;
    if (place) claimedPlaces.add(place.id);
    // A template line is an offer of its structure, wherever it is held (maybe another structure's place).
    const structureId = (row.offer ? match.structureId : null) ?? place?.structureId ?? match.structureId ?? groupStructure.get(group) ?? null;
    const structure = structureId ? structuresById.get(structureId) : undefined;
    const writesStructure = !groupWriter.has(group) || groupWriter.get(group) === row.sourceRow;
    if (!groupWriter.has(group)) groupWriter.set(group, row.sourceRow);

    const changes: FieldChange[] = [];
    const change = (field: string, before: unknown, after: unknown) => {
      if (text(before) !== text(after)) changes.push({ field, before: text(before), after: text(after) });
    };

    // The structure: the file fills and updates, never erases.
    const structureValues: StructureValues = {
      name: row.structure.name || structure?.name || "",
      description: row.structure.description || structure?.description || "",
      email: row.structure.email || structure?.email || null,
      phone: row.structure.phone || structure?.phone || null,
      website: row.structure.website || structure?.website || null,
      identifiers: mergeIdentifiers(structure?.identifiers ?? [], row.structure.identifiers),
      terms: [...new Set([...(structure?.terms ?? []), ...sortedTerms(row.structure.terms)])].sort(),
    };
    if (structure && writesStructure) {
      change("Structure : nom", structure.name, structureValues.name);
      change("Structure : présentation", structure.description, structureValues.description);
      change("Structure : courriel", structure.email, structureValues.email);
      change("Structure : téléphone", structure.phone, structureValues.phone);
      change("Structure : site web", structure.website, structureValues.website);
      change("Structure : identifiants", identifiersText(structure.identifiers), identifiersText(structureValues.identifiers));
      if (!sameSet(structure.terms, structureValues.terms)) change("Structure : type et labels", labels(structure.terms), labels(structureValues.terms));
    }

    const communeCode = row.place.communeCode ?? options.resolveCommune?.(row.place.postalCode, row.place.communeName) ?? place?.communeCode ?? "";
    const placeValues: PlaceValues = {
      // A template without the place columns names the place after its structure: a place
      // already in Toile then keeps its name and commune's spelling.
      name: row.offer && place && !row.toile?.placeColumns ? place.name : row.place.name,
      address: row.place.address,
      addressComplement: row.place.addressComplement ?? place?.addressComplement ?? null,
      postalCode: row.place.postalCode,
      communeCode,
      communeName: row.offer && place && !row.toile?.placeColumns ? place.communeName : row.place.communeName,
      // A pair, never half of one: the row's point if it has one, else the place's.
      ...pointOf(row.place.latitude != null && row.place.longitude != null ? row.place : place),
      appointmentUrl: row.lmn.prise_rdv || place?.appointmentUrl || null,
      standardExtras: { ...(place?.standardExtras ?? {}), ...extrasOf(row) },
    };
    if (row.hours?.understood) delete placeValues.standardExtras.horaires;
    let hours: HoursValue | null = row.hours ? { slots: row.hours.slots, exceptions: row.hours.exceptions, publicHolidays: row.hours.publicHolidays } : null;
    if (place) {
      change("Lieu : nom", place.name, placeValues.name);
      change("Lieu : adresse", place.address, placeValues.address);
      change("Lieu : complément d'adresse", place.addressComplement, placeValues.addressComplement);
      change("Lieu : code postal", place.postalCode, placeValues.postalCode);
      change("Lieu : code INSEE", place.communeCode, placeValues.communeCode);
      change("Lieu : commune", place.communeName, placeValues.communeName);
      change("Lieu : latitude", place.latitude, placeValues.latitude);
      change("Lieu : longitude", place.longitude, placeValues.longitude);
      change("Lieu : prise de rendez-vous", place.appointmentUrl, placeValues.appointmentUrl);
      change("Lieu : autres champs du standard", JSON.stringify(sortKeys(place.standardExtras)), JSON.stringify(sortKeys(placeValues.standardExtras)));
      if (hours && !row.offer && hoursText(hours) !== hoursText(place.hours)) change("Lieu : horaires", hoursInFrench(place.hours), hoursInFrench(hours));
    }

    // The offer: the one this row became last time, else the structure's offer at this place
    // with the same services (LMN: one offer per place and set of services), else a new one.
    const terms = sortedTerms(row.terms);
    const services = (keys: string[]) => keys.filter((term) => term.startsWith("lmn.services\u0000")).sort().join("\n");
    const title = row.offer?.title ?? LMN_OFFER_TITLE;
    const offersHere = place?.offers.filter((offer) => offer.structureId === structureId) ?? [];
    const offer =
      offersHere.find((candidate) => candidate.id === match.offerId) ??
      (row.offer ? offersHere.find((candidate) => normaliseText(candidate.title) === normaliseText(title)) : offersHere.find((candidate) => services(candidate.terms) === services(terms)));
    // A label of two vocabularies (the template): the term the offer already has is the one meant.
    for (const twins of row.offer?.sameLabelTerms ?? []) {
      const keys = twins.map(termKey);
      const held = keys.find((key) => offer?.terms.includes(key));
      const chosen = keys.find((key) => terms.includes(key));
      if (held && chosen && held !== chosen) terms.splice(terms.indexOf(chosen), 1, held);
    }
    // Terms of vocabularies the template has no column for (specific support…) stay.
    const covered = row.offer?.vocabularies;
    if (offer && covered) terms.push(...offer.terms.filter((key) => !covered.includes(termRefOf(key)[0]) && !terms.includes(key)));
    terms.sort();
    const conditionsText = (conditions: OfferConditions) => conditionList(conditions).join(" ; ");
    let conditions = offer?.conditions ?? null;
    if (row.offer?.conditions && (!offer || conditionsText(offer.conditions) !== conditionsText(row.offer.conditions))) {
      if (offer) change("Offre : conditions", conditionsText(offer.conditions), conditionsText(row.offer.conditions));
      conditions = row.offer.conditions;
    }
    if (offer) {
      if (!sameSet(offer.terms, terms)) change("Offre : besoins, publics, modalités", labels(offer.terms), labels(terms));
      if (row.offer) change("Offre : titre", offer.title, title);
      const own = offer.hours ?? place?.hours;
      // The template's week says nothing of dated exceptions (closures): those in Toile stay.
      if (row.offer && hours && own && hours.exceptions.length === 0) hours = { ...hours, exceptions: own.exceptions };
      if (row.offer && hours && own && hoursText(hours) !== hoursText(own)) change("Offre : horaires", hoursInFrench(own), hoursInFrench(hours));
    }
    const sourceUpdatedOn = row.updatedOn;
    const hasRecord = !!row.sourceId && !row.offer;
    if (hasRecord && match.record && match.record.sourceUpdatedOn !== sourceUpdatedOn && place) change("Date de mise à jour (source)", match.record.sourceUpdatedOn, sourceUpdatedOn);
    if (hasRecord && place && (!match.record || match.record.placeId !== place.id || match.record.offerId !== (offer?.id ?? null))) {
      change("Lien avec le fichier source", "", `${sourceOf(row) || "fichier"} #${row.sourceId}`);
    }

    const action: RowAction = !place || !offer ? (place ? "update" : "create") : changes.length > 0 ? "update" : "unchanged";
    if (place && !offer) changes.push({ field: "Offre", before: "", after: `nouvelle offre « ${title} »` });
    planned.push({
      ...base,
      action,
      structureId,
      placeId: place?.id ?? null,
      offerId: offer?.id ?? null,
      matchedBy: place ? match.by : structureId ? (match.by ?? "name-address") : null,
      changes,
      target: {
        row,
        record: hasRecord ? { source: sourceOf(row), externalId: row.sourceId, exists: !!match.record, sourceUpdatedOn } : null,
        structure: structureValues,
        writesStructure,
        place: placeValues,
        hours,
        hoursOn: row.offer ? "offer" : "place",
        // Template lines of one place (offers of several structures there) share it.
        newPlaceKey: row.toile?.placeId ? `lieu:${row.toile.placeId}` : `${group}\u0000${key}`,
        offer: {
          title: offer && !row.offer ? offer.title : title,
          terms,
          feeDetails: row.offer?.feeDetails ?? null,
          documentsToBring: row.offer?.documentsToBring ?? [],
          acceptsTransfers: row.offer?.acceptsTransfers ?? false,
          titleFromFile: !!row.offer,
          conditions,
        },
      },
    });
  }

  planned.sort((a, b) => a.sourceRow - b.sourceRow);
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0, structuresCreated: 0 };
  for (const row of planned) counts[row.action]++;
  counts.structuresCreated = new Set(planned.filter((row) => row.target && !row.structureId).map((row) => row.group)).size;
  return { territoryId: state.territory.id, rows: planned, input: rows, issues, counts, hash: planHash(planned) };
}

function mergeIdentifiers(existing: { type: IdentifierType; value: string }[], fromFile: { type: IdentifierType; value: string }[]) {
  const merged = new Map(existing.map((identifier) => [identifier.type, identifier.value]));
  for (const identifier of fromFile) merged.set(identifier.type, identifier.value);
  return [...merged].map(([type, value]) => ({ type, value })).sort((a, b) => a.type.localeCompare(b.type));
}

const identifiersText = (identifiers: { type: IdentifierType; value: string }[]) =>
  [...identifiers].sort((a, b) => a.type.localeCompare(b.type)).map((identifier) => `${identifier.type} ${identifier.value}`).join(", ");
const labels = (terms: string[]) => terms.map((term) => termRefOf(term)[1]).join(", ");
const sortKeys = (value: object) => Object.fromEntries(Object.entries(value).filter(([, v]) => v != null && v !== "").sort(([a], [b]) => a.localeCompare(b)));

/** What a confirmation must find again: each row's action, targets and changes. */
function planHash(rows: PlannedRow[]): string {
  const essence = rows.map((row) => [row.sourceRow, row.group, row.action, row.reason ?? "", row.structureId, row.placeId, row.offerId, row.changes]);
  return createHash("sha256").update(JSON.stringify(essence)).digest("hex");
}

const pointOf = (source: { latitude: number | null; longitude: number | null } | undefined) =>
  source?.latitude != null && source.longitude != null ? { latitude: source.latitude, longitude: source.longitude } : { latitude: null, longitude: null };
