/**
 * The orientation assistant's ranking, as pure functions (no database, the clock passed in):
 *
 * 1. `candidatesFor` — which offers answer the need: those carrying the need's terms (the taxonomy
 *    of lib/public-search/needs.ts), with how strongly (terms shared by many needs, such as
 *    "accéder à des services en ligne", count less than the need's own); the matrix's redirection
 *    entries are followed (an offer that says "we don't do this" is left out and names where to go;
 *    the offer it names is added); words that mean no need are looked for in titles and
 *    descriptions; and when nobody answers the need, the offers of general digital help come in for
 *    its digital part only (seed 001: José's CV — the mediator can help with the form, not the content).
 * 2. `rankCandidates` — each candidate is either left out, with one reason (age or public it is
 *    reserved to, closed until after the deadline, no opening before it, too far, not accessible),
 *    or scored: the sum of the weights (weights.ts) of its reasons — the need, the public, the
 *    posture against the support the person needs (seed 001's three postures), walk-in or
 *    appointment against the urgency, the next opening and free slot against the deadline, the
 *    distance, the equipment, the language, access, fees, freshness — and the reasons are kept, so
 *    every ranking says why.
 */
import { addDays } from "@/lib/hours/holidays";
import { localTime, zonedInstant, type OpeningStatus, type Schedule } from "@/lib/hours/rules";
import { statusAt } from "@/lib/hours/status-cache";
import type { NeedMatch } from "@/lib/public-search/match";
import { staleBefore } from "@/lib/offers/rules";
import { NEEDS, type NeedTerm } from "@/lib/public-search/needs";
import { termKey, type IndexedOffer, type TermRef } from "@/lib/public-search/territory-index";
import { AGE_BANDS } from "@/lib/transfers/schemas";
import type { Posture, Situation } from "./situation";
import type { ExcludedOffer, Exclusion, OrientationOfferSummary, RankedOffer, Reason, ReasonCode, ReasonKind } from "./types";
import { DEFAULT_REACH_KM, MAX_EXCLUDED, MAX_RANKED, SHORTLIST, URGENT_WITHIN_DAYS, WEIGHTS } from "./weights";

const PUBLICS_VOCABULARY = "dataInclusion.v1.publics";
const ACCESS_VOCABULARY = "toile.modes_acces";
const POSTURES_VOCABULARY = "toile.postures";
const FREE_CODES = new Set(["lmn.frais_a_charge\u0000Gratuit", "dataInclusion.v1.frais\u0000gratuit"]);
const PAID_CODES = new Set(["lmn.frais_a_charge\u0000Payant", "dataInclusion.v1.frais\u0000payant"]);
const FOR_EVERYONE = "tous-publics";
const DAY_MS = 86_400_000;

const NONE: Candidate["redirectedFrom"] = [];

/** General digital help: the terms of "apprendre le numérique" and online services. */
const DIGITAL_HELP: readonly TermRef[] = [
  ...NEEDS.find((need) => need.slug === "apprendre-le-numerique")!.terms,
  { vocabularyKey: "dataInclusion.v1.thematiques", code: "numerique--acceder-a-des-services-en-ligne" },
];

/** How many needs each term answers: a term of many needs says less of each. */
const NEEDS_PER_TERM = new Map<string, number>();
for (const need of NEEDS) for (const term of need.terms) NEEDS_PER_TERM.set(termKey(term), (NEEDS_PER_TERM.get(termKey(term)) ?? 0) + 1);
const specificity = (term: NeedTerm) => 1 / (NEEDS_PER_TERM.get(termKey(term)) ?? 1);

/** Each offer's term keys, made once: an index's offers do not change (a write loads a new index). */
const termKeysOf = new WeakMap<IndexedOffer, ReadonlySet<string>>();
function keysOf(offer: IndexedOffer): ReadonlySet<string> {
  let keys = termKeysOf.get(offer);
  if (!keys) termKeysOf.set(offer, (keys = new Set(offer.terms.map(termKey))));
  return keys;
}

/** How many vocabularies a need's terms come from, at most (LMN and data·inclusion). */
const MAX_VOCABULARIES = Math.max(...NEEDS.map((need) => new Set(need.terms.map(({ vocabularyKey }) => vocabularyKey)).size));

/** The positions of the offers carrying each term (by termKey), and the offers with redirections: made once per list of offers (an index's list does not change). */
interface OfferPostings {
  byTerm: Map<string, Int32Array>;
  withRedirects: IndexedOffer[];
  byId: Map<string, IndexedOffer>;
}
const postingsOfOffers = new WeakMap<readonly IndexedOffer[], OfferPostings>();
function postingsOf(offers: readonly IndexedOffer[]): OfferPostings {
  let postings = postingsOfOffers.get(offers);
  if (!postings) {
    const lists = new Map<string, number[]>();
    offers.forEach((offer, position) => {
      for (const key of keysOf(offer)) {
        const list = lists.get(key);
        if (list) list.push(position);
        else lists.set(key, [position]);
      }
    });
    postings = { byTerm: new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)])), withRedirects: offers.filter((offer) => offer.redirects.length > 0), byId: new Map(offers.map((offer) => [offer.id, offer])) };
    postingsOfOffers.set(offers, postings);
  }
  return postings;
}

/** What an offer is, read from its terms once (an index's offers do not change). */
interface Traits {
  publics: string[];
  /** Its publics but "tous publics". */
  specificPublics: string[];
  postures: Posture[];
  access: ReadonlySet<string>;
  fee: "free" | "paid" | null;
  walkIn: boolean;
  byAppointment: boolean;
}
const traitsOf = new WeakMap<IndexedOffer, Traits>();
function traits(offer: IndexedOffer): Traits {
  let known = traitsOf.get(offer);
  if (!known) {
    const codesOf = (vocabularyKey: string) => offer.terms.filter((term) => term.vocabularyKey === vocabularyKey).map(({ code }) => code);
    const keys = keysOf(offer);
    const fee = [...keys].some((key) => FREE_CODES.has(key)) ? "free" : [...keys].some((key) => PAID_CODES.has(key)) ? "paid" : null;
    const publics = codesOf(PUBLICS_VOCABULARY);
    const access = new Set(codesOf(ACCESS_VOCABULARY));
    known = {
      publics,
      specificPublics: publics.filter((code) => code !== FOR_EVERYONE),
      postures: codesOf(POSTURES_VOCABULARY) as Posture[],
      access,
      fee,
      walkIn: access.has("sans-rendez-vous") || access.has("acces-libre"),
      byAppointment: access.has("sur-rendez-vous"),
    };
    traitsOf.set(offer, known);
  }
  return known;
}

/** What a redirection's words mean, read once per text (matchNeeds is a few loops, but every search would repeat it). */
const meaningOf = new Map<string, Set<string>>();

export interface Candidate {
  offer: IndexedOffer;
  /** What the offer is (its publics, postures, access), read once: candidates are kept per need. */
  traits: Traits;
  /** 0–1: how well it answers the needs asked (the best need's share × how much of it the offer carries). */
  strength: number;
  /** The need it answers best, and whether in full. */
  need: { slug: string; coverage: "full" | "partial" } | null;
  /** Partners that send this need here. */
  redirectedFrom: readonly { structureName: string; notOffered: string; share: number }[];
  /** It says it does not do this and names where to go instead. */
  redirectsAway: { notOffered: string; to: string } | null;
  /** Nobody answers the need: it helps with its digital part only. */
  digitalPartOnly: boolean;
  /** The words typed, found in its text (no need recognised). */
  textWords: string[] | null;
}

/**
 * When no offer answers the need itself (or all are left out): the offers of general digital help,
 * for the need's digital part only (seed 001: José's CV — the form, not the content).
 */
function digitalHelpCandidates(offers: readonly IndexedOffer[], needSlug: string, besides: ReadonlySet<string>): Candidate[] {
  const helpKeys = DIGITAL_HELP.map(termKey);
  return offers
    .filter((offer) => !besides.has(offer.id) && helpKeys.some((key) => keysOf(offer).has(key)))
    .map((offer) => ({ offer, traits: traits(offer), strength: 0, need: { slug: needSlug, coverage: "partial" as const }, redirectedFrom: [], redirectsAway: null, digitalPartOnly: true, textWords: null }));
}

/** The needs a redirection's words mean (the best match and those close to it). */
function needsOfWords(words: string, match: (text: string) => NeedMatch[]): Set<string> {
  const known = meaningOf.get(words);
  if (known) return known;
  const matches = match(words);
  const best = matches[0]?.score ?? 0;
  const slugs = new Set(matches.filter(({ score }) => score >= best * 0.75).map(({ need }) => need.slug));
  if (meaningOf.size >= 10_000) meaningOf.clear();
  meaningOf.set(words, slugs);
  return slugs;
}

/**
 * The offers that answer the needs (or the words), with the matrix's redirections followed.
 * `match` reads a redirection's words as needs (lib/public-search/match.ts `matchNeeds`).
 */
function candidatesFor(
  offers: readonly IndexedOffer[],
  asked: { needs: NeedMatch[]; words: string[] },
  structureNames: ReadonlyMap<string, string>,
  match: (text: string) => NeedMatch[],
): Candidate[] {
  const candidates = new Map<string, Candidate>();
  const blank = (offer: IndexedOffer): Candidate => ({ offer, traits: traits(offer), strength: 0, need: null, redirectedFrom: [], redirectsAway: null, digitalPartOnly: false, textWords: null });

  if (asked.needs.length > 0) {
    const best = Math.max(...asked.needs.map(({ score }) => score));
    // A need's terms come from two vocabularies (LMN and data·inclusion) that say the same thing:
    // an offer described in one of them answers in full when it carries that one's terms.
    const needs = asked.needs.map(({ need, score }) => {
      const byVocabulary = new Map<string, { key: string; weight: number }[]>();
      for (const term of need.terms) {
        const list = byVocabulary.get(term.vocabularyKey) ?? [];
        list.push({ key: termKey(term), weight: specificity(term) });
        byVocabulary.set(term.vocabularyKey, list);
      }
      const vocabularies = [...byVocabulary.values()].map((keys) => {
        const total = keys.reduce((sum, { weight }) => sum + weight, 0);
        return keys.map(({ key, weight }) => ({ key, weight: weight / total }));
      });
      return { need, share: score / best, vocabularies };
    });
    // From the terms' side: only the offers carrying one of the needs' terms are looked at.
    const { byTerm } = postingsOf(offers);
    // Shared by the candidates: one object per need and coverage, not one per offer.
    const answers = needs.map(({ need }) => ({ full: { slug: need.slug, coverage: "full" as const }, partial: { slug: need.slug, coverage: "partial" as const } }));
    const slots = needs.length * MAX_VOCABULARIES;
    const coverages = new Float64Array(offers.length * slots);
    const seen = new Uint8Array(offers.length);
    const touched: number[] = [];
    for (let needIndex = 0; needIndex < needs.length; needIndex++) {
      const { vocabularies } = needs[needIndex]!;
      for (let vocabularyIndex = 0; vocabularyIndex < vocabularies.length; vocabularyIndex++) {
        for (const { key, weight } of vocabularies[vocabularyIndex]!) {
          for (const position of byTerm.get(key) ?? []) {
            const at = position * slots + needIndex * MAX_VOCABULARIES + vocabularyIndex;
            if (seen[position] === 0) {
              seen[position] = 1;
              touched.push(position);
            }
            coverages[at]! += weight;
          }
        }
      }
    }
    for (const position of touched) {
      let best: { strength: number; needIndex: number; coverage: number } | null = null;
      for (let needIndex = 0; needIndex < needs.length; needIndex++) {
        let coverage = 0;
        for (let vocabulary = 0; vocabulary < MAX_VOCABULARIES; vocabulary++) coverage = Math.max(coverage, coverages[position * slots + needIndex * MAX_VOCABULARIES + vocabulary]!);
        if (coverage === 0) continue;
        const strength = needs[needIndex]!.share * (0.2 + 0.8 * coverage);
        if (!best || strength > best.strength) best = { strength, needIndex, coverage };
      }
      if (!best) continue;
      const offer = offers[position]!;
      const need = answers[best.needIndex]![best.coverage >= 0.5 ? "full" : "partial"];
      candidates.set(offer.id, { offer, traits: traits(offer), strength: best.strength, need, redirectedFrom: NONE, redirectsAway: null, digitalPartOnly: false, textWords: null });
    }

    // "We don't do this → go there": the redirections whose words mean an asked need.
    const askedSlugs = new Set(asked.needs.map(({ need }) => need.slug));
    const bestShare = new Map(needs.map(({ need, share }) => [need.slug, share]));
    for (const offer of postingsOf(offers).withRedirects) {
      for (const redirect of offer.redirects) {
        const meant = [...needsOfWords(redirect.notOffered, match)].filter((slug) => askedSlugs.has(slug));
        if (meant.length === 0) continue;
        const share = Math.max(...meant.map((slug) => bestShare.get(slug) ?? 0));
        const target = redirect.toOfferId ? postingsOf(offers).byId.get(redirect.toOfferId) : undefined;
        const targets = target ? [target] : redirect.toStructureId ? offers.filter((other) => other.structureId === redirect.toStructureId) : [];
        const to = target?.title ?? (redirect.toStructureId ? structureNames.get(redirect.toStructureId) : undefined) ?? redirect.note ?? "";
        // Said even when it does not carry the need's terms: a mediator learns who does not do it, and who does.
        const away = candidates.get(offer.id) ?? blank(offer);
        away.redirectsAway ??= { notOffered: redirect.notOffered, to };
        candidates.set(offer.id, away);
        for (const other of targets) {
          if (other.id === offer.id) continue;
          const candidate = candidates.get(other.id) ?? { ...blank(other), strength: share * 0.75, need: { slug: meant[0]!, coverage: "partial" as const } };
          candidate.redirectedFrom = [...candidate.redirectedFrom, { structureName: offer.structureName, notOffered: redirect.notOffered, share }];
          candidates.set(other.id, candidate);
        }
      }
    }

  } else if (asked.words.length > 0) {
    for (const offer of offers) {
      if (asked.words.every((word) => offer.text.includes(word))) candidates.set(offer.id, { ...blank(offer), strength: 1, textWords: asked.words });
    }
  }
  return [...candidates.values()];
}

export interface RankContext {
  situation: Situation;
  /** The person's commune's position, when known. */
  origin: { latitude: number; longitude: number } | null;
  now: Date;
  timeZone: string;
  staleAfterMonths: number;
}

function distanceKm(a: { latitude: number; longitude: number }, latitude: number, longitude: number): number {
  const rad = Math.PI / 180;
  const dLat = (latitude - a.latitude) * rad;
  const dLon = (longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The support the person needs: the goal said, else what their ease with digital tools suggests. */
export function wantedPosture(situation: Situation): Posture | null {
  if (situation.objectif) return situation.objectif;
  switch (situation.aisance) {
    case "none":
      return "faire-a-la-place";
    case "beginner":
      return "faire-avec";
    case "basic":
    case "autonomous":
      return situation.urgence === "urgent" ? "faire-avec" : "apprendre-a-faire";
    default:
      return null;
  }
}

const OPPOSITE: Record<Posture, Posture | null> = { "faire-a-la-place": "apprendre-a-faire", "apprendre-a-faire": "faire-a-la-place", "faire-avec": null };

function summaryOf(offer: IndexedOffer): OrientationOfferSummary {
  const codesOf = (vocabularyKey: string) => offer.terms.filter((term) => term.vocabularyKey === vocabularyKey).map(({ code }) => code);
  return {
    id: offer.id,
    title: offer.title,
    structureId: offer.structureId,
    structureName: offer.structureName,
    phone: offer.phone,
    places: offer.places.map(({ name, address, postalCode, communeName }) => ({ name, address, postalCode, communeName })),
    remote: offer.places.length === 0,
    postures: codesOf(POSTURES_VOCABULARY) as Posture[],
    accessModes: codesOf(ACCESS_VOCABULARY),
    documentsToBring: offer.documentsToBring,
    acceptsTransfers: offer.acceptsTransfers,
  };
}

/** When it can be met next, over all its places, and whether every place is closed today by a dated closure. */
function openingOf(schedules: Schedule[], now: Date, today: string) {
  const known = schedules.filter((schedule) => schedule.slots.length > 0);
  if (known.length === 0) return { known: false, next: null as Date | null, open: false, closesAt: null as Date | null, closedUntil: null };
  const statuses: OpeningStatus[] = known.map((schedule) => statusAt(schedule, now));
  const open = statuses.find((status) => status.open);
  const nexts = statuses.flatMap((status) => (!status.open && status.nextOpensAt ? [status.nextOpensAt] : []));
  const next = open ? now : nexts.sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const closures = known.map((schedule) =>
    schedule.exceptions.filter((exception) => exception.closed && exception.startsOn <= today && today <= exception.endsOn).sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0],
  );
  const closedUntil = !open && closures.every(Boolean) ? closures.sort((a, b) => a!.endsOn.localeCompare(b!.endsOn))[0]! : null;
  return { known: true, next, open: !!open, closesAt: open && open.open ? open.closesAt : null, closedUntil: closedUntil ? { until: closedUntil.endsOn, label: closedUntil.label } : null };
}

const reason = (code: ReasonCode, kind: ReasonKind, weight: number, params: Reason["params"] = {}): Reason => ({ code, kind, weight: Math.round(weight * 10) / 10, params });

/** Whether an age band lies within the offer's ages (null: the offer says nothing of ages). */
function ageFit(offer: IndexedOffer, band: { min: number; max: number }): "inside" | "outside" | "overlap" | null {
  if (offer.minAge === null && offer.maxAge === null) return null;
  const min = offer.minAge ?? 0;
  const max = offer.maxAge ?? 200;
  if (band.max < min || band.min > max) return "outside";
  return band.min >= min && band.max <= max ? "inside" : "overlap";
}

const ageParams = (offer: IndexedOffer) => ({ ...(offer.minAge !== null ? { minAge: offer.minAge } : {}), ...(offer.maxAge !== null ? { maxAge: offer.maxAge } : {}) });

/** Each offer's first free appointment slot, and the offers that have agendas (lib/resident-booking/free-this-week.ts). */
export interface FreeSlots {
  first: ReadonlyMap<string, Date>;
  withAgenda: ReadonlySet<string>;
}

/** Ranked, left out, or a provisional score (a number: no object for each of thousands of candidates). */
type Scored = { ranked: RankedOffer; next: number; rank: number } | { excluded: Exclusion; candidate: Candidate } | number;
interface Derived {
  today: string;
  /** Verified before this instant: stale (lib/offers/rules.ts, computed once). */
  staleBefore: Date;
  deadlineEnd: Date | null;
  urgent: boolean;
  wanted: Posture | null;
}

/** Left out, with one reason (a function of its own: no closure made for each of thousands of candidates). */
function excludedBy(candidate: Candidate, code: Exclusion["code"], params: Exclusion["params"] = {}): Scored {
  return { excluded: { code, params }, candidate };
}

/**
 * An offer's place: left out with one reason, or scored with its reasons. Without `slots`, a
 * provisional score without what depends on time (openings, free slots, the deadline), which is
 * what costs: the shortlist's offers only are then judged in full.
 */
function judge(candidate: Candidate, context: RankContext, derived: Derived, slots: FreeSlots | null): Scored {
  const { offer } = candidate;
  const { situation, now } = context;
  const { publics, specificPublics, postures, access, fee } = candidate.traits;
  const remote = offer.places.length === 0;

  // What it says it does not do.
  if (candidate.redirectsAway) return excludedBy(candidate, "redirects_elsewhere", candidate.redirectsAway);

  // Who it is for.
  const band = situation.ageBand ? AGE_BANDS[situation.ageBand] : null;
  const fit = band ? ageFit(offer, band) : null;
  if (fit === "outside") return excludedBy(candidate, "age_restricted", ageParams(offer));
  if (situation.public && specificPublics.length > 0 && !publics.includes(FOR_EVERYONE) && !publics.includes(situation.public)) {
    return excludedBy(candidate, "public_restricted", { publics: specificPublics.join(",") });
  }

  // Where.
  let distance: number | null = null;
  let nearestPlace = "";
  if (!remote && context.origin) {
    for (const place of offer.places) {
      if (place.latitude === null || place.longitude === null) continue;
      const km = distanceKm(context.origin, place.latitude, place.longitude);
      if (distance === null || km < distance) {
        distance = km;
        nearestPlace = place.name;
      }
    }
  }
  const nearest = distance;
  // 0: the person cannot travel at all, wherever the place is.
  if (!remote && situation.distance === 0) return excludedBy(candidate, "too_far", { max: 0, ...(nearest !== null ? { km: Math.round(nearest * 10) / 10 } : {}) });
  if (!remote && situation.distance !== null && nearest !== null && nearest > situation.distance) {
    return excludedBy(candidate, "too_far", { km: Math.round(nearest * 10) / 10, max: situation.distance });
  }
  if (situation.fauteuil && !remote && offer.places.every((place) => place.wheelchairAccessible === false)) return excludedBy(candidate, "not_accessible");
  if (!slots) return estimate(candidate, situation, derived, fit, distance);
  const reasons: Reason[] = [];

  // When (only for the shortlist: see rankCandidates).
  const full = slots !== null;
  const opening = full ? openingOf(offer.schedules, now, derived.today) : { known: false, next: null, open: false, closesAt: null, closedUntil: null };
  const slot = slots?.first.get(offer.id) ?? null;
  const slotBeforeDeadline = slot && (!derived.deadlineEnd || slot < derived.deadlineEnd) ? slot : null;
  if (opening.closedUntil && (derived.deadlineEnd ? opening.closedUntil.until >= situation.echeance! : !opening.next)) {
    return excludedBy(candidate, "closed_until", opening.closedUntil);
  }
  if (derived.deadlineEnd && opening.known && (!opening.next || opening.next >= derived.deadlineEnd) && !slotBeforeDeadline) {
    return excludedBy(candidate, "no_opening_before_deadline", { deadline: situation.echeance! });
  }

  // The need.
  if (candidate.textWords) reasons.push(reason("text_matches", "for", WEIGHTS.textMatches, { words: candidate.textWords.join(" ") }));
  else if (candidate.digitalPartOnly) reasons.push(reason("digital_part_only", "info", WEIGHTS.digitalPartOnly, { need: candidate.need!.slug }));
  else if (candidate.strength > 0) reasons.push(reason("need_answered", "for", WEIGHTS.need * candidate.strength, { need: candidate.need!.slug, coverage: candidate.need!.coverage }));
  for (const { structureName, notOffered, share } of candidate.redirectedFrom.slice(0, 3)) {
    reasons.push(reason("redirected_here", "for", WEIGHTS.redirectedHere * share, { fromStructure: structureName, notOffered }));
  }

  // The public.
  if (fit === "inside") reasons.push(reason("serves_public", "for", WEIGHTS.servesPublic, ageParams(offer)));
  else if (fit === "overlap") reasons.push(reason("condition_to_check", "info", 0, { condition: ageCondition(offer) }));
  else if (!band && (offer.minAge !== null || offer.maxAge !== null)) {
    reasons.push(reason("condition_to_check", "against", WEIGHTS.restrictionToCheck, { condition: ageCondition(offer) }));
  }
  else if (situation.public && publics.includes(situation.public)) reasons.push(reason("serves_public", "for", WEIGHTS.servesPublic, { public: situation.public }));
  else if (publics.includes(FOR_EVERYONE)) reasons.push(reason("for_everyone", "for", WEIGHTS.forEveryone));
  else if (specificPublics.length > 0 && !situation.public && !publics.includes(FOR_EVERYONE)) {
    reasons.push(reason("condition_to_check", "against", WEIGHTS.restrictionToCheck, { publics: specificPublics.join(",") }));
  }

  // The support the person needs.
  if (derived.wanted && postures.length > 0) {
    if (postures.includes(derived.wanted)) reasons.push(reason("posture_matches", "for", WEIGHTS.postureMatches, { posture: derived.wanted }));
    else {
      const opposite = OPPOSITE[derived.wanted];
      const weight = postures.every((posture) => posture === opposite) ? WEIGHTS.postureOpposite : 0;
      reasons.push(reason("posture_differs", weight < 0 ? "against" : "info", weight, { posture: postures.join(","), wanted: derived.wanted }));
    }
  }

  // Walk in or by appointment, against the urgency and the length of the request (seed 002).
  const { walkIn, byAppointment } = candidate.traits;
  const long = situation.difficulte === "complex";
  if (walkIn && !(long && !byAppointment)) {
    const quick = situation.difficulte === "simple";
    reasons.push(reason("walk_in", "for", (derived.urgent ? WEIGHTS.walkInUrgent : WEIGHTS.walkIn) + (quick ? WEIGHTS.quickOnTheSpot : 0), quick ? { quick: 1 } : {}));
  } else if (walkIn) reasons.push(reason("walk_in", "against", WEIGHTS.tooLongForWalkIn, { long: 1 }));
  if (byAppointment && !walkIn) {
    if (long) reasons.push(reason("appointment_only", "for", WEIGHTS.appointmentForLongRequest, { long: 1 }));
    else if (full && derived.urgent && !slotBeforeDeadline) reasons.push(reason("appointment_only", "against", WEIGHTS.appointmentOnlyUrgent));
    else reasons.push(reason("appointment_only", "info", 0));
  }

  // When it can be met.
  if (opening.next) {
    const hours = (opening.next.getTime() - now.getTime()) / 3_600_000;
    const soon = Math.max(0, 1 - hours / 72) * WEIGHTS.opensSoon;
    const at = (opening.open ? opening.closesAt! : opening.next).toISOString();
    if (derived.deadlineEnd && opening.next < derived.deadlineEnd) {
      reasons.push(reason("open_before_deadline", "for", WEIGHTS.openBeforeDeadline + soon, { at, deadline: situation.echeance!, ...(opening.open ? { open: 1 } : {}) }));
    } else reasons.push(reason("next_opening", soon > 0 ? "for" : "info", soon, { at, ...(opening.open ? { open: 1 } : {}) }));
  }
  if (slotBeforeDeadline) {
    const weight = walkIn && !long ? WEIGHTS.freeSlot / 2 : WEIGHTS.freeSlot;
    reasons.push(reason("next_free_slot", "for", weight, { at: slotBeforeDeadline.toISOString() }));
  }
  else if (slots?.withAgenda.has(offer.id) && derived.deadlineEnd) {
    reasons.push(reason("no_free_slot_before_deadline", "against", WEIGHTS.noFreeSlotBeforeDeadline, { deadline: situation.echeance! }));
  }
  if (derived.deadlineEnd && offer.typicalDelayDays !== null && now.getTime() + offer.typicalDelayDays * DAY_MS > derived.deadlineEnd.getTime()) {
    reasons.push(reason("delay_beyond_deadline", "against", WEIGHTS.delayBeyondDeadline, { days: offer.typicalDelayDays, deadline: situation.echeance! }));
  }
  if (offer.isSaturated) reasons.push(reason("saturated", "against", WEIGHTS.saturated));

  // Where, and with what.
  const equipment = situation.equipement;
  const noEquipment = equipment.length === 1 && equipment[0] === "none";
  if (remote) {
    reasons.push(reason("remote", situation.distance === 0 ? "for" : "info", situation.distance === 0 ? WEIGHTS.remoteCannotTravel : 0));
    if (noEquipment) reasons.push(reason("remote_needs_equipment", "against", WEIGHTS.remoteNeedsEquipment));
  } else if (distance !== null) {
    const reach = situation.distance && situation.distance > 0 ? situation.distance : DEFAULT_REACH_KM;
    const weight = Math.max(0, 1 - distance / reach) * WEIGHTS.nearby;
    reasons.push(reason("distance", weight > 0 ? "for" : "info", weight, { km: Math.round(distance * 10) / 10, place: nearestPlace }));
  }
  const withoutComputer = equipment.length > 0 && !equipment.includes("computer") && !equipment.includes("tablet");
  if (withoutComputer && access.has("acces-libre") && !remote) reasons.push(reason("equipment_provided", "for", WEIGHTS.equipmentProvided));
  if (situation.langue && situation.langue !== "fr") {
    if (offer.languages.includes(situation.langue)) reasons.push(reason("language_spoken", "for", WEIGHTS.languageSpoken, { language: situation.langue }));
    else reasons.push(reason("language_not_spoken", "against", WEIGHTS.languageNotSpoken, { language: situation.langue }));
  }
  if (situation.fauteuil && !remote) {
    if (offer.places.some((place) => place.wheelchairAccessible === true)) reasons.push(reason("wheelchair_accessible", "for", WEIGHTS.wheelchairAccessible));
    else reasons.push(reason("wheelchair_unknown", "info", 0, { place: offer.places.find((place) => place.wheelchairAccessible === null)?.name ?? "" }));
  }

  // Conditions, what to bring, fees, freshness.
  for (const condition of [offer.residencyCondition, offer.otherConditions]) if (condition) reasons.push(reason("condition_to_check", "info", 0, { condition }));
  if (offer.documentsToBring.length > 0) reasons.push(reason("documents_to_bring", "info", 0, { documents: offer.documentsToBring.join(" ; ") }));
  if (fee === "free") reasons.push(reason("free", "for", WEIGHTS.free));
  else if (fee === "paid") reasons.push(reason("paid", "against", WEIGHTS.paid, offer.feeDetails ? { details: offer.feeDetails } : {}));
  // The day in the territory's zone costs a formatter call: the shortlist's only.
  const verifiedOn = (date: Date): Reason["params"] => (full ? { on: localTime(date, context.timeZone).date } : {});
  if (!offer.lastVerifiedAt || offer.lastVerifiedAt < derived.staleBefore) {
    reasons.push(reason("stale", "against", WEIGHTS.stale, offer.lastVerifiedAt ? verifiedOn(offer.lastVerifiedAt) : {}));
  } else reasons.push(reason("verified_recently", "for", WEIGHTS.verifiedRecently, verifiedOn(offer.lastVerifiedAt!)));
  if (offer.acceptsTransfers) reasons.push(reason("accepts_transfers", "for", WEIGHTS.acceptsTransfers));

  const score = Math.round(reasons.reduce((sum, item) => sum + item.weight, 0) * 10) / 10;
  const order: Record<ReasonKind, number> = { for: 0, against: 1, info: 2 };
  reasons.sort((a, b) => order[a.kind] - order[b.kind] || Math.abs(b.weight) - Math.abs(a.weight));
  return {
    ranked: { offer: summaryOf(offer), score, reasons, nextFreeSlot: slot ? slot.toISOString() : null, distanceKm: distance === null ? null : Math.round(distance * 10) / 10 },
    next: opening.next?.getTime() ?? Number.POSITIVE_INFINITY,
    rank: offer.frenchRank,
  };
}

/**
 * The provisional score of an offer not left out: the weights of its main reasons that do not
 * depend on time, without writing the reasons (it runs for every candidate; judge() writes them
 * for the shortlist).
 */
function estimate(candidate: Candidate, situation: Situation, derived: Derived, fit: ReturnType<typeof ageFit>, distance: number | null): number {
  const { offer } = candidate;
  const { publics, postures, walkIn } = candidate.traits;
  let score = candidate.textWords ? WEIGHTS.textMatches : candidate.digitalPartOnly ? WEIGHTS.digitalPartOnly : WEIGHTS.need * candidate.strength;
  for (let index = 0; index < Math.min(3, candidate.redirectedFrom.length); index++) score += WEIGHTS.redirectedHere * candidate.redirectedFrom[index]!.share;
  if (fit === "inside" || (situation.public && publics.includes(situation.public))) score += WEIGHTS.servesPublic;
  if (derived.wanted && postures.includes(derived.wanted)) score += WEIGHTS.postureMatches;
  if (walkIn) score += derived.urgent ? WEIGHTS.walkInUrgent : WEIGHTS.walkIn;
  if (offer.isSaturated) score += WEIGHTS.saturated;
  if (distance !== null) score += Math.max(0, 1 - distance / (situation.distance || DEFAULT_REACH_KM)) * WEIGHTS.nearby;
  if (situation.langue && situation.langue !== "fr") score += offer.languages.includes(situation.langue) ? WEIGHTS.languageSpoken : WEIGHTS.languageNotSpoken;
  return score;
}

/** "De 16 à 25 ans", "À partir de 60 ans", "Jusqu'à 25 ans". */
function ageCondition(offer: IndexedOffer): string {
  if (offer.minAge !== null && offer.maxAge !== null) return `De ${offer.minAge} à ${offer.maxAge} ans`;
  if (offer.minAge !== null) return `À partir de ${offer.minAge} ans`;
  return `Jusqu'à ${offer.maxAge} ans`;
}

/**
 * The candidates of a need depend on the index and the need only, and the same needs are asked
 * again and again: they are kept per index (a few dozen needs each; never changed by the ranking).
 */
const candidatesOfIndex = new WeakMap<readonly IndexedOffer[], Map<string, Candidate[]>>();
const MAX_KEPT_NEEDS = 64;
function knownCandidates(offers: readonly IndexedOffer[], asked: { needs: NeedMatch[]; words: string[] }, find: () => Candidate[]): Candidate[] {
  const key = JSON.stringify([asked.needs.map(({ need, score }) => [need.slug, score]), asked.words]);
  let kept = candidatesOfIndex.get(offers);
  if (!kept) candidatesOfIndex.set(offers, (kept = new Map()));
  const known = kept.get(key);
  if (known) return known;
  const found = find();
  if (kept.size >= MAX_KEPT_NEEDS) kept.delete(kept.keys().next().value!);
  kept.set(key, found);
  return found;
}

/**
 * Who may answer: the candidates for the needs or the words, and — when there are needs — general
 * digital help in reserve, ranked only if none of the candidates is left (rankOffers).
 */
export function orientationCandidates(
  offers: readonly IndexedOffer[],
  asked: { needs: NeedMatch[]; words: string[] },
  structureNames: ReadonlyMap<string, string>,
  match: (text: string) => NeedMatch[],
): { candidates: Candidate[]; fallback: () => Candidate[] } {
  const candidates = knownCandidates(offers, asked, () => candidatesFor(offers, asked, structureNames, match));
  // An offer that only says "we don't do this" may still help with the digital part.
  const answering = () => new Set(candidates.filter(({ strength, redirectedFrom }) => strength > 0 || redirectedFrom.length > 0).map(({ offer }) => offer.id));
  const fallback = () => (asked.needs.length > 0 ? digitalHelpCandidates(offers, asked.needs[0]!.need.slug, answering()) : []);
  return { candidates, fallback };
}

/**
 * The candidates ranked; when none is left, the digital help in reserve (its own exclusions are not
 * shown: it was not asked for; an offer it ranks is not also listed as left out). `freeSlotsOf`
 * reads the agendas of the shortlisted offers (the engine's query; tests pass their own).
 */
export async function rankOffers(
  { candidates, fallback }: { candidates: Candidate[]; fallback: () => Candidate[] },
  context: RankContext,
  freeSlotsOf: (offerIds: string[]) => Promise<FreeSlots>,
) {
  const { ranked, excluded } = await rankCandidates(candidates, context, freeSlotsOf);
  if (ranked.length > 0) return { ranked, excluded };
  const reserve = fallback();
  if (reserve.length === 0) return { ranked, excluded };
  const help = (await rankCandidates(reserve, context, freeSlotsOf)).ranked;
  const helping = new Set(help.map(({ offer }) => offer.id));
  return { ranked: help, excluded: excluded.filter(({ offer }) => !helping.has(offer.id)) };
}

/**
 * The candidates ranked, best first (at most MAX_RANKED), and those left out with their reason
 * (at most MAX_EXCLUDED, those answering the need best first). Two passes, so that a territory of
 * thousands of offers costs what a few dozen do: every candidate gets its provisional score (all
 * but time), then the SHORTLIST best are judged in full — openings, the deadline, free slots.
 */
async function rankCandidates(
  candidates: readonly Candidate[],
  context: RankContext,
  freeSlotsOf: (offerIds: string[]) => Promise<FreeSlots>,
): Promise<{ ranked: RankedOffer[]; excluded: ExcludedOffer[] }> {
  const { situation, now, timeZone } = context;
  const today = localTime(now, timeZone).date;
  const deadlineEnd = situation.echeance && situation.echeance >= today ? zonedInstant(addDays(situation.echeance, 1), 0, timeZone) : null;
  const urgent = situation.urgence === "urgent" || (deadlineEnd !== null && deadlineEnd.getTime() - now.getTime() <= URGENT_WITHIN_DAYS * DAY_MS);
  const derived: Derived = { today, staleBefore: staleBefore(context.staleAfterMonths, now), deadlineEnd, urgent, wanted: wantedPosture(situation) };
  const excluded: { exclusion: Exclusion; candidate: Candidate }[] = [];
  const provisional: Candidate[] = [];
  const scores = new Float64Array(candidates.length);
  for (const candidate of candidates) {
    const scored = judge(candidate, context, derived, null);
    if (typeof scored === "number") scores[provisional.push(candidate) - 1] = scored;
    else if ("excluded" in scored) excluded.push({ exclusion: scored.excluded, candidate });
  }
  // The SHORTLIST best: the threshold from the scores sorted natively, then only those at or above it ordered.
  const sorted = scores.slice(0, provisional.length).sort();
  const threshold = sorted.length > SHORTLIST ? sorted[sorted.length - SHORTLIST]! : Number.NEGATIVE_INFINITY;
  const above: { candidate: Candidate; score: number }[] = [];
  for (let index = 0; index < provisional.length; index++) if (scores[index]! >= threshold) above.push({ candidate: provisional[index]!, score: scores[index]! });
  const shortlist = above
    .sort((a, b) => b.score - a.score || a.candidate.offer.frenchRank - b.candidate.offer.frenchRank)
    .slice(0, SHORTLIST)
    .map(({ candidate }) => candidate);
  const slots = await freeSlotsOf(shortlist.map(({ offer }) => offer.id));
  const ranked: { ranked: RankedOffer; next: number; rank: number }[] = [];
  for (const candidate of shortlist) {
    const scored = judge(candidate, context, derived, slots);
    if (typeof scored === "number") continue;
    if ("excluded" in scored) excluded.push({ exclusion: scored.excluded, candidate });
    else if ("ranked" in scored) ranked.push(scored);
  }
  ranked.sort((a, b) => b.ranked.score - a.ranked.score || a.next - b.next || a.rank - b.rank);
  excluded.sort((a, b) => b.candidate.strength - a.candidate.strength || a.candidate.offer.frenchRank - b.candidate.offer.frenchRank);
  return {
    ranked: ranked.slice(0, MAX_RANKED).map(({ ranked: item }) => item),
    excluded: excluded.slice(0, MAX_EXCLUDED).map(({ exclusion, candidate }) => ({ offer: summaryOf(candidate.offer), exclusion })),
  };
}
