/**
 * A territory's published data as plain values, the input of every open-data exporter: structures
 * with their identifiers and terms, places with their hours, offers with their terms and where
 * they are held. `loadTerritorySnapshot` reads it in a few queries; exporters are pure functions
 * of it (and imports can build one to check a round trip).
 */
import type { PrismaClient } from "@/lib/db";
import { localTime, type Exception, type HolidayRule, type Slot } from "@/lib/hours/rules";
import type { TermRef } from "./crosswalks";
import { openingHoursWithExceptions } from "./hours";

export type Country = "FR" | "BE";
export type IdentifierType = "SIRET" | "RNA" | "BCE";

/** Weekly slots, holiday rule and dated exceptions, with their OSM `opening_hours` string. */
export interface SnapshotHours {
  slots: Slot[];
  publicHolidays: HolidayRule;
  exceptions: Exception[];
  /** "" when there are no weekly slots. */
  osm: string;
}

/**
 * LMN fields Toile has no column for yet. Filled by an LMN import so that a round trip keeps them;
 * the exporter writes them as they are.
 */
export interface LmnPassThrough {
  source?: string;
  structure_parente?: string;
  itinerance?: string;
  fiche_acces_libre?: string;
  prise_rdv?: string;
  autres_formations_labels?: string;
  presentation_resume?: string;
  presentation_detail?: string;
  typologie?: string;
  courriels?: string;
  site_web?: string;
  /** Hours as the source wrote them, when Toile could not read them into weekly slots. */
  horaires?: string;
}

export interface SnapshotStructure {
  id: string;
  name: string;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  identifiers: { type: IdentifierType; value: string }[];
  /** Typology and labels. */
  terms: TermRef[];
  /**
   * "YYYY-MM-DD": the latest of its last change, its last verification, and the last change of
   * what its JSON shows (its places, its offers): see `servedDate`.
   */
  updatedOn: string;
}

export interface SnapshotPlace {
  id: string;
  structureId: string;
  name: string;
  address: string;
  addressComplement: string | null;
  postalCode: string;
  communeCode: string;
  communeName: string;
  country: Country;
  latitude: number | null;
  longitude: number | null;
  hours: SnapshotHours;
  updatedOn: string;
  lmn?: LmnPassThrough;
}

export interface SnapshotOffer {
  id: string;
  structureId: string;
  title: string;
  description: string;
  terms: TermRef[];
  feeDetails: string | null;
  /** Where it is held; `hours` is null when the place's own hours apply. */
  places: { placeId: string; hours: SnapshotHours | null }[];
  /** Hours of an offer with no place (a phone line). */
  hours: SnapshotHours | null;
  updatedOn: string;
  /** How to come, who for, what to bring: read by loadTerritorySnapshot (HSDS, data·inclusion, the API). */
  details?: OfferDetails;
}

export interface OfferDetails {
  residentAccess: string | null;
  professionalReferral: string | null;
  minAge: number | null;
  maxAge: number | null;
  residencyCondition: string | null;
  otherConditions: string | null;
  documentsToBring: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  isSaturated: boolean;
  acceptsTransfers: boolean;
}

/** Part of a territory: some structures (with their offers and places) or some offers (with their places). */
export interface SnapshotScope {
  structureIds?: string[];
  offerIds?: string[];
}

export interface TerritorySnapshot {
  territory: { id: string; slug: string; name: string; country: Country; timeZone: string };
  structures: SnapshotStructure[];
  places: SnapshotPlace[];
  offers: SnapshotOffer[];
}

const day = (value: Date) => value.toISOString().slice(0, 10);

/**
 * A data's date as the exports say it: never after the export's own day ("YYYY-MM-DD"). A row
 * stamped "in the future" (the database's clock ahead of the app's, a source file's date_maj ahead
 * of ours) is then dated today instead of being refused by the standards (data·inclusion rejects a
 * date_maj after today) and silently dropped.
 */
export const notAfter = (date: string, today: string) => (date <= today ? date : today);
const latestDate = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.filter((date): date is Date => !!date).map((date) => date.getTime())));
const latest = (...dates: (Date | null | undefined)[]) => day(latestDate(...dates));

/**
 * When what the API and the exports serve for an item last changed: its own row, or a row its
 * JSON shows — a structure's places and offers, an offer's structure and places. Hours, closures,
 * terms and an offer's places have no date of their own: their writers move the owner's
 * `updatedAt` (lib/hours/editing.ts). The API's `updated_since` reads the same rows
 * (api/queries.ts), so an item that appears there has a new `updatedOn`, and the other way round.
 */
const servedDate = (own: Date, shown: { updatedAt: Date }[]) => latestDate(own, ...shown.map(({ updatedAt }) => updatedAt));

interface SlotRow {
  weekday: number;
  opensAtMinute: number;
  closesAtMinute: number;
  appointmentOnly: boolean;
}
interface ExceptionRow {
  startsOn: Date;
  endsOn: Date;
  closed: boolean;
  opensAtMinute: number | null;
  closesAtMinute: number | null;
  label: string;
}

export function snapshotHours(slots: SlotRow[], exceptions: ExceptionRow[], publicHolidays: HolidayRule, today: string): SnapshotHours {
  const weekly: Slot[] = slots.map(({ weekday, opensAtMinute, closesAtMinute, appointmentOnly }) => ({
    weekday,
    opensAtMinute,
    closesAtMinute,
    appointmentOnly,
  }));
  const dated: Exception[] = exceptions.map((exception) => ({
    startsOn: day(exception.startsOn),
    endsOn: day(exception.endsOn),
    closed: exception.closed,
    opensAtMinute: exception.opensAtMinute,
    closesAtMinute: exception.closesAtMinute,
    label: exception.label,
  }));
  return { slots: weekly, publicHolidays, exceptions: dated, osm: openingHoursWithExceptions(weekly, publicHolidays, dated, today) };
}

/** The hours and terms the standards carry (shared with the import's read of the territory). */
export const hoursSelect = {
  openingSlots: { select: { weekday: true, opensAtMinute: true, closesAtMinute: true, appointmentOnly: true } },
  openingExceptions: {
    select: { startsOn: true, endsOn: true, closed: true, opensAtMinute: true, closesAtMinute: true, label: true },
  },
} as const;
export const termsSelect = { select: { term: { select: { vocabularyKey: true, code: true } } } } as const;

/**
 * The territory's published data: published structures, their published offers, and the places
 * those offers are held at (a permanence at another structure's place brings that place along),
 * plus the published structures' own places. Drafts, archived offers and closed structures stay out.
 */
export async function loadTerritorySnapshot(
  db: PrismaClient,
  territoryId: string,
  now = new Date(),
  scope?: SnapshotScope,
): Promise<TerritorySnapshot> {
  const territory = await db.territory.findUniqueOrThrow({
    where: { id: territoryId },
    select: { id: true, slug: true, name: true, country: true, timeZone: true },
  });
  // The territory's day, as every exporter's `today` (lib/open-data/downloads.ts territoryToday).
  const today = localTime(now, territory.timeZone).date;
  const publishedStructure = { territoryId, status: "published" } as const;
  // A scope narrows every read (the API's pages); without one, the whole territory.
  const structures = await db.structure.findMany({
    where: scope?.offerIds
      ? { ...publishedStructure, offers: { some: { id: { in: scope.offerIds }, status: "published" } } }
      : { ...publishedStructure, ...(scope?.structureIds ? { id: { in: scope.structureIds } } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      updatedAt: true,
      lastVerifiedAt: true,
      // The last change of its places and of its offers (any status: withdrawing one changes `offerIds`).
      places: { select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
      offers: { select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
      identifiers: { select: { type: true, value: true }, orderBy: { type: "asc" } },
      terms: termsSelect,
    },
  });
  // Offers and places are then found through ids (their indexes): a join on the structure's
  // territory made PostgreSQL scan every offer of the country (lib/public-search/queries.ts).
  const structureIds = structures.map(({ id }) => id);
  const offers = await db.offer.findMany({
    where: { status: "published", structureId: { in: structureIds }, ...(scope?.offerIds ? { id: { in: scope.offerIds } } : {}) },
    orderBy: [{ structureId: "asc" }, { title: "asc" }],
    select: {
      id: true,
      structureId: true,
      title: true,
      description: true,
      feeDetails: true,
      residentAccess: true,
      professionalReferral: true,
      minAge: true,
      maxAge: true,
      residencyCondition: true,
      otherConditions: true,
      documentsToBring: true,
      languages: true,
      isSaturated: true,
      acceptsTransfers: true,
      updatedAt: true,
      lastVerifiedAt: true,
      terms: termsSelect,
      ...hoursSelect,
      structure: { select: { updatedAt: true } },
      places: { select: { placeId: true, publicHolidays: true, ...hoursSelect, place: { select: { publicHolidays: true, updatedAt: true } } } },
    },
  });
  const offerPlaceIds = [...new Set(offers.flatMap((offer) => offer.places.map(({ placeId }) => placeId)))];
  const places = await db.place.findMany({
    // The structures' own places (not for a page of offers) and the places their offers are held at.
    where: { structure: { territoryId }, OR: [...(scope?.offerIds ? [] : [{ structureId: { in: structureIds } }]), { id: { in: offerPlaceIds } }] },
    orderBy: [{ communeName: "asc" }, { name: "asc" }],
    select: {
      id: true,
      structureId: true,
      name: true,
      address: true,
      addressComplement: true,
      postalCode: true,
      communeCode: true,
      communeName: true,
      country: true,
      latitude: true,
      longitude: true,
      publicHolidays: true,
      appointmentUrl: true,
      standardExtras: true,
      updatedAt: true,
      ...hoursSelect,
    },
  });
  // The source's own update dates of imported records, given back until Toile changes them.
  const records = await db.importedRecord.findMany({
    where: { territoryId, sourceUpdatedOn: { not: null } },
    select: { structureId: true, placeId: true, offerId: true, sourceUpdatedOn: true, importedAt: true },
  });
  const sourceDates = importedDates(records);
  const servedOn = (id: string, updatedAt: Date, lastVerifiedAt: Date | null) =>
    notAfter(sourceDates.of(id, updatedAt, lastVerifiedAt) ?? latest(updatedAt, lastVerifiedAt), today);

  const refs = (terms: { term: { vocabularyKey: string; code: string } }[]): TermRef[] =>
    terms.map(({ term }) => [term.vocabularyKey, term.code] as const);

  return {
    territory,
    structures: structures.map((structure) => ({
      id: structure.id,
      name: structure.name,
      description: structure.description,
      email: structure.email,
      phone: structure.phone,
      website: structure.website,
      identifiers: structure.identifiers,
      terms: refs(structure.terms),
      updatedOn: servedOn(structure.id, servedDate(structure.updatedAt, [...structure.places, ...structure.offers]), structure.lastVerifiedAt),
    })),
    places: places.map((place) => ({
      id: place.id,
      structureId: place.structureId,
      name: place.name,
      address: place.address,
      addressComplement: place.addressComplement,
      postalCode: place.postalCode,
      communeCode: place.communeCode,
      communeName: place.communeName,
      country: place.country,
      latitude: place.latitude,
      longitude: place.longitude,
      hours: snapshotHours(place.openingSlots, place.openingExceptions, place.publicHolidays, today),
      updatedOn: notAfter(sourceDates.of(place.id, place.updatedAt, null) ?? day(place.updatedAt), today),
      ...standardFields(place),
    })),
    offers: offers.map((offer) => ({
      id: offer.id,
      structureId: offer.structureId,
      title: offer.title,
      description: offer.description,
      terms: refs(offer.terms),
      feeDetails: offer.feeDetails,
      places: offer.places.map((offerPlace) => ({
        placeId: offerPlace.placeId,
        hours:
          offerPlace.openingSlots.length > 0
            ? snapshotHours(offerPlace.openingSlots, offerPlace.openingExceptions, offerPlace.publicHolidays ?? offerPlace.place.publicHolidays, today)
            : null,
      })),
      hours: offer.openingSlots.length > 0 ? snapshotHours(offer.openingSlots, offer.openingExceptions, "unknown", today) : null,
      updatedOn: servedOn(offer.id, servedDate(offer.updatedAt, [offer.structure, ...offer.places.map(({ place }) => place)]), offer.lastVerifiedAt),
      details: {
        residentAccess: offer.residentAccess,
        professionalReferral: offer.professionalReferral,
        minAge: offer.minAge,
        maxAge: offer.maxAge,
        residencyCondition: offer.residencyCondition,
        otherConditions: offer.otherConditions,
        documentsToBring: offer.documentsToBring,
        languages: offer.languages,
        isSaturated: offer.isSaturated,
        acceptsTransfers: offer.acceptsTransfers,
      },
    })),
  };
}

/**
 * What an import kept of the standards (Place.appointmentUrl, Place.standardExtras), given back as
 * LMN fields. Hours the source wrote and Toile could not read are given back only while the place
 * has no weekly slots of its own.
 */
function standardFields(place: { appointmentUrl: string | null; standardExtras: unknown; openingSlots: unknown[] }): { lmn?: LmnPassThrough } {
  const lmn: LmnPassThrough = { ...((place.standardExtras ?? {}) as LmnPassThrough) };
  if (place.appointmentUrl) lmn.prise_rdv = place.appointmentUrl;
  if (place.openingSlots.length > 0) delete lmn.horaires;
  return Object.keys(lmn).length > 0 ? { lmn } : {};
}

/**
 * The source's `date_maj` of imported data, said as the data's date for as long as nothing was
 * changed or verified in Toile since it was imported (then Toile's own date applies).
 */
function importedDates(records: { structureId: string; placeId: string; offerId: string | null; sourceUpdatedOn: Date | null; importedAt: Date }[]) {
  const byId = new Map<string, { source: string; importedAt: number }>();
  const note = (id: string | null, source: Date | null, importedAt: Date) => {
    if (!id || !source) return;
    const previous = byId.get(id);
    const value = day(source);
    byId.set(id, {
      source: previous && previous.source > value ? previous.source : value,
      importedAt: Math.max(previous?.importedAt ?? 0, importedAt.getTime()),
    });
  };
  for (const record of records) {
    note(record.structureId, record.sourceUpdatedOn, record.importedAt);
    note(record.placeId, record.sourceUpdatedOn, record.importedAt);
    note(record.offerId, record.sourceUpdatedOn, record.importedAt);
  }
  return {
    of(id: string, updatedAt: Date, lastVerifiedAt: Date | null): string | null {
      const imported = byId.get(id);
      if (!imported) return null;
      const touched = Math.max(updatedAt.getTime(), lastVerifiedAt?.getTime() ?? 0);
      return touched <= imported.importedAt ? imported.source : null;
    },
  };
}
