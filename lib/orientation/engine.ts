/**
 * The orientation assistant: a territory's offers ranked for a person's situation, with the
 * reasons of each place and the offers left out with theirs. One door for the mediators'
 * assistant, the call sheet's suggestions and the residents' questionnaire.
 *
 * It reads what the public search reads — the territory's row, then its in-memory index
 * (lib/public-search/territory-index.ts) — plus, for the offers it ranks, their agendas' first
 * free slots (lib/resident-booking/free-this-week.ts, a few batched queries). The ranking itself
 * is pure (rank.ts), with its weights in one place (weights.ts).
 */
import type { PrismaClient } from "@/lib/db";
import { addDays } from "@/lib/hours/holidays";
import { localTime, zonedInstant } from "@/lib/hours/rules";
import { resolveCommune, type Commune } from "@/lib/public-search/filters";
import { matchNeeds, type NeedMatch } from "@/lib/public-search/match";
import { findNeed, frequentNeeds } from "@/lib/public-search/needs";
import { findPublicTerritory } from "@/lib/public-search/queries";
import { territoryIndex } from "@/lib/public-search/territory-index";
import { tokens } from "@/lib/public-search/text";
import { firstFreeSlots, offersWithAgendas } from "@/lib/resident-booking/free-this-week";
import { closestNeeds } from "./closest-needs";
import { orientationCandidates, rankOffers } from "./rank";
import type { IgnoredAnswer, Situation } from "./situation";
import type { OrientationResult, SituationProblem } from "./types";
import { SLOT_HORIZON_DAYS } from "./weights";

const DAY_MS = 86_400_000;

function centreOf(communes: Commune[]): { latitude: number; longitude: number } | null {
  const located = communes.filter((commune) => commune.latitude !== null && commune.longitude !== null);
  if (located.length === 0) return null;
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return { latitude: average(located.map((c) => c.latitude!)), longitude: average(located.map((c) => c.longitude!)) };
}

export async function orient(
  db: PrismaClient,
  slug: string,
  { situation, ignored }: { situation: Situation; ignored: IgnoredAnswer[] },
  now: Date,
): Promise<OrientationResult | null> {
  const territory = await findPublicTerritory(db, slug);
  if (!territory) return null;
  const index = await territoryIndex(db, territory);
  const { country, timeZone } = territory;
  const problems: SituationProblem[] = [];
  const today = localTime(now, timeZone).date;

  // Answers that contradict the calendar or the territory: said, and left aside.
  let effective = situation;
  if (situation.echeance && situation.echeance < today) {
    problems.push({ code: "deadline_past", params: { deadline: situation.echeance } });
    effective = { ...effective, echeance: null };
  }
  const communes = situation.commune ? resolveCommune(situation.commune, index.communes) : [];
  if (situation.commune && communes.length === 0) problems.push({ code: "commune_unknown", params: { commune: situation.commune } });
  const origin = centreOf(communes);
  if (situation.distance !== null && situation.distance > 0 && !origin) {
    if (!situation.commune) problems.push({ code: "distance_without_commune", params: {} });
    effective = { ...effective, distance: null };
  }

  // The need: the one chosen, else what the words mean, else the words themselves.
  const chosen = situation.besoin ? findNeed(situation.besoin, country) : undefined;
  const needs: NeedMatch[] = chosen ? [{ need: chosen, score: 1 }] : situation.q ? matchNeeds(situation.q, country) : [];
  let suggestions: OrientationResult["suggestions"] = null;
  let words: string[] = [];
  if (!chosen && situation.q && needs.length === 0) {
    problems.push({ code: "need_unknown", params: { words: situation.q } });
    suggestions = { closest: closestNeeds(situation.q, country), frequent: frequentNeeds(country) };
    words = tokens(situation.q).filter((word) => word.length >= 2).slice(0, 5);
  }
  const base = { territory: { id: territory.id, slug: territory.slug, name: territory.name, timeZone, country }, situation, ignored, problems, needs, suggestions, communes };
  if (needs.length === 0 && words.length === 0) return { ...base, ranked: [], excluded: [] };

  // Which offers have agendas, read while the candidates are ranked; free slots are then asked
  // for those of the shortlist only.
  const agendas = offersWithAgendas(db, territory.id, now);
  // Let the query leave (the driver writes on a later turn of the event loop) before the CPU work.
  await new Promise((resolve) => setImmediate(resolve));
  const { candidates, fallback } = orientationCandidates(index.offers, { needs, words }, index.structureNames, (text) => matchNeeds(text, country));
  const until = effective.echeance ? zonedInstant(addDays(effective.echeance, 1), 0, timeZone) : new Date(now.getTime() + SLOT_HORIZON_DAYS * DAY_MS);
  const context = { situation: effective, origin, now, timeZone, staleAfterMonths: territory.staleAfterMonths };
  const freeSlotsOf = async (offerIds: string[]) => {
    const withAgenda = await agendas;
    const asked = offerIds.filter((id) => withAgenda.has(id));
    return asked.length > 0 ? firstFreeSlots(db, { offerIds: asked, from: now, until }) : { first: new Map<string, Date>(), withAgenda: new Set<string>() };
  };
  return { ...base, ...(await rankOffers({ candidates, fallback }, context, freeSlotsOf)) };
}
