/**
 * Launching an update campaign: the campaign and one row per structure asked, in one transaction
 * and nothing else — no link, no email yet. Writing 3,000 links and emails in the coordinator's
 * request would hold it for seconds; the campaign worker (delivery.ts) writes them in batches,
 * started at once after the launch and again at every tick of the timers, so the app never waits.
 */
import type { PrismaClient } from "@/lib/db";
import { campaignEnd, launchProblems, structuresInScope, type LaunchProblem } from "./rules";
import type { LaunchCampaignInput } from "./schemas";

export type LaunchOutcome =
  | { ok: true; campaignId: string; asked: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; problems: LaunchProblem[] }
  | { ok: false; reason: "nobody" };

const DEFAULT_REMINDER_AFTER_DAYS = 7;
const DEFAULT_MAX_REMINDERS = 2;

/** The territory's structures that a campaign may ask (every one but the closed), with what "stale" reads. */
export function scopeCandidates(db: Pick<PrismaClient, "structure">, territoryId: string) {
  return db.structure.findMany({
    where: { territoryId, status: { not: "closed" } },
    select: { id: true, name: true, lastVerifiedAt: true, offers: { where: { status: "published" }, select: { lastVerifiedAt: true } } },
    orderBy: { name: "asc" },
  });
}

export async function launchCampaign(db: PrismaClient, input: LaunchCampaignInput, actorId: string, now = new Date()): Promise<LaunchOutcome> {
  const territory = await db.territory.findUnique({
    where: { id: input.territoryId },
    select: { id: true, timeZone: true, staleAfterMonths: true },
  });
  if (!territory) return { ok: false, reason: "not_found" };
  const problems = launchProblems(input, now, territory.timeZone);
  if (problems.length > 0) return { ok: false, reason: "invalid", problems };

  const candidates = await scopeCandidates(db, territory.id);
  const structureIds = structuresInScope(input.scope, candidates, { chosen: input.structureIds, staleAfterMonths: territory.staleAfterMonths, now });
  if (structureIds.length === 0) return { ok: false, reason: "nobody" };

  const campaignId = await db.$transaction(async (tx) => {
    const campaign = await tx.updateCampaign.create({
      data: {
        territoryId: territory.id,
        title: input.title,
        message: input.message,
        scope: input.scope,
        temporaryFrom: input.temporary && input.temporaryFrom ? new Date(`${input.temporaryFrom}T00:00:00Z`) : null,
        temporaryUntil: input.temporary && input.temporaryUntil ? new Date(`${input.temporaryUntil}T00:00:00Z`) : null,
        endsAt: campaignEnd(input.endsOn, territory.timeZone),
        reminderAfterDays: input.reminderAfterDays ?? DEFAULT_REMINDER_AFTER_DAYS,
        maxReminders: input.maxReminders ?? DEFAULT_MAX_REMINDERS,
        launchedById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.campaignTarget.createMany({ data: structureIds.map((structureId) => ({ campaignId: campaign.id, structureId })) });
    return campaign.id;
  });
  return { ok: true, campaignId, asked: structureIds.length };
}
