/**
 * The public search: a territory's published offers that match the filters, one page at a time.
 *
 * Filters are SQL (Prisma `where`): needs and vocabularies through OfferTerm → VocabularyTerm,
 * communes through OfferPlace → Place, a distance as a bounding box on the places' coordinates.
 * With no need, no distance and no opening filter, the database sorts (title) and pages.
 * Otherwise the narrowed set is read as light rows (ids, the need terms it carries, coordinates or
 * hours when needed, at most MAX_CANDIDATES), ranked or filtered here — need match first, then
 * open soonest, then title — and only the page's 20 offers are read in full.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { hoursOn, localTime, openingStatus, type OpeningStatus, type Schedule } from "@/lib/hours/rules";
import { isStale } from "@/lib/offers/rules";
import { resolveCommune, type Commune, type IgnoredFilter, type SearchFilters } from "./filters";
import { matchNeeds, termRefsForNeeds, type NeedMatch } from "./match";
import { findNeed, type NeedTerm } from "./needs";
import { tokens } from "./text";

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
 * The ids of the terms a search filters by, read first in one small query: the offers' filter is
 * then `termId IN (…)` with actual values, so PostgreSQL estimates each term's share of offers and
 * starts from the territory's offers when the term is common (a join on VocabularyTerm hid that).
 */
async function termIds(db: PrismaClient, refs: readonly TermRef[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const terms = await db.vocabularyTerm.findMany({
    where: { OR: refs.map(({ vocabularyKey, code }) => ({ vocabularyKey, code })) },
    select: { id: true, vocabularyKey: true, code: true },
  });
  return new Map(terms.map((term) => [termKey(term), term.id]));
}

/** Offers carrying at least one of these terms (none known: no offer). */
const hasTerm = (ids: Map<string, string>, terms: readonly TermRef[]): Prisma.OfferWhereInput => ({
  terms: { some: { termId: { in: terms.flatMap((term) => ids.get(termKey(term)) ?? []) } } },
});

const hoursSelect = {
  openingSlots: { select: { weekday: true, opensAtMinute: true, closesAtMinute: true, appointmentOnly: true, validFrom: true, validUntil: true } },
  openingExceptions: { select: { startsOn: true, endsOn: true, closed: true, opensAtMinute: true, closesAtMinute: true, label: true } },
} as const;

const scheduleSelect = {
  ...hoursSelect,
  places: {
    select: {
      publicHolidays: true,
      ...hoursSelect,
      place: {
        select: {
          id: true,
          name: true,
          address: true,
          postalCode: true,
          communeName: true,
          latitude: true,
          longitude: true,
          publicHolidays: true,
          ...hoursSelect,
        },
      },
    },
  },
} as const;

const resultSelect = {
  id: true,
  title: true,
  description: true,
  minAge: true,
  maxAge: true,
  feeDetails: true,
  lastVerifiedAt: true,
  structure: { select: { name: true, phone: true } },
  terms: { select: { term: { select: { vocabularyKey: true, code: true, label: true } } }, orderBy: { term: { sortOrder: "asc" } } },
  ...scheduleSelect,
} as const satisfies Prisma.OfferSelect;

type ScheduledOffer = Prisma.OfferGetPayload<{ select: typeof scheduleSelect }>;
type ResultRow = Prisma.OfferGetPayload<{ select: typeof resultSelect }>;

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
  communes: Commune[];
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

/**
 * The territory's published structures. Read first, so that offers and places are then found
 * through their structureId indexes: a join on the structure's territory made PostgreSQL scan
 * every offer of the country.
 */
async function publishedStructureIds(db: PrismaClient, territoryId: string): Promise<string[]> {
  const structures = await db.structure.findMany({ where: { territoryId, status: "published" }, select: { id: true } });
  return structures.map(({ id }) => id);
}

const publishedIn = (structureIds: string[]): Prisma.OfferWhereInput => ({ status: "published", structureId: { in: structureIds } });

/** The communes where the territory's published structures have places, with an average position. */
export async function territoryCommunes(db: PrismaClient, territoryId: string, structureIds?: string[]): Promise<Commune[]> {
  const groups = await db.place.groupBy({
    by: ["communeCode", "communeName", "postalCode"],
    where: { structureId: { in: structureIds ?? (await publishedStructureIds(db, territoryId)) } },
    _avg: { latitude: true, longitude: true },
    orderBy: { communeName: "asc" },
  });
  return groups.map((group) => ({
    code: group.communeCode,
    name: group.communeName,
    postalCode: group.postalCode,
    latitude: group._avg.latitude,
    longitude: group._avg.longitude,
  }));
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

function placeWhere(communes: Commune[], centre: Centre | null): Prisma.OfferWhereInput {
  const place: Prisma.PlaceWhereInput = centre
    ? (() => {
        const latitudeDelta = centre.km / KM_PER_DEGREE_LATITUDE;
        const longitudeDelta = centre.km / (KM_PER_DEGREE_LATITUDE * Math.cos((centre.latitude * Math.PI) / 180));
        return {
          latitude: { gte: centre.latitude - latitudeDelta, lte: centre.latitude + latitudeDelta },
          longitude: { gte: centre.longitude - longitudeDelta, lte: centre.longitude + longitudeDelta },
        };
      })()
    : { communeCode: { in: communes.map(({ code }) => code) } };
  // An offer with no place (a phone line, an online service) serves the whole territory.
  return { OR: [{ places: { some: { place } } }, { places: { none: {} } }] };
}

/** An offer's schedules: one per place, or its own when it has no place. */
function schedulesOf(offer: ScheduledOffer, territory: Territory): Schedule[] {
  if (offer.places.length === 0) return [remoteOfferSchedule(offer, territory)];
  return offer.places.map((offerPlace) => offerScheduleAt(offerPlace, territory));
}

function openingOf(offer: ScheduledOffer, territory: Territory, now: Date): ResultStatus {
  const schedules = schedulesOf(offer, territory);
  const statuses = schedules.map((schedule) => openingStatus(schedule, now, 31));
  const best = statuses.find((status) => status.open) ?? statuses.filter((status) => !status.open && status.nextOpensAt).sort((a, b) => nextTime(a) - nextTime(b))[0] ?? statuses[0]!;
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

function opensToday(offer: ScheduledOffer, territory: Territory, now: Date): boolean {
  const { date, minute } = localTime(now, territory.timeZone);
  return schedulesOf(offer, territory).some((schedule) => hoursOn(schedule, date).ranges.some((range) => range.closesAtMinute > minute));
}

function toResult(offer: ResultRow, territory: Territory, now: Date): SearchResult {
  const codesOf = (vocabularyKey: string) => offer.terms.filter(({ term }) => term.vocabularyKey === vocabularyKey).map(({ term }) => term.code);
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    structureName: offer.structure.name,
    phone: offer.structure.phone,
    minAge: offer.minAge,
    maxAge: offer.maxAge,
    feeDetails: offer.feeDetails,
    publics: codesOf(PUBLICS_VOCABULARY),
    accessModes: codesOf(ACCESS_VOCABULARY),
    postures: codesOf(POSTURES_VOCABULARY),
    free: offer.terms.some(({ term }) => FREE_TERMS.some((free) => free.vocabularyKey === term.vocabularyKey && free.code === term.code)),
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

export async function searchOffers(db: PrismaClient, territorySlug: string, filters: SearchFilters, now: Date): Promise<SearchOutcome | null> {
  const territory = await findPublicTerritory(db, territorySlug);
  if (!territory) return null;
  const ignored: IgnoredFilter[] = [];
  const structureIds = await publishedStructureIds(db, territory.id);
  const communes = await territoryCommunes(db, territory.id, structureIds);

  const where: Prisma.OfferWhereInput[] = [publishedIn(structureIds)];

  // Needs: the chosen one, and what the free text means.
  const { chosen, textNeeds } = searchedNeeds(filters, territory.country);
  const textTerms = termRefsForNeeds(textNeeds.map(({ need }) => need));
  const publicTerms = filters.public ? [{ vocabularyKey: PUBLICS_VOCABULARY, code: filters.public }, { vocabularyKey: PUBLICS_VOCABULARY, code: "tous-publics" }] : [];
  const accessTerms = filters.acces.map((code) => ({ vocabularyKey: ACCESS_VOCABULARY, code }));
  const postureTerms = filters.posture ? [{ vocabularyKey: POSTURES_VOCABULARY, code: filters.posture }] : [];
  const termIdsByKey = await termIds(db, [...(chosen ?? []), ...textTerms, ...publicTerms, ...accessTerms, ...postureTerms, ...(filters.gratuit ? FREE_TERMS : [])]);
  if (chosen) where.push(hasTerm(termIdsByKey, chosen));
  let textFallback = false;
  if (textTerms.length > 0) {
    where.push(hasTerm(termIdsByKey, textTerms));
  } else if (filters.q) {
    // No need recognised: look for the words in titles and descriptions.
    const words = tokens(filters.q).filter((word) => word.length >= 2).slice(0, 5);
    if (words.length > 0) {
      textFallback = true;
      where.push(...words.map((word) => ({ OR: [{ title: { contains: word, mode: "insensitive" as const } }, { description: { contains: word, mode: "insensitive" as const } }] })));
    }
  }

  // Where: a commune (or a postal code), and around it.
  const communeMatches = filters.commune ? resolveCommune(filters.commune, communes) : [];
  if (filters.commune && communeMatches.length === 0) ignored.push({ filter: "commune", reason: "unknown" });
  const centre = filters.distance && communeMatches.length > 0 ? centreOf(communeMatches, filters.distance) : null;
  if (filters.distance && !centre) ignored.push({ filter: "distance", reason: "needsCommune" });
  if (communeMatches.length > 0) where.push(placeWhere(communeMatches, centre));

  // Who for, how, how much.
  if (filters.public) {
    where.push({
      OR: [
        hasTerm(termIdsByKey, publicTerms),
        { terms: { none: { term: { vocabularyKey: PUBLICS_VOCABULARY } } } },
      ],
    });
  }
  if (filters.age !== null) {
    where.push({ OR: [{ minAge: null }, { minAge: { lte: filters.age } }] }, { OR: [{ maxAge: null }, { maxAge: { gte: filters.age } }] });
  }
  if (accessTerms.length > 0) where.push(hasTerm(termIdsByKey, accessTerms));
  if (postureTerms.length > 0) where.push(hasTerm(termIdsByKey, postureTerms));
  if (filters.gratuit) where.push(hasTerm(termIdsByKey, FREE_TERMS));

  const offerWhere: Prisma.OfferWhereInput = { AND: where };
  // Plain listings and a chosen need are ordered and paged in SQL. Free text is ranked by how
  // well each offer answers what was typed, a distance is checked exactly, and an opening filter
  // reads the hours: those rank the narrowed set in memory, reading hours only when filtering by them.
  const rankInMemory = textTerms.length > 0 || centre !== null || filters.ouvert !== null;
  let ids: string[];
  let total: number;
  let truncated = false;
  let page = filters.page;

  if (!rankInMemory) {
    total = await db.offer.count({ where: offerWhere });
    page = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    const rows = await db.offer.findMany({ where: offerWhere, orderBy: [{ title: "asc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { id: true } });
    ids = rows.map(({ id }) => id);
  } else {
    const candidates = await db.offer.findMany({
      where: offerWhere,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: MAX_CANDIDATES + 1,
      select: {
        id: true,
        title: true,
        // The need terms it carries, to rank it (none asked when there is no text: OR [] is false).
        terms: { where: { termId: { in: textTerms.flatMap((term) => termIdsByKey.get(termKey(term)) ?? []) } }, select: { term: { select: { vocabularyKey: true, code: true } } } },
        places: { select: { place: { select: { latitude: true, longitude: true } } } },
      },
    });
    truncated = candidates.length > MAX_CANDIDATES;
    let ranked = candidates.slice(0, MAX_CANDIDATES).map((offer) => ({ offer, score: needScore(offer.terms, textNeeds), next: 0 }));
    if (centre) {
      ranked = ranked.filter(({ offer }) =>
        offer.places.length === 0 ||
        offer.places.some(({ place }) => place.latitude !== null && place.longitude !== null && distanceKm(centre, { latitude: place.latitude, longitude: place.longitude }) <= centre.km),
      );
    }
    if (filters.ouvert !== null && ranked.length > 0) {
      const scheduled = new Map(
        (await db.offer.findMany({ where: { id: { in: ranked.map(({ offer }) => offer.id) } }, select: { id: true, ...scheduleSelect } })).map((offer) => [offer.id, offer]),
      );
      ranked = ranked
        .map((entry) => ({ ...entry, next: nextTime(openingOf(scheduled.get(entry.offer.id)!, territory, now).status) }))
        .filter(({ offer, next }) => (filters.ouvert === "maintenant" ? next === 0 : opensToday(scheduled.get(offer.id)!, territory, now)));
    }
    ranked.sort((a, b) => b.score - a.score || a.next - b.next || a.offer.title.localeCompare(b.offer.title, "fr"));
    total = ranked.length;
    page = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    ids = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ offer }) => offer.id);
  }

  const rows = ids.length > 0 ? await db.offer.findMany({ where: { id: { in: ids } }, select: resultSelect }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = ids.flatMap((id) => (byId.has(id) ? [toResult(byId.get(id)!, territory, now)] : []));
  const needs = chosen ? [{ need: findNeed(filters.besoin!, territory.country)!, score: 1 }] : textNeeds;
  return {
    territory,
    communes,
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

/** How well an offer's need terms answer the needs the text means: the score of each need it answers. */
function needScore(terms: { term: { vocabularyKey: string; code: string } }[], needs: NeedMatch[]): number {
  const carried = new Set(terms.map(({ term }) => `${term.vocabularyKey}\u0000${term.code}`));
  return needs.reduce((sum, { need, score }) => (need.terms.some((term) => carried.has(`${term.vocabularyKey}\u0000${term.code}`)) ? sum + score : sum), 0);
}
