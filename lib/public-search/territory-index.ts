/**
 * The public search's data of one territory, held in memory: its published offers of published
 * structures with everything the search filters on and shows, and its communes. A search is then
 * a filter over an array (queries.ts), with no SQL but the territory's row.
 *
 * Loading reads the territory in a few set-based statements (each through an index on the
 * territory: Offer(territoryId, status), Structure(territoryId, status), then joins on primary
 * keys and the hours' owner indexes), in one REPEATABLE READ transaction, so the index is one
 * consistent picture of the data.
 *
 * Freshness: Territory.searchVersion is bumped by the database (triggers on every table read
 * here) in the transaction of any write of this data (search-version.ts). The caller reads the
 * version first (with the territory's row) and the index is loaded after, so a write committing in between is already in the index that
 * carries the older version: it only costs one extra reload, never a stale index.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Country } from "@/lib/hours/holidays";
import {
  offerScheduleAt,
  remoteOfferSchedule,
  type ExceptionRow as StoredException,
  type OfferAtPlaceHours,
  type SlotRow as StoredSlot,
} from "@/lib/hours/offer-schedule";
import type { HolidayRule, Schedule } from "@/lib/hours/rules";
import type { Commune } from "./filters";
import { normalize } from "./text";

export interface TermRef {
  vocabularyKey: string;
  code: string;
}
export const termKey = ({ vocabularyKey, code }: TermRef) => `${vocabularyKey}\u0000${code}`;

export interface IndexedPlace {
  name: string;
  address: string;
  postalCode: string;
  communeCode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
  /** null: not said. */
  wheelchairAccessible: boolean | null;
}

/** "We don't do this → go there": a redirection entry of the matrix (the orientation assistant follows them). */
export interface IndexedRedirect {
  notOffered: string;
  toOfferId: string | null;
  toStructureId: string | null;
  note: string | null;
}

export interface IndexedOffer {
  id: string;
  title: string;
  description: string;
  minAge: number | null;
  maxAge: number | null;
  feeDetails: string | null;
  lastVerifiedAt: Date | null;
  /** Set when an update campaign ended without the structure confirming it (lib/campaigns/close.ts). */
  unconfirmedSince: Date | null;
  structureId: string;
  structureName: string;
  phone: string | null;
  /** What the orientation assistant weighs beyond the search's filters (lib/orientation). */
  residencyCondition: string | null;
  otherConditions: string | null;
  documentsToBring: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  isSaturated: boolean;
  acceptsTransfers: boolean;
  typicalDelayDays: number | null;
  redirects: IndexedRedirect[];
  /** Its terms in their vocabularies' order (sortOrder, code). */
  terms: TermRef[];
  /** Title and description as normalize() leaves words, for the free-text fallback. */
  text: string;
  /** Its places by name; none: it serves the whole territory (a phone line, an online service). */
  places: IndexedPlace[];
  /** One per place (the offer's own hours there, else the place's), or its own when it has no place. */
  schedules: Schedule[];
  /** Position of its title in French alphabetical order (ties: the array's order). */
  frenchRank: number;
}

export interface TerritoryIndex {
  territoryId: string;
  /** The Territory.searchVersion this index was loaded at (read before the data). */
  version: number;
  timeZone: string;
  country: Country;
  /** Ordered by title then id, code point by code point (as PostgreSQL's C collation sorts). */
  offers: IndexedOffer[];
  /**
   * The positions in `offers` of the offers having a term (by `termKey`) or any term of a
   * vocabulary (by its key): a filter on terms reads a few lists instead of asking every offer.
   */
  postings: ReadonlyMap<string, Int32Array>;
  /** The positions of the offers with a place in each commune (by code). */
  byCommune: ReadonlyMap<string, Int32Array>;
  /** The positions of the offers with no place: they serve the whole territory. */
  withoutPlace: Int32Array;
  /** Where the published structures have places, with an average position, by name. */
  communes: Commune[];
  /** The published structures' names, by id (a redirection may name a structure). */
  structureNames: ReadonlyMap<string, string>;
}

/** What the search knows of the territory when it asks for its index. */
export interface IndexedTerritory {
  id: string;
  searchVersion: number;
  timeZone: string;
  country: Country;
}

type Tx = Pick<PrismaClient, "$queryRaw">;

type OfferRow = Pick<
  IndexedOffer,
  | "id"
  | "title"
  | "description"
  | "minAge"
  | "maxAge"
  | "feeDetails"
  | "lastVerifiedAt"
  | "unconfirmedSince"
  | "structureId"
  | "residencyCondition"
  | "otherConditions"
  | "documentsToBring"
  | "languages"
  | "isSaturated"
  | "acceptsTransfers"
  | "typicalDelayDays"
>;
type RedirectRow = IndexedRedirect & { offerId: string };
interface PlaceRow extends IndexedPlace {
  id: string;
  published: boolean;
  publicHolidays: HolidayRule;
}
/** Hours rows belong to a place, an offer at a place, or an offer with no place. */
interface Owner {
  placeId: string | null;
  offerPlaceId: string | null;
  offerId: string | null;
}
type Hours = Pick<OfferAtPlaceHours, "openingSlots" | "openingExceptions">;
type SlotRow = Owner & StoredSlot;
type ExceptionRow = Owner & StoredException;

function byOwner<Row extends Owner>(rows: Row[]) {
  const owners = new Map<string, Omit<Row, "placeId" | "offerPlaceId" | "offerId">[]>();
  for (const { placeId, offerPlaceId, offerId, ...row } of rows) {
    const owner = (placeId ?? offerPlaceId ?? offerId)!;
    let list = owners.get(owner);
    if (!list) owners.set(owner, (list = []));
    list.push(row);
  }
  return owners;
}

/** Words as normalize() makes them, of a text of any length (normalize() bounds its input). */
function searchableText(text: string): string {
  // normalize() keeps 200 characters: feed it pieces of at most 90, cut between words (a
  // ligature doubles a letter at most, so a piece never exceeds its bound).
  const pieces: string[] = [];
  let piece = "";
  for (const word of text.split(/\s+/)) {
    for (let start = 0; start < Math.max(word.length, 1); start += 90) {
      const part = word.slice(start, start + 90);
      if (piece.length + part.length + 1 > 90) {
        pieces.push(piece);
        piece = "";
      }
      piece = piece ? `${piece} ${part}` : part;
    }
  }
  pieces.push(piece);
  return pieces.map(normalize).filter(Boolean).join(" ");
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Loads the index of a territory as it is now; `version` is the searchVersion read before. */
export async function loadTerritoryIndex(db: PrismaClient, territory: IndexedTerritory): Promise<TerritoryIndex> {
  const territoryId = territory.id;
  const rows = await db.$transaction(
    async (tx: Tx) => {
      const structures = await tx.$queryRaw<{ id: string; name: string; phone: string | null; published: boolean }[]>`
        SELECT s.id, s.name, s.phone, s.status = 'published' AS published FROM "Structure" s WHERE s."territoryId" = ${territoryId}::uuid`;
      const offers = await tx.$queryRaw<OfferRow[]>`
        SELECT o.id, o."structureId", o.title, o.description, o."minAge", o."maxAge", o."feeDetails", o."lastVerifiedAt", o."unconfirmedSince",
          o."residencyCondition", o."otherConditions", o."documentsToBring", o.languages, o."isSaturated", o."acceptsTransfers", o."typicalDelayDays"
        FROM "Offer" o WHERE o."territoryId" = ${territoryId}::uuid AND o.status = 'published'`;
      // Then the rows that hang from them, joined to the ids read so far (`unnest`), so that each
      // is found through its owner's index (the bench prints the plans): a territory is a few per
      // cent of the national tables, and a reload must cost what the territory weighs.
      const offerIds = offers.map(({ id }) => id);
      // Their terms: the OfferTerm rows, then the terms they name in their vocabularies' order
      // (sorting the few distinct terms costs less than sorting every row).
      const offerTerms = await tx.$queryRaw<{ offerId: string; termId: string }[]>`
        SELECT ot."offerId", ot."termId" FROM unnest(${offerIds}::uuid[]) AS owner(id) JOIN "OfferTerm" ot ON ot."offerId" = owner.id`;
      const termIds = [...new Set(offerTerms.map(({ termId }) => termId))];
      const terms = await tx.$queryRaw<(TermRef & { id: string })[]>`
        SELECT t.id, t."vocabularyKey", t.code FROM "VocabularyTerm" t WHERE t.id = ANY(${termIds}::uuid[]) ORDER BY t."sortOrder", t.code`;
      // Saving an offer's redirections updates the offer's row, which bumps the version.
      const redirects = await tx.$queryRaw<RedirectRow[]>`
        SELECT r."offerId", r."notOffered", r."redirectToOfferId" AS "toOfferId", r."redirectToStructureId" AS "toStructureId", r.note
        FROM unnest(${offerIds}::uuid[]) AS owner(id) JOIN "OfferRedirect" r ON r."offerId" = owner.id ORDER BY r."notOffered", r.id`;
      const offerPlaces = await tx.$queryRaw<{ id: string; offerId: string; placeId: string; publicHolidays: HolidayRule | null }[]>`
        SELECT op.id, op."offerId", op."placeId", op."publicHolidays"::text AS "publicHolidays"
        FROM unnest(${offerIds}::uuid[]) AS owner(id) JOIN "OfferPlace" op ON op."offerId" = owner.id`;
      // Every place of the territory's structures: a permanence may be held at a place of a
      // structure that is not published; communes count only the published structures' places.
      const places = await tx.$queryRaw<PlaceRow[]>`
        SELECT p.id, p.name, p.address, p."postalCode", p."communeCode", p."communeName", p.latitude, p.longitude, p."wheelchairAccessible",
          p."publicHolidays"::text AS "publicHolidays", p."structureId" = ANY(${structures.filter(({ published }) => published).map(({ id }) => id)}::uuid[]) AS published
        FROM unnest(${structures.map(({ id }) => id)}::uuid[]) AS owner(id) JOIN "Place" p ON p."structureId" = owner.id`;
      // Hours belong to a place, an offer at a place, or an offer with no place: one index each.
      const owners = [
        { column: "placeId", ids: places.map(({ id }) => id) },
        { column: "offerPlaceId", ids: offerPlaces.map(({ id }) => id) },
        { column: "offerId", ids: offerIds },
      ];
      const ofOwners = (table: string, columns: string) =>
        Prisma.join(
          owners.map(
            ({ column, ids }) =>
              Prisma.sql`SELECT ${Prisma.raw(columns)} FROM unnest(${ids}::uuid[]) AS owner(id) JOIN ${Prisma.raw(`"${table}"`)} h ON h.${Prisma.raw(`"${column}"`)} = owner.id`,
          ),
          " UNION ALL ",
        );
      const slots = await tx.$queryRaw<SlotRow[]>`
        SELECT * FROM (${ofOwners("OpeningSlot", `h."placeId", h."offerPlaceId", h."offerId", h.weekday, h."opensAtMinute", h."closesAtMinute", h."appointmentOnly", h."validFrom", h."validUntil"`)}) AS slot
        ORDER BY slot.weekday, slot."opensAtMinute"`;
      const exceptions = await tx.$queryRaw<ExceptionRow[]>`
        SELECT * FROM (${ofOwners("OpeningException", `h."placeId", h."offerPlaceId", h."offerId", h."startsOn", h."endsOn", h.closed, h."opensAtMinute", h."closesAtMinute", h.label`)}) AS exception
        ORDER BY exception."startsOn"`;
      return { structures, offers, offerTerms, terms, redirects, offerPlaces, places, slots, exceptions };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
  return buildIndex(territory, rows);
}

function buildIndex(
  territory: IndexedTerritory,
  rows: {
    structures: { id: string; name: string; phone: string | null; published: boolean }[];
    offers: OfferRow[];
    offerTerms: { offerId: string; termId: string }[];
    terms: (TermRef & { id: string })[];
    redirects: RedirectRow[];
    offerPlaces: { id: string; offerId: string; placeId: string; publicHolidays: HolidayRule | null }[];
    places: PlaceRow[];
    slots: SlotRow[];
    exceptions: ExceptionRow[];
  },
): TerritoryIndex {
  const structures = new Map(rows.structures.filter(({ published }) => published).map((structure) => [structure.id, structure]));
  const termOrder = new Map(rows.terms.map((term, position) => [term.id, { position, ref: { vocabularyKey: term.vocabularyKey, code: term.code } }]));
  const termsOf = new Map<string, { position: number; ref: TermRef }[]>();
  for (const { offerId, termId } of rows.offerTerms) {
    const term = termOrder.get(termId);
    if (!term) continue;
    let list = termsOf.get(offerId);
    if (!list) termsOf.set(offerId, (list = []));
    list.push(term);
  }
  const redirectsOf = new Map<string, IndexedRedirect[]>();
  for (const { offerId, ...redirect } of rows.redirects) {
    const list = redirectsOf.get(offerId);
    if (list) list.push(redirect);
    else redirectsOf.set(offerId, [redirect]);
  }
  const slots = byOwner(rows.slots);
  const exceptions = byOwner(rows.exceptions);
  const hoursOf = (owner: string): Hours => ({ openingSlots: slots.get(owner) ?? [], openingExceptions: exceptions.get(owner) ?? [] });
  const places = new Map(rows.places.map((place) => [place.id, place]));
  const placesOfOffer = new Map<string, { offerPlaceId: string; place: PlaceRow; publicHolidays: HolidayRule | null }[]>();
  for (const { id, offerId, placeId, publicHolidays } of rows.offerPlaces) {
    const place = places.get(placeId);
    if (!place) continue;
    let list = placesOfOffer.get(offerId);
    if (!list) placesOfOffer.set(offerId, (list = []));
    list.push({ offerPlaceId: id, place, publicHolidays });
  }

  const offers: IndexedOffer[] = [];
  for (const row of rows.offers) {
    const structure = structures.get(row.structureId);
    if (!structure) continue;
    const terms = (termsOf.get(row.id) ?? []).sort((a, b) => a.position - b.position).map(({ ref }) => ref);
    const offerPlaces = (placesOfOffer.get(row.id) ?? []).sort((a, b) => byCodePoint(a.place.name, b.place.name) || byCodePoint(a.place.id, b.place.id));
    const schedules =
      offerPlaces.length === 0
        ? [remoteOfferSchedule(hoursOf(row.id), territory)]
        : offerPlaces.map(({ offerPlaceId, place, publicHolidays }) =>
            offerScheduleAt({ ...hoursOf(offerPlaceId), publicHolidays, place: { ...hoursOf(place.id), publicHolidays: place.publicHolidays } }, territory),
          );
    offers.push({
      id: row.id,
      title: row.title,
      description: row.description,
      minAge: row.minAge,
      maxAge: row.maxAge,
      feeDetails: row.feeDetails,
      lastVerifiedAt: row.lastVerifiedAt,
      unconfirmedSince: row.unconfirmedSince,
      structureId: row.structureId,
      structureName: structure.name,
      phone: structure.phone,
      residencyCondition: row.residencyCondition,
      otherConditions: row.otherConditions,
      // Batched imports write arrays as NULL where the file said nothing.
      documentsToBring: row.documentsToBring ?? [],
      languages: row.languages ?? [],
      isSaturated: row.isSaturated,
      acceptsTransfers: row.acceptsTransfers,
      typicalDelayDays: row.typicalDelayDays,
      redirects: redirectsOf.get(row.id) ?? [],
      terms,
      text: searchableText(`${row.title}\n${row.description}`),
      places: offerPlaces.map(({ place }) => ({
        name: place.name,
        address: place.address,
        postalCode: place.postalCode,
        communeCode: place.communeCode,
        communeName: place.communeName,
        latitude: place.latitude,
        longitude: place.longitude,
        wheelchairAccessible: place.wheelchairAccessible,
      })),
      schedules,
      frenchRank: 0,
    });
  }
  offers.sort((a, b) => byCodePoint(a.title, b.title) || byCodePoint(a.id, b.id));
  const collator = new Intl.Collator("fr");
  offers
    .map((offer, position) => ({ offer, position }))
    .sort((a, b) => collator.compare(a.offer.title, b.offer.title) || a.position - b.position)
    .forEach(({ offer }, rank) => (offer.frenchRank = rank));

  return {
    territoryId: territory.id,
    version: territory.searchVersion,
    timeZone: territory.timeZone,
    country: territory.country,
    offers,
    postings: postingsOf(offers, (offer) => offer.terms.flatMap((term) => [termKey(term), term.vocabularyKey])),
    byCommune: postingsOf(offers, (offer) => offer.places.map(({ communeCode }) => communeCode)),
    withoutPlace: Int32Array.from(offers.flatMap((offer, position) => (offer.places.length === 0 ? [position] : []))),
    communes: communesOf(rows.places),
    structureNames: new Map([...structures].map(([id, { name }]) => [id, name])),
  };
}

/** For each key, the positions of the offers that have it, ascending. */
function postingsOf(offers: IndexedOffer[], keysOf: (offer: IndexedOffer) => string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  offers.forEach((offer, position) => {
    for (const key of keysOf(offer)) {
      const list = lists.get(key);
      if (!list) lists.set(key, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  });
  return new Map([...lists].map(([key, positions]) => [key, Int32Array.from(positions)]));
}

/** As territoryCommunes (queries.ts) reads them: per code, name and postal code, an average position. */
function communesOf(places: PlaceRow[]): Commune[] {
  const groups = new Map<string, { commune: Commune; latitudes: number[]; longitudes: number[] }>();
  for (const place of places) {
    if (!place.published) continue;
    const key = `${place.communeCode}\u0000${place.communeName}\u0000${place.postalCode}`;
    let group = groups.get(key);
    if (!group) {
      group = { commune: { code: place.communeCode, name: place.communeName, postalCode: place.postalCode, latitude: null, longitude: null }, latitudes: [], longitudes: [] };
      groups.set(key, group);
    }
    if (place.latitude !== null) group.latitudes.push(place.latitude);
    if (place.longitude !== null) group.longitudes.push(place.longitude);
  }
  const average = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);
  return [...groups.values()]
    .map(({ commune, latitudes, longitudes }) => ({ ...commune, latitude: average(latitudes), longitude: average(longitudes) }))
    .sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.code, b.code) || byCodePoint(a.postalCode, b.postalCode));
}

/**
 * Indexes kept in memory, by territory: the one at the asked version is shared; an older one is
 * reloaded (concurrent searches share one load); beyond `maxOffers` offers in all, the least
 * recently searched territories are dropped (the one just loaded is always kept).
 */
export function createIndexCache(options: { maxOffers: number; load: (db: PrismaClient, territory: IndexedTerritory) => Promise<TerritoryIndex> }) {
  interface Entry {
    version: number;
    timeZone: string;
    country: Country;
    index: Promise<TerritoryIndex>;
    offers: number;
  }
  const entries = new Map<string, Entry>();

  function evict(keep: string) {
    let total = [...entries.values()].reduce((sum, entry) => sum + entry.offers, 0);
    // A Map iterates in insertion order, and a search re-inserts its entry: the first is the least recent.
    for (const [territoryId, entry] of entries) {
      if (total <= options.maxOffers) break;
      if (territoryId === keep) continue;
      entries.delete(territoryId);
      total -= entry.offers;
    }
  }

  return {
    get(db: PrismaClient, territory: IndexedTerritory): Promise<TerritoryIndex> {
      const cached = entries.get(territory.id);
      entries.delete(territory.id);
      // A search that read the version before a newer index was loaded can use that newer one.
      if (cached && cached.version >= territory.searchVersion && cached.timeZone === territory.timeZone && cached.country === territory.country) {
        entries.set(territory.id, cached);
        return cached.index;
      }
      const entry: Entry = { version: territory.searchVersion, timeZone: territory.timeZone, country: territory.country, index: options.load(db, territory), offers: 0 };
      entries.set(territory.id, entry);
      entry.index.then(
        (index) => {
          entry.offers = index.offers.length;
          if (entries.get(territory.id) === entry) evict(territory.id);
        },
        // A failed load is not kept: the next search tries again.
        () => {
          if (entries.get(territory.id) === entry) entries.delete(territory.id);
        },
      );
      return entry.index;
    },
    /** The territories held, least recently searched first. */
    territories: () => [...entries.keys()],
  };
}

/**
 * Measured at 1.5 to 3 KB of heap per offer (the bench's largest territory, 3,900 offers: 5 to
 * 10 MB), so at most about 150 MB; the national bench's largest territories hold ~4,000 offers.
 */
const MAX_OFFERS_IN_MEMORY = 60_000;

const indexes = createIndexCache({ maxOffers: MAX_OFFERS_IN_MEMORY, load: loadTerritoryIndex });

/** The territory's index at `territory.searchVersion` or newer, loaded when needed. */
export function territoryIndex(db: PrismaClient, territory: IndexedTerritory): Promise<TerritoryIndex> {
  return indexes.get(db, territory);
}
