/**
 * The rules of update campaigns as pure functions (issue 21): when a launch is acceptable, which
 * structures a scope takes, when a reminder is due, how a structure's answers read, and the
 * campaign's counts.
 */
import { addDays } from "@/lib/hours/holidays";
import { localTime, zonedInstant } from "@/lib/hours/rules";
import { isStale } from "@/lib/offers/rules";

const DAY_MS = 24 * 60 * 60_000;
/** A campaign lasts a year at most; a temporary period too. */
const MAX_DAYS = 366;

/** The instant a campaign ending on `endsOn` (a local day, included) ends: the next midnight there. */
export const campaignEnd = (endsOn: string, timeZone: string) => zonedInstant(addDays(endsOn, 1), 0, timeZone);

export type LaunchProblem = { field: "endsOn" | "temporaryUntil"; code: "campaign.ends_in_past" | "campaign.too_long" };

/** What the schema cannot know: today, in the territory's time zone. */
export function launchProblems(
  { endsOn, temporaryFrom, temporaryUntil }: { endsOn: string; temporaryFrom: string | null; temporaryUntil: string | null },
  now: Date,
  timeZone: string,
): LaunchProblem[] {
  const today = localTime(now, timeZone).date;
  const problems: LaunchProblem[] = [];
  if (endsOn < today) problems.push({ field: "endsOn", code: "campaign.ends_in_past" });
  else if (endsOn > addDays(today, MAX_DAYS)) problems.push({ field: "endsOn", code: "campaign.too_long" });
  if (temporaryFrom && temporaryUntil && temporaryUntil > addDays(temporaryFrom, MAX_DAYS)) problems.push({ field: "temporaryUntil", code: "campaign.too_long" });
  return problems;
}

export interface ScopeCandidate {
  id: string;
  lastVerifiedAt: Date | null;
  offers: { lastVerifiedAt: Date | null }[];
}

/**
 * The structures a scope takes among the territory's open ones: all of them, those with a stale
 * card or a stale offer, or the chosen ones (ids of other territories are ignored).
 */
export function structuresInScope(
  scope: "all" | "stale" | "chosen",
  candidates: ScopeCandidate[],
  { chosen = [], staleAfterMonths, now }: { chosen?: string[]; staleAfterMonths: number; now: Date },
): string[] {
  if (scope === "all") return candidates.map((candidate) => candidate.id);
  if (scope === "chosen") {
    const wanted = new Set(chosen);
    return candidates.filter((candidate) => wanted.has(candidate.id)).map((candidate) => candidate.id);
  }
  return candidates
    .filter((candidate) => isStale(candidate.lastVerifiedAt, staleAfterMonths, now) || candidate.offers.some((offer) => isStale(offer.lastVerifiedAt, staleAfterMonths, now)))
    .map((candidate) => candidate.id);
}

/** Whether a structure that has not finished answering gets a reminder now. */
export function reminderDue(
  target: { sentAt: Date | null; lastRemindedAt: Date | null; remindersSent: number; completedAt: Date | null },
  campaign: { reminderAfterDays: number; maxReminders: number; endsAt: Date; closedAt: Date | null },
  now: Date,
): boolean {
  if (!target.sentAt || target.completedAt || campaign.closedAt || campaign.endsAt <= now) return false;
  if (target.remindersSent >= campaign.maxReminders) return false;
  const since = target.lastRemindedAt ?? target.sentAt;
  return now.getTime() - since.getTime() >= campaign.reminderAfterDays * DAY_MS;
}

export type AnswerKind = "unchanged" | "changed" | "removed" | "temporary";

/** Where a structure stands: not answered, started, or done — and whether anything changed. */
export type TargetState = "no_answer" | "in_progress" | "answered_unchanged" | "answered_changed";

export function targetState({ items, answers }: { items: number; answers: AnswerKind[] }): TargetState {
  if (answers.length === 0) return "no_answer";
  if (answers.length < items) return "in_progress";
  return answers.every((answer) => answer === "unchanged") ? "answered_unchanged" : "answered_changed";
}

export interface CampaignCounts {
  asked: number;
  answered: number;
  changed: number;
  unchanged: number;
  inProgress: number;
  noAnswer: number;
}

export function campaignCounts(states: TargetState[]): CampaignCounts {
  const count = (state: TargetState) => states.filter((each) => each === state).length;
  const changed = count("answered_changed");
  const unchanged = count("answered_unchanged");
  return { asked: states.length, answered: changed + unchanged, changed, unchanged, inProgress: count("in_progress"), noAnswer: count("no_answer") };
}

/** A campaign is open until its end or until the coordinator closes it. */
export const isOpen = (campaign: { endsAt: Date; closedAt: Date | null }, now: Date) => !campaign.closedAt && campaign.endsAt > now;
