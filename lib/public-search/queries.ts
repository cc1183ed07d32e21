/**
 * The public search: a territory's published offers that match the filters, one page at a time.
 *
 * It runs at national scale (issue 5, `npm run bench`), so its SQL is written by hand, a few
 * statements per search whatever the filters:
 *   1. the territory (shared with the page's metadata through React `cache()`);
 *   2. the ids of the vocabulary terms the filters name, so the offers' filters compare ids;
 *   3. the matching offers, from the territory's published offers (Offer(territoryId, status), the
 *      structure's status checked against Structure(territoryId, status)): needs and vocabularies
 *      are checked on Offer.termIds, the copy of the offer's OfferTerm rows, in the same scan;
 *      communes and distances through the few places that match (Place indexes). With no
 *      free-text need, no distance and no opening filter, this one statement sorts (title), counts
 *      (a window) and pages. Otherwise it returns the narrowed set as light rows (id, title, need
 *      score, coordinates when a distance is asked, at most MAX_CANDIDATES) ranked or filtered
 *      here — need match first, then open soonest, then title — and the hours are read for that
 *      set only when an opening filter needs them (each place's once);
 *   4. the page's 20 offers in full, hours included, as one row each (JSON aggregates).
 * The communes of the territory are read only when a commune is asked (a code or a postal code:
 * only those that carry it).
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { offerScheduleAt, remoteOfferSchedule, type OfferAtPlaceHours } from "@/lib/hours/offer-schedule";
import { hoursOn, localTime, openingStatus, type HolidayRule, type OpeningStatus, type Schedule } from "@/lib/hours/rules";
import { isStale } from "@/lib/offers/rules";
import { resolveCommune, type Commune, type IgnoredFilter, type SearchFilters } from "./filters";
import { matchNeeds, termRefsForNeeds, type NeedMatch } from "./match";
import { findNeed, type NeedTerm } from "./needs";
import { accentInsensitivePattern, normalize, tokens } from "./text";

export const PAGE_SIZE = 20;
/** Beyond this many matching offers, ranking in memory stops: the person should narrow the search. */
const MAX_CANDIDATES = 2000;
const KM_PER_DEGREE_LATITUDE = 111.32;

const PUBLICS_VOCABULARY = "dataInclusion.v1.publics";
const ACCESS_VOCABULARY = "toile.modes_acces";
const POSTURES_VOCABULARY = "toile.postures";
const FREE_TERMS = [
  { vocabularyKey: "lmn.frais_a_charge", code: "Gratuit" },
  { vocabularyKey: "dataInclusion.v1.frais", code: "gratuit" },
];

type TermRef = { vocabularyKey: string; code: string };
const termKey = ({ vocabularyKey, code }: TermRef) => `${vocabularyKey}\u0000${code}`;

/**
 * The ids of the terms a search filters by (and of every term of `vocabularies`), read first in
 * one small query: the offers are then filtered on their copy of their term ids (Offer.termIds).
 */
async function termIds(db: PrismaClient, refs: readonly TermRef[], vocabularies: readonly string[]): Promise<Map<string, string>> {
  if (refs.length === 0 && vocabularies.length === 0) return new Map();
  const terms = await db.vocabularyTerm.findMany({
    where: { OR: [...refs.map(({ vocabularyKey, code }) => ({ vocabularyKey, code })), ...vocabularies.map((vocabularyKey) => ({ vocabularyKey }))] },
    select: { id: true, vocabularyKey: true, code: true },
  });
  return new Map(terms.map((term) => [termKey(term), term.id]));
}

const idsOf = (ids: Map<string, string>, terms: readonly TermRef[]) => terms.flatMap((term) => ids.get(termKey(term)) ?? []);

/** Offers carrying at least one of these terms (none known: no offer). */
const hasTerm = (ids: string[]) => Prisma.sql`o."termIds" && ${ids}::uuid[]`;

/** Hours as JSON (dates as "YYYY-MM-DD"), of the rows whose `owner` column is `id`. */
const slotsJson = (owner: string, id: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(json_agg(json_build_object('weekday', s.weekday, 'opensAtMinute', s."opensAtMinute", 'closesAtMinute', s."closesAtMinute", 'appointmentOnly', s."appointmentOnly", 'validFrom', s."validFrom", 'validUntil', s."validUntil") ORDER BY s.weekday, s."opensAtMinute"), '[]') FROM "OpeningSlot" s WHERE s.${Prisma.raw(`"${owner}"`)} = ${id})`;
const exceptionsJson = (owner: string, id: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(json_agg(json_build_object('startsOn', e."startsOn", 'endsOn', e."endsOn", 'closed', e.closed, 'opensAtMinute', e."opensAtMinute", 'closesAtMinute', e."closesAtMinute", 'label', e.label) ORDER BY e."startsOn"), '[]') FROM "OpeningException" e WHERE e.${Prisma.raw(`"${owner}"`)} = ${id})`;

/** An offer's hours (own, and at each of its places with the place's), one JSON column each. */
const scheduleColumns = Prisma.sql`
  ${slotsJson("offerId", Prisma.sql`o.id`)} AS "openingSlots",
  ${exceptionsJson("offerId", Prisma.sql`o.id`)} AS "openingExceptions",
  (SELECT coalesce(json_agg(json_build_object(
      'publicHolidays', op."publicHolidays",
      'openingSlots', ${slotsJson("offerPlaceId", Prisma.sql`op.id`)},
      'openingExceptions', ${exceptionsJson("offerPlaceId", Prisma.sql`op.id`)},
      'place', json_build_object(
        'name', p.name, 'address', p.address, 'postalCode', p."postalCode", 'communeName', p."communeName",
        'publicHolidays', p."publicHolidays",
        'openingSlots', ${slotsJson("placeId", Prisma.sql`p.id`)},
        'openingExceptions', ${exceptionsJson("placeId", Prisma.sql`p.id`)})
    ) ORDER BY p.name, p.id), '[]')
   FROM "OfferPlace" op JOIN "Place" p ON p.id = op."placeId" WHERE op."offerId" = o.id) AS places`;

type Hours = Pick<OfferAtPlaceHours, "openingSlots" | "openingExceptions">;
interface ScheduledOffer extends Hours {
  id: string;
  places: (OfferAtPlaceHours & { place: { name: string; address: string; postalCode: string; communeName: string; publicHolidays: HolidayRule } })[];
}
interface ResultRow extends ScheduledOffer {
  title: string;
  description: string;
  minAge: number | null;
  maxAge: number | null;
  feeDetails: string | null;
  lastVerifiedAt: Date | null;
  structureName: string;
  phone: string | null;
  terms: TermRef[];
}

interface Territory {
  id: string;
  slug: string;
  name: string;
  country: "FR" | "BE";
  timeZone: string;
  staleAfterMonths: number;
}

/** When and where an offer can be met next: open now, or its next opening, over all its places. */
export interface ResultStatus {
  status: OpeningStatus;
  /** A closure covers today: closed until this day ("YYYY-MM-DD", inclusive), with its reason. */
  closedUntil: { date: string; label: string } | null;
}

export interface SearchResult {
  id: string;
  title: string;
  description: string;
  structureName: string;
  phone: string | null;
  minAge: number | null;
  maxAge: number | null;
  feeDetails: string | null;
  publics: string[];
  accessModes: string[];
  postures: string[];
  free: boolean;
  places: { name: string; address: string; postalCode: string; communeName: string }[];
  remote: boolean;
  opening: ResultStatus;
  stale: boolean;
  lastVerifiedAt: Date | null;
}

export interface SearchOutcome {
  territory: Territory;
  /** The communes the commune filter resolved to (empty when none asked or none found). */
  communeMatches: Commune[];
  /** The needs the search looks for: the chosen one, or those the free text means. */
  needs: NeedMatch[];
  /** The free text meant no need: titles and descriptions were searched instead. */
  textFallback: boolean;
  results: SearchResult[];
  total: number;
  page: number;
  pageCount: number;
  ignored: IgnoredFilter[];
  /** More offers matched than the search ranks: the person should narrow it. */
  truncated: boolean;
}

export async function findPublicTerritory(db: PrismaClient, slug: string): Promise<Territory | null> {
  if (typeof slug !== "string" || slug.length > 100) return null;
  return db.territory.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, country: true, timeZone: true, staleAfterMonths: true },
  });
}

/** The published structures of the territory (Structure(territoryId, status)). */
const publishedStructures = (territoryId: string) =>
  Prisma.sql`SELECT s.id FROM "Structure" s WHERE s."territoryId" = ${territoryId}::uuid AND s.status = 'published'`;

/**
 * The communes where the territory's published structures have places, with an average position;
 * only those whose code or postal code is `code` when given (Place(communeCode), Place(postalCode)).
 */
export async function territoryCommunes(db: PrismaClient, territoryId: string, code?: string): Promise<Commune[]> {
  const matching = code === undefined ? Prisma.empty : Prisma.sql`AND (p."communeCode" = ${code} OR p."postalCode" = ${code})`;
  return db.$queryRaw<Commune[]>`
    SELECT p."communeCode" AS code, p."communeName" AS name, p."postalCode", avg(p.latitude) AS latitude, avg(p.longitude) AS longitude
    FROM "Place" p
    WHERE p."structureId" IN (${publishedStructures(territoryId)}) ${matching}
    GROUP BY p."communeCode", p."communeName", p."postalCode"
    ORDER BY p."communeName", p."communeCode", p."postalCode"`;
}

/**
 * The communes a typed commune means (resolveCommune). A code or a postal code is looked up
 * directly; a name, or a number that is neither, is resolved against all the territory's communes.
 */
async function communesMatching(db: PrismaClient, territoryId: string, typed: string): Promise<Commune[]> {
  const compact = normalize(typed).replaceAll(" ", "");
  if (/\d/.test(compact)) {
    const matches = resolveCommune(typed, await territoryCommunes(db, territoryId, compact));
    if (matches.length > 0) return matches;
  }
  return resolveCommune(typed, await territoryCommunes(db, territoryId));
}

function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

interface Centre {
  latitude: number;
  longitude: number;
  km: number;
}

function centreOf(communes: Commune[], km: number): Centre | null {
  const located = communes.filter((commune) => commune.latitude !== null && commune.longitude !== null);
  if (located.length === 0) return null;
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return { latitude: average(located.map((c) => c.latitude!)), longitude: average(located.map((c) => c.longitude!)), km };
}

/** At one of the communes, or around the centre (a bounding box; the exact distance is checked here). */
function placeWhere(communes: Commune[], centre: Centre | null): Prisma.Sql {
  let place: Prisma.Sql;
  if (centre) {
    const latitudeDelta = centre.km / KM_PER_DEGREE_LATITUDE;
    const longitudeDelta = centre.km / (KM_PER_DEGREE_LATITUDE * Math.cos((centre.latitude * Math.PI) / 180));
    place = Prisma.sql`p.latitude BETWEEN ${centre.latitude - latitudeDelta} AND ${centre.latitude + latitudeDelta}
      AND p.longitude BETWEEN ${centre.longitude - longitudeDelta} AND ${centre.longitude + longitudeDelta}`;
  } else {
    place = Prisma.sql`p."communeCode" = ANY(${communes.map(({ code }) => code)}::text[])`;
  }
  // An offer with no place (a phone line, an online service) serves the whole territory. The
  // places matching are few (Place(communeCode), Place(latitude, longitude)); "no place" is asked
  // of each offer through OfferPlace(offerId, placeId) (a scalar subquery: never a scan of every OfferPlace).
  return Prisma.sql`(o.id IN (SELECT op."offerId" FROM "Place" p JOIN "OfferPlace" op ON op."placeId" = p.id WHERE ${place})
    OR (SELECT 1 FROM "OfferPlace" op WHERE op."offerId" = o.id LIMIT 1) IS NULL)`;
}

/** An offer's schedules: one per place, or its own when it has no place. */
function schedulesOf(offer: ScheduledOffer, territory: Territory): Schedule[] {
  if (offer.places.length === 0) return [remoteOfferSchedule(offer, territory)];
  return offer.places.map((offerPlace) => offerScheduleAt(offerPlace, territory));
}

/** Open now at one of its places, or the soonest next opening. */
function bestStatus(schedules: Schedule[], now: Date): OpeningStatus {
  const statuses = schedules.map((schedule) => openingStatus(schedule, now, 31));
  return statuses.find((status) => status.open) ?? statuses.filter((status) => !status.open && status.nextOpensAt).sort((a, b) => nextTime(a) - nextTime(b))[0] ?? statuses[0]!;
}

function openingOf(offer: ScheduledOffer, territory: Territory, now: Date): ResultStatus {
  const schedules = schedulesOf(offer, territory);
  const best = bestStatus(schedules, now);
  // "Temporarily closed until…": every place is closed today by a dated closure.
  const today = localTime(now, territory.timeZone).date;
  const closures = schedules.map((schedule) =>
    schedule.exceptions
      .filter((exception) => exception.closed && exception.startsOn <= today && today <= exception.endsOn)
      .sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0],
  );
  const closedEverywhere = closures.every(Boolean) && !best.open;
  const until = closedEverywhere ? closures.sort((a, b) => a!.endsOn.localeCompare(b!.endsOn))[0]! : null;
  return { status: best, closedUntil: until ? { date: until.endsOn, label: until.label } : null };
}

const nextTime = (status: OpeningStatus) => (status.open ? 0 : (status.nextOpensAt?.getTime() ?? Number.POSITIVE_INFINITY));

/** Open at this instant at one of its places (no need to look for the next opening). */
function openNow(offer: ScheduledOffer, territory: Territory, now: Date): boolean {
  return schedulesOf(offer, territory).some((schedule) => openingStatus(schedule, now, 0).open);
}

function opensToday(offer: ScheduledOffer, territory: Territory, now: Date): boolean {
  const { date, minute } = localTime(now, territory.timeZone);
  return schedulesOf(offer, territory).some((schedule) => hoursOn(schedule, date).ranges.some((range) => range.closesAtMinute > minute));
}

function toResult(offer: ResultRow, territory: Territory, now: Date): SearchResult {
  const codesOf = (vocabularyKey: string) => offer.terms.filter((term) => term.vocabularyKey === vocabularyKey).map(({ code }) => code);
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    structureName: offer.structureName,
    phone: offer.phone,
    minAge: offer.minAge,
    maxAge: offer.maxAge,
    feeDetails: offer.feeDetails,
    publics: codesOf(PUBLICS_VOCABULARY),
    accessModes: codesOf(ACCESS_VOCABULARY),
    postures: codesOf(POSTURES_VOCABULARY),
    free: offer.terms.some((term) => FREE_TERMS.some((free) => free.vocabularyKey === term.vocabularyKey && free.code === term.code)),
    places: offer.places.map(({ place }) => ({ name: place.name, address: place.address, postalCode: place.postalCode, communeName: place.communeName })),
    remote: offer.places.length === 0,
    opening: openingOf(offer, territory, now),
    stale: isStale(offer.lastVerifiedAt, territory.staleAfterMonths, now),
    lastVerifiedAt: offer.lastVerifiedAt,
  };
}

/** The needs asked for: the chosen need, else the free text's needs. */
function searchedNeeds(filters: SearchFilters, country: Territory["country"]): { chosen: NeedTerm[] | null; textNeeds: NeedMatch[] } {
  const chosenNeed = filters.besoin ? findNeed(filters.besoin, country) : undefined;
  const textNeeds = filters.q ? matchNeeds(filters.q, country) : [];
  return { chosen: chosenNeed ? [...chosenNeed.terms] : null, textNeeds };
}

/** The page's offers in full, in the order of `ids`. */
async function resultRows(db: PrismaClient, ids: string[]): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<ResultRow[]>`
    SELECT o.id, o.title, o.description, o."minAge", o."maxAge", o."feeDetails", o."lastVerifiedAt",
      st.name AS "structureName", st.phone,
      (SELECT coalesce(json_agg(json_build_object('vocabularyKey', vt."vocabularyKey", 'code', vt.code) ORDER BY vt."sortOrder", vt.code), '[]')
       FROM "OfferTerm" ot JOIN "VocabularyTerm" vt ON vt.id = ot."termId" WHERE ot."offerId" = o.id) AS terms,
      ${scheduleColumns}
    FROM "Offer" o JOIN "Structure" st ON st.id = o."structureId"
    WHERE o.id = ANY(${ids}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The hours of these offers, to filter them by opening. */
async function schedules(db: PrismaClient, ids: string[]): Promise<Map<string, ScheduledOffer>> {
  // Many offers share a place: each place's hours are read once, then joined here.
  type PlaceHours = ScheduledOffer["places"][number]["place"] & { id: string };
  type Row = Hours & { id: string; places: (Omit<ScheduledOffer["places"][number], "place"> & { placeId: string })[] };
  const [rows, places] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT o.id,
        ${slotsJson("offerId", Prisma.sql`o.id`)} AS "openingSlots",
        ${exceptionsJson("offerId", Prisma.sql`o.id`)} AS "openingExceptions",
        (SELECT coalesce(json_agg(json_build_object(
            'placeId', op."placeId", 'publicHolidays', op."publicHolidays",
            'openingSlots', ${slotsJson("offerPlaceId", Prisma.sql`op.id`)},
            'openingExceptions', ${exceptionsJson("offerPlaceId", Prisma.sql`op.id`)})), '[]')
         FROM "OfferPlace" op WHERE op."offerId" = o.id) AS places
      FROM "Offer" o WHERE o.id = ANY(${ids}::uuid[])`,
    db.$queryRaw<PlaceHours[]>`
      SELECT p.id, p.name, p.address, p."postalCode", p."communeName", p."publicHolidays",
        ${slotsJson("placeId", Prisma.sql`p.id`)} AS "openingSlots",
        ${exceptionsJson("placeId", Prisma.sql`p.id`)} AS "openingExceptions"
      FROM "Place" p WHERE p.id IN (SELECT op."placeId" FROM "OfferPlace" op WHERE op."offerId" = ANY(${ids}::uuid[]))`,
  ]);
  const placeById = new Map(places.map((place) => [place.id, place]));
  return new Map(
    rows.map(({ places: offerPlaces, ...offer }) => [
      offer.id,
      { ...offer, places: offerPlaces.map(({ placeId, ...offerPlace }) => ({ ...offerPlace, place: placeById.get(placeId)! })) },
    ]),
  );
}

export async function searchOffers(
  db: PrismaClient,
  territoryOrSlug: string | Territory,
  filters: SearchFilters,
  now: Date,
): Promise<SearchOutcome | null> {
  const territory = typeof territoryOrSlug === "string" ? await findPublicTerritory(db, territoryOrSlug) : territoryOrSlug;
  if (!territory) return null;
  const ignored: IgnoredFilter[] = [];
  const where: Prisma.Sql[] = [
    Prisma.sql`o."territoryId" = ${territory.id}::uuid AND o.status = 'published' AND o."structureId" IN (${publishedStructures(territory.id)})`,
  ];

  // Needs: the chosen one, and what the free text means.
  const { chosen, textNeeds } = searchedNeeds(filters, territory.country);
  const textTerms = termRefsForNeeds(textNeeds.map(({ need }) => need));
  const publicTerms = filters.public ? [{ vocabularyKey: PUBLICS_VOCABULARY, code: filters.public }, { vocabularyKey: PUBLICS_VOCABULARY, code: "tous-publics" }] : [];
  const accessTerms = filters.acces.map((code) => ({ vocabularyKey: ACCESS_VOCABULARY, code }));
  const postureTerms = filters.posture ? [{ vocabularyKey: POSTURES_VOCABULARY, code: filters.posture }] : [];
  const termIdsByKey = await termIds(
    db,
    [...(chosen ?? []), ...textTerms, ...publicTerms, ...accessTerms, ...postureTerms, ...(filters.gratuit ? FREE_TERMS : [])],
    filters.public ? [PUBLICS_VOCABULARY] : [],
  );
  if (chosen) where.push(hasTerm(idsOf(termIdsByKey, chosen)));
  const textTermIds = idsOf(termIdsByKey, textTerms);
  let textFallback = false;
  if (textTerms.length > 0) {
    where.push(hasTerm(textTermIds));
  } else if (filters.q) {
    // No need recognised: look for the words in titles and descriptions, accents aside.
    const words = tokens(filters.q).filter((word) => word.length >= 2).slice(0, 5);
    if (words.length > 0) {
      textFallback = true;
      for (const word of words) {
        const pattern = accentInsensitivePattern(word);
        where.push(Prisma.sql`(o.title ~* ${pattern} OR o.description ~* ${pattern})`);
      }
    }
  }

  // Where: a commune (or a postal code), and around it.
  const communeMatches = filters.commune ? await communesMatching(db, territory.id, filters.commune) : [];
  if (filters.commune && communeMatches.length === 0) ignored.push({ filter: "commune", reason: "unknown" });
  const centre = filters.distance && communeMatches.length > 0 ? centreOf(communeMatches, filters.distance) : null;
  if (filters.distance && !centre) ignored.push({ filter: "distance", reason: "needsCommune" });
  if (communeMatches.length > 0) where.push(placeWhere(communeMatches, centre));

  // Who for, how, how much.
  if (filters.public) {
    // For this public, for everyone, or saying nothing of its public.
    const anyPublic = [...termIdsByKey].flatMap(([key, id]) => (key.startsWith(`${PUBLICS_VOCABULARY}\u0000`) ? [id] : []));
    where.push(Prisma.sql`(${hasTerm(idsOf(termIdsByKey, publicTerms))} OR NOT ${hasTerm(anyPublic)})`);
  }
  if (filters.age !== null) {
    where.push(Prisma.sql`(o."minAge" IS NULL OR o."minAge" <= ${filters.age}) AND (o."maxAge" IS NULL OR o."maxAge" >= ${filters.age})`);
  }
  if (accessTerms.length > 0) where.push(hasTerm(idsOf(termIdsByKey, accessTerms)));
  if (postureTerms.length > 0) where.push(hasTerm(idsOf(termIdsByKey, postureTerms)));
  if (filters.gratuit) where.push(hasTerm(idsOf(termIdsByKey, FREE_TERMS)));

  const offerWhere = Prisma.join(where, " AND ");
  // Plain listings and a chosen need are ordered and paged in SQL. Free text is ranked by how
  // well each offer answers what was typed, a distance is checked exactly, and an opening filter
  // reads the hours: those rank the narrowed set in memory, reading hours only when filtering by them.
  const rankInMemory = textTerms.length > 0 || centre !== null || filters.ouvert !== null;
  let ids: string[];
  let total: number;
  let truncated = false;
  let page = filters.page;

  if (!rankInMemory) {
    const pageOf = (target: number) =>
      db.$queryRaw<{ id: string; total: bigint }[]>`
        SELECT o.id, count(*) OVER () AS total FROM "Offer" o WHERE ${offerWhere}
        ORDER BY o.title, o.id LIMIT ${PAGE_SIZE} OFFSET ${(target - 1) * PAGE_SIZE}`;
    let rows = await pageOf(page);
    if (rows.length > 0) {
      total = Number(rows[0]!.total);
    } else {
      // No row on this page: none at all, or a page beyond the last (brought back to the last).
      const [{ count }] = await db.$queryRaw<[{ count: bigint }]>`SELECT count(*) FROM "Offer" o WHERE ${offerWhere}`;
      total = Number(count);
      const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (total > 0 && page > last) rows = await pageOf(last);
      page = Math.min(page, last);
    }
    ids = rows.map(({ id }) => id);
  } else {
    const candidates = await db.$queryRaw<{ id: string; title: string; score: number; coordinates: [number | null, number | null][] | null }[]>`
      SELECT o.id, o.title,
        ${needScoreSql(textNeeds, termIdsByKey)} AS score,
        ${centre ? Prisma.sql`(SELECT json_agg(json_build_array(p.latitude, p.longitude)) FROM "OfferPlace" op JOIN "Place" p ON p.id = op."placeId" WHERE op."offerId" = o.id)` : Prisma.sql`NULL::json`} AS coordinates
      FROM "Offer" o WHERE ${offerWhere}
      ORDER BY o.title, o.id LIMIT ${MAX_CANDIDATES + 1}`;
    truncated = candidates.length > MAX_CANDIDATES;
    let ranked = candidates.slice(0, MAX_CANDIDATES).map((offer) => ({ offer, score: offer.score, next: 0 }));
    if (centre) {
      ranked = ranked.filter(({ offer }) =>
        !offer.coordinates ||
        offer.coordinates.some(([latitude, longitude]) => latitude !== null && longitude !== null && distanceKm(centre, { latitude, longitude }) <= centre.km),
      );
    }
    if (filters.ouvert !== null && ranked.length > 0) {
      const scheduled = await schedules(db, ranked.map(({ offer }) => offer.id));
      // Filtered first; the next opening is then only computed for the offers kept (open now: 0).
      ranked =
        filters.ouvert === "maintenant"
          ? ranked.filter(({ offer }) => openNow(scheduled.get(offer.id)!, territory, now))
          : ranked
              .filter(({ offer }) => opensToday(scheduled.get(offer.id)!, territory, now))
              .map((entry) => ({ ...entry, next: nextTime(bestStatus(schedulesOf(scheduled.get(entry.offer.id)!, territory), now)) }));
    }
    ranked.sort((a, b) => b.score - a.score || a.next - b.next || a.offer.title.localeCompare(b.offer.title, "fr"));
    total = ranked.length;
    page = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    ids = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ offer }) => offer.id);
  }

  const results = (await resultRows(db, ids)).map((row) => toResult(row, territory, now));
  const needs = chosen ? [{ need: findNeed(filters.besoin!, territory.country)!, score: 1 }] : textNeeds;
  return {
    territory,
    communeMatches,
    needs,
    textFallback,
    results,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    ignored,
    truncated,
  };
}

/** How well an offer answers the needs the text means: the sum of the scores of the needs it carries a term of. */
function needScoreSql(needs: NeedMatch[], ids: Map<string, string>): Prisma.Sql {
  if (needs.length === 0) return Prisma.sql`0::float8`;
  return Prisma.join(
    needs.map(({ need, score }) => Prisma.sql`(CASE WHEN ${hasTerm(idsOf(ids, need.terms))} THEN ${score}::float8 ELSE 0 END)`),
    " + ",
  );
}
