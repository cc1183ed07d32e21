/**
 * The public search: a territory's published offers that match the filters, one page at a time.
 *
 * It runs at national scale (issue 5, `npm run bench`), so a search reads one row of the
 * database, the territory, with its searchVersion. The offers are then filtered, ranked and paged in memory, on the territory's
 * index (territory-index.ts: loaded once, and again when a write has bumped the version).
 *
 * Order: a plain listing or a chosen need lists by title (code point order, as before in SQL).
 * Free text ranks by how well each offer answers the needs the text means, then by the soonest
 * opening when an opening filter is set, then by title in French order; so does a distance or an
 * opening filter. Opening statuses are computed for the offers left by the other filters (each
 * schedule's hours of the day once a day), and in full (next opening) for the page's 20 only.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hoursOn, localTime, type DayHours, type OpeningStatus, type Schedule } from "@/lib/hours/rules";
import { statusAt } from "@/lib/hours/status-cache";
import { isStale } from "@/lib/offers/rules";
import { endOfWeek, offersWithFreeSlot } from "@/lib/resident-booking/free-this-week";
import { communeSuggestions, resolveCommune, type Commune, type IgnoredFilter, type SearchFilters } from "./filters";
import { matchNeeds, termRefsForNeeds, type NeedMatch } from "./match";
import { findNeed, type NeedTerm } from "./needs";
import { termKey, territoryIndex, type IndexedOffer, type TermRef, type TerritoryIndex } from "./territory-index";
import { tokens } from "./text";

export const PAGE_SIZE = 20;
/**
 * An opening filter computes each remaining offer's hours of the day: beyond this many offers,
 * only the best ranked are checked, and the person is told to narrow the search.
 */
const MAX_CANDIDATES = 2000;
const KM_PER_DEGREE_LATITUDE = 111.32;

const PUBLICS_VOCABULARY = "dataInclusion.v1.publics";
const ACCESS_VOCABULARY = "toile.modes_acces";
const POSTURES_VOCABULARY = "toile.postures";
const FREE_TERMS = [
  { vocabularyKey: "lmn.frais_a_charge", code: "Gratuit" },
  { vocabularyKey: "dataInclusion.v1.frais", code: "gratuit" },
];

export interface Territory {
  id: string;
  slug: string;
  name: string;
  country: "FR" | "BE";
  timeZone: string;
  staleAfterMonths: number;
  /** Bumped by every write of the territory's public data (search-version.ts). */
  searchVersion: number;
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
  /** Not confirmed in the last update campaign: "non vérifiées depuis" this date. */
  unconfirmedSince: Date | null;
}

export interface SearchOutcome {
  territory: Territory;
  /** The communes the commune filter resolved to (empty when none asked or none found). */
  communeMatches: Commune[];
  /** When the commune typed names none: the ones it may have meant (`communeSuggestions`). */
  communeSuggestions: Commune[];
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
    select: { id: true, slug: true, name: true, country: true, timeZone: true, staleAfterMonths: true, searchVersion: true },
  });
}

/**
 * The communes where the territory's published structures have places, with an average position
 * (Structure(territoryId, status), Place(structureId)). The search reads the same from its index.
 */
export async function territoryCommunes(db: PrismaClient, territoryId: string): Promise<Commune[]> {
  return db.$queryRaw<Commune[]>`
    SELECT p."communeCode" AS code, p."communeName" AS name, p."postalCode", avg(p.latitude) AS latitude, avg(p.longitude) AS longitude
    FROM "Place" p
    WHERE p."structureId" IN (SELECT s.id FROM "Structure" s WHERE s."territoryId" = ${territoryId}::uuid AND s.status = 'published')
    GROUP BY p."communeCode", p."communeName", p."postalCode"
    ORDER BY p."communeName", p."communeCode", p."postalCode"`;
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

/**
 * Filters on terms and communes are masks over the index's offers (1: kept), built from the
 * index's lists of positions; the others are asked of each offer the masks keep.
 */
type Mask = Uint8Array;
type OfferTest = (offer: IndexedOffer) => boolean;

/** The offers in at least one of these lists of positions. */
function maskOf(index: TerritoryIndex, lists: readonly (Int32Array | undefined)[]): Mask {
  const mask = new Uint8Array(index.offers.length);
  for (const list of lists) for (const position of list ?? []) mask[position] = 1;
  return mask;
}

/** The offers carrying at least one of these terms (none asked: no offer), or a term of these vocabularies. */
const withTerms = (index: TerritoryIndex, keys: readonly string[]): Mask => maskOf(index, keys.map((key) => index.postings.get(key)));
const hasTerm = (index: TerritoryIndex, terms: readonly TermRef[]): Mask => withTerms(index, terms.map(termKey));

// An offer with no place (a phone line, an online service) serves the whole territory.
const atCommunes = (index: TerritoryIndex, communes: Commune[]): Mask =>
  maskOf(index, [index.withoutPlace, ...communes.map(({ code }) => index.byCommune.get(code))]);

function around(centre: Centre): OfferTest {
  // A bounding box first: the exact distance is only computed for the places inside it.
  const latitudeDelta = centre.km / KM_PER_DEGREE_LATITUDE;
  const longitudeDelta = centre.km / (KM_PER_DEGREE_LATITUDE * Math.cos((centre.latitude * Math.PI) / 180));
  return (offer) =>
    offer.places.length === 0 ||
    offer.places.some(
      ({ latitude, longitude }) =>
        latitude !== null &&
        longitude !== null &&
        Math.abs(latitude - centre.latitude) <= latitudeDelta &&
        Math.abs(longitude - centre.longitude) <= longitudeDelta &&
        distanceKm(centre, { latitude, longitude }) <= centre.km,
    );
}

/**
 * A schedule's hours of a day, kept with the schedule: an index's schedules do not change (a
 * write loads a new index), so the hours of the day are computed once a day, not once a search.
 */
const hoursOfDay = new WeakMap<Schedule, DayHours>();
function hoursToday(schedule: Schedule, date: string): DayHours {
  const known = hoursOfDay.get(schedule);
  if (known?.date === date) return known;
  const hours = hoursOn(schedule, date);
  hoursOfDay.set(schedule, hours);
  return hours;
}

/** Open at this minute at one of its places. */
const openNow = (offer: IndexedOffer, date: string, minute: number) =>
  offer.schedules.some((schedule) => hoursToday(schedule, date).ranges.some((range) => range.opensAtMinute <= minute && minute < range.closesAtMinute));

/** Minutes until it opens later today at one of its places (0: open now), or null when it does not. */
function waitToday(offer: IndexedOffer, date: string, minute: number): number | null {
  let soonest: number | null = null;
  for (const schedule of offer.schedules) {
    for (const range of hoursToday(schedule, date).ranges) {
      if (range.closesAtMinute <= minute) continue;
      const wait = Math.max(0, range.opensAtMinute - minute);
      if (soonest === null || wait < soonest) soonest = wait;
    }
  }
  return soonest;
}

const nextTime = (status: OpeningStatus) => (status.open ? 0 : (status.nextOpensAt?.getTime() ?? Number.POSITIVE_INFINITY));


/** Open now at one of its places, or the soonest next opening. */
function bestStatus(schedules: Schedule[], now: Date): OpeningStatus {
  const statuses = schedules.map((schedule) => statusAt(schedule, now));
  return statuses.find((status) => status.open) ?? statuses.filter((status) => !status.open && status.nextOpensAt).sort((a, b) => nextTime(a) - nextTime(b))[0] ?? statuses[0]!;
}

function openingOf(offer: IndexedOffer, today: string, now: Date): ResultStatus {
  const best = bestStatus(offer.schedules, now);
  // "Temporarily closed until…": every place is closed today by a dated closure.
  const closures = offer.schedules.map((schedule) =>
    schedule.exceptions
      .filter((exception) => exception.closed && exception.startsOn <= today && today <= exception.endsOn)
      .sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0],
  );
  const closedEverywhere = closures.every(Boolean) && !best.open;
  const until = closedEverywhere ? closures.sort((a, b) => a!.endsOn.localeCompare(b!.endsOn))[0]! : null;
  return { status: best, closedUntil: until ? { date: until.endsOn, label: until.label } : null };
}

function toResult(offer: IndexedOffer, territory: Territory, today: string, now: Date): SearchResult {
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
    places: offer.places.map(({ name, address, postalCode, communeName }) => ({ name, address, postalCode, communeName })),
    remote: offer.places.length === 0,
    opening: openingOf(offer, today, now),
    stale: isStale(offer.lastVerifiedAt, territory.staleAfterMonths, now),
    lastVerifiedAt: offer.lastVerifiedAt,
    unconfirmedSince: offer.unconfirmedSince,
  };
}

/** The needs asked for: the chosen need, else the free text's needs. */
function searchedNeeds(filters: SearchFilters, country: Territory["country"]): { chosen: NeedTerm[] | null; textNeeds: NeedMatch[] } {
  const chosenNeed = filters.besoin ? findNeed(filters.besoin, country) : undefined;
  const textNeeds = filters.q ? matchNeeds(filters.q, country) : [];
  return { chosen: chosenNeed ? [...chosenNeed.terms] : null, textNeeds };
}

export async function searchOffers(
  db: PrismaClient,
  territoryOrSlug: string | Territory,
  filters: SearchFilters,
  now: Date,
): Promise<SearchOutcome | null> {
  const territory = typeof territoryOrSlug === "string" ? await findPublicTerritory(db, territoryOrSlug) : territoryOrSlug;
  if (!territory) return null;
  const index = await territoryIndex(db, territory);
  const ignored: IgnoredFilter[] = [];
  const masks: Mask[] = [];
  const tests: OfferTest[] = [];

  // Needs: the chosen one, and what the free text means.
  const { chosen, textNeeds } = searchedNeeds(filters, territory.country);
  const textTerms = termRefsForNeeds(textNeeds.map(({ need }) => need));
  if (chosen) masks.push(hasTerm(index, chosen));
  let textFallback = false;
  if (textTerms.length > 0) {
    masks.push(hasTerm(index, textTerms));
  } else if (filters.q) {
    // No need recognised: look for the words in titles and descriptions, accents aside.
    const words = tokens(filters.q).filter((word) => word.length >= 2).slice(0, 5);
    if (words.length > 0) {
      textFallback = true;
      tests.push((offer) => words.every((word) => offer.text.includes(word)));
    }
  }

  // Where: a commune (or a postal code), and around it.
  const communeMatches = filters.commune ? resolveCommune(filters.commune, index.communes) : [];
  if (filters.commune && communeMatches.length === 0) ignored.push({ filter: "commune", reason: "unknown" });
  const suggestions = filters.commune && communeMatches.length === 0 ? communeSuggestions(filters.commune, index.communes) : [];
  const centre = filters.distance && communeMatches.length > 0 ? centreOf(communeMatches, filters.distance) : null;
  if (filters.distance && !centre) ignored.push({ filter: "distance", reason: "needsCommune" });
  if (centre) tests.push(around(centre));
  else if (communeMatches.length > 0) masks.push(atCommunes(index, communeMatches));

  // Who for, how, how much.
  if (filters.public) {
    // For this public, for everyone, or saying nothing of its public.
    const forPublic = hasTerm(index, [{ vocabularyKey: PUBLICS_VOCABULARY, code: filters.public }, { vocabularyKey: PUBLICS_VOCABULARY, code: "tous-publics" }]);
    const saysItsPublic = withTerms(index, [PUBLICS_VOCABULARY]);
    masks.push(forPublic.map((found, position) => found | (saysItsPublic[position]! ^ 1)));
  }
  const age = filters.age;
  if (age !== null) tests.push((offer) => (offer.minAge === null || offer.minAge <= age) && (offer.maxAge === null || offer.maxAge >= age));
  if (filters.acces.length > 0) masks.push(hasTerm(index, filters.acces.map((code) => ({ vocabularyKey: ACCESS_VOCABULARY, code }))));
  if (filters.posture) masks.push(hasTerm(index, [{ vocabularyKey: POSTURES_VOCABULARY, code: filters.posture }]));
  if (filters.gratuit) masks.push(hasTerm(index, FREE_TERMS));
  if (filters.creneau) {
    // Agendas are not in the index (they change with every booking): read for the whole territory in a few queries.
    const free = await offersWithFreeSlot(db, { territoryId: territory.id, from: now, until: endOfWeek(now, territory.timeZone) });
    tests.push((offer) => free.has(offer.id));
  }

  const { offers } = index;
  const positions: number[] = [];
  candidates: for (let position = 0; position < offers.length; position++) {
    for (const mask of masks) if (mask[position] === 0) continue candidates;
    for (const test of tests) if (!test(offers[position]!)) continue candidates;
    positions.push(position);
  }

  let ordered = positions;
  let truncated = false;
  const { date: today, minute } = localTime(now, territory.timeZone);
  // Free text is ranked by how well each offer answers what was typed: the sum of the scores of
  // the needs it carries a term of; with an opening filter, then by how soon it opens. With a
  // distance or an opening filter too, the order is then by title in French.
  if (textTerms.length > 0 || centre !== null || filters.ouvert !== null) {
    const score = new Float64Array(offers.length);
    for (const need of textNeeds) {
      const carries = hasTerm(index, need.need.terms);
      for (const position of positions) if (carries[position] === 1) score[position]! += need.score;
    }
    const wait = new Float64Array(offers.length);
    const byRank = (a: number, b: number) => score[b]! - score[a]! || wait[a]! - wait[b]! || offers[a]!.frenchRank - offers[b]!.frenchRank;
    if (filters.ouvert !== null) {
      if (ordered.length > MAX_CANDIDATES) {
        ordered = ordered.sort(byRank).slice(0, MAX_CANDIDATES);
        truncated = true;
      }
      ordered =
        filters.ouvert === "maintenant"
          ? ordered.filter((position) => openNow(offers[position]!, today, minute))
          : ordered.filter((position) => {
              const minutes = waitToday(offers[position]!, today, minute);
              if (minutes !== null) wait[position] = minutes;
              return minutes !== null;
            });
    }
    ordered.sort(byRank);
  }

  const total = ordered.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const results = ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((position) => toResult(offers[position]!, territory, today, now));
  const needs = chosen ? [{ need: findNeed(filters.besoin!, territory.country)!, score: 1 }] : textNeeds;
  return { territory, communeMatches, communeSuggestions: suggestions, needs, textFallback, results, total, page, pageCount, ignored, truncated };
}
