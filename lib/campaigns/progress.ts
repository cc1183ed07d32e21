/**
 * What the coordinator sees of campaigns: the territory's list, and one campaign's progress —
 * the counts (asked, answered with or without changes, in progress, no answer), and each
 * structure's line: its state, where its link went, whether an email failed (the outbox's
 * record), its reminders. Answers and items are counted in SQL, a few queries for any size.
 */
import type { PrismaClient } from "@/lib/db";
import { campaignCounts, isOpen, targetState, type AnswerKind, type TargetState } from "./rules";

export async function listCampaigns(db: PrismaClient, territoryId: string, now: Date) {
  const campaigns = await db.updateCampaign.findMany({
    where: { territoryId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, createdAt: true, endsAt: true, closedAt: true, _count: { select: { targets: true } } },
  });
  return campaigns.map((campaign) => ({ ...campaign, open: isOpen(campaign, now), asked: campaign._count.targets }));
}

interface TargetRow {
  id: string;
  structureId: string;
  structureName: string;
  delivery: "queued" | "sent" | "no_recipient";
  recipients: string[];
  sentAt: Date | null;
  remindersSent: number;
  items: number;
  answers: AnswerKind[] | null;
  failed: { to: string; error: string | null }[] | null;
  pendingEmails: number;
}

export type TargetLine = Omit<TargetRow, "answers" | "items"> & { state: TargetState; answered: number; items: number; changedItems: number };

export async function campaignProgress(db: PrismaClient, territoryId: string, campaignId: string, now: Date) {
  const campaign = await db.updateCampaign.findFirst({
    where: { id: campaignId, territoryId },
    select: {
      id: true,
      title: true,
      message: true,
      scope: true,
      createdAt: true,
      endsAt: true,
      closedAt: true,
      temporaryFrom: true,
      temporaryUntil: true,
      reminderAfterDays: true,
      maxReminders: true,
      launchedBy: { select: { name: true, email: true } },
    },
  });
  if (!campaign) return null;
  const rows = await db.$queryRaw<TargetRow[]>`
    SELECT t.id, t."structureId", s.name AS "structureName", t.delivery::text AS delivery, t.recipients, t."sentAt", t."remindersSent",
      1 + (SELECT count(*) FROM "Place" p WHERE p."structureId" = t."structureId")::int
        + (SELECT count(*) FROM "Offer" o WHERE o."structureId" = t."structureId" AND o.status <> 'archived')::int AS items,
      (SELECT array_agg(a.answer::text) FROM "CampaignItemAnswer" a WHERE a."targetId" = t.id) AS answers,
      -- The outbox's reference of a structure's emails: emailReference (delivery.ts).
      (SELECT json_agg(json_build_object('to', e."to", 'error', e."lastError")) FROM "OutboxEmail" e
        WHERE e.reference = 'campaign-target:' || t.id::text AND e.status = 'failed') AS failed,
      (SELECT count(*) FROM "OutboxEmail" e WHERE e.reference = 'campaign-target:' || t.id::text AND e.status = 'pending')::int AS "pendingEmails"
    FROM "CampaignTarget" t JOIN "Structure" s ON s.id = t."structureId"
    WHERE t."campaignId" = ${campaignId}::uuid
    ORDER BY s.name`;
  const lines: TargetLine[] = rows.map(({ answers, items, ...row }) => {
    const given = answers ?? [];
    return { ...row, items, answered: given.length, changedItems: given.filter((answer) => answer !== "unchanged").length, state: targetState({ items, answers: given }) };
  });
  return {
    campaign: { ...campaign, open: isOpen(campaign, now) },
    counts: campaignCounts(lines.map((line) => line.state)),
    queued: lines.filter((line) => line.delivery === "queued").length,
    noRecipient: lines.filter((line) => line.delivery === "no_recipient").length,
    failedEmails: lines.reduce((total, line) => total + (line.failed?.length ?? 0), 0),
    lines,
  };
}
