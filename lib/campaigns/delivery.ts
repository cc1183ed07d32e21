/**
 * The campaign worker's writing: for each structure asked, a signed link and an email to its
 * admins (else to its own address), in batches claimed with FOR UPDATE SKIP LOCKED so several app
 * instances share the work and each structure is written once; then, later, the reminders. The
 * emails go through the outbox (lib/email/outbox.ts), which sends them at its own pace: a
 * campaign over 3,000 structures is queued in a few seconds and never holds a request.
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";
import { createSignedLink } from "@/lib/signed-links/links";
import { siteUrl } from "@/lib/site-url";
import { reminderDue } from "./rules";

type Tx = Prisma.TransactionClient;

export const CAMPAIGN_LINK_PURPOSE = "campaign.review" as const;
const emailReference = (targetId: string) => `campaign-target:${targetId}`;
const reviewUrl = (origin: string, token: string) => `${origin}/mise-a-jour/${token}`;

const BATCH_SIZE = 200;

const targetDetails = {
  id: true,
  sentAt: true,
  lastRemindedAt: true,
  remindersSent: true,
  completedAt: true,
  structure: {
    select: {
      name: true,
      email: true,
      memberships: { where: { role: "admin" }, select: { user: { select: { email: true } } } },
    },
  },
  campaign: {
    select: {
      id: true,
      title: true,
      message: true,
      endsAt: true,
      closedAt: true,
      reminderAfterDays: true,
      maxReminders: true,
      temporaryFrom: true,
      temporaryUntil: true,
      territory: { select: { name: true, timeZone: true, coordinators: { select: { user: { select: { email: true } } } } } },
    },
  },
} satisfies Prisma.CampaignTargetSelect;
type TargetDetails = Prisma.CampaignTargetGetPayload<{ select: typeof targetDetails }>;

/** Who receives a structure's link: its admins, else the structure's own address, else nobody. */
function recipientsOf(structure: TargetDetails["structure"]): string[] {
  const admins = [...new Set(structure.memberships.map(({ user }) => user.email.toLowerCase()))].sort();
  if (admins.length > 0) return admins;
  return structure.email ? [structure.email] : [];
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The campaign's email: what is asked, the link, until when, and who to ask. */
function campaignEmail(target: TargetDetails, url: string, kind: "invitation" | "reminder") {
  const { campaign, structure } = target;
  const { timeZone } = campaign.territory;
  // endsAt is the midnight after the last day: the last day is the one before it, there.
  const lastDay = localTime(new Date(campaign.endsAt.getTime() - 1), timeZone).date;
  const coordinators = campaign.territory.coordinators.map(({ user }) => user.email).sort();
  const period =
    campaign.temporaryFrom && campaign.temporaryUntil
      ? `Elle porte sur la période du ${formatDay(dayOf(campaign.temporaryFrom))} au ${formatDay(dayOf(campaign.temporaryUntil))} : dites-nous vos horaires pendant ces dates (habituels, réduits ou fermé).`
      : null;
  const text = [
    "Bonjour,",
    "",
    kind === "reminder"
      ? `Nous n'avons pas encore toutes vos réponses pour « ${campaign.title} ». Voici à nouveau le lien vers les informations de ${structure.name}.`
      : `Le réseau ${campaign.territory.name} met à jour la matrice de la médiation numérique : « ${campaign.title} ».`,
    ...(campaign.message ? ["", campaign.message] : []),
    ...(period ? ["", period] : []),
    "",
    `Vérifiez les informations de ${structure.name} (offres, lieux, horaires) : pour chacune, « rien n'a changé » en un clic, ou corrigez-la. Pas besoin de compte :`,
    url,
    "",
    `Ce lien est personnel à votre structure et vaut jusqu'au ${formatDay(lastDay)} inclus. Ne le transférez qu'à une personne de votre structure.`,
    ...(coordinators.length ? [`Une question ? Écrivez à la coordination : ${coordinators.join(", ")}.`] : []),
    "",
    "Sans réponse de votre part, vos offres seront signalées au public comme « informations non vérifiées ».",
    "",
    "— Toile",
  ].join("\n");
  const subject = kind === "reminder" ? `Rappel : mise à jour de vos informations (${campaign.title})` : `Mise à jour de vos informations : ${campaign.title}`;
  return { subject, text };
}

/** A new link for a structure, and the email carrying it to each recipient. */
async function writeLinkAndEmails(tx: Tx, target: TargetDetails, recipients: string[], kind: "invitation" | "reminder", origin: string, now: Date) {
  const { token } = await createSignedLink(tx, { purpose: CAMPAIGN_LINK_PURPOSE, campaignTargetId: target.id, expiresAt: target.campaign.endsAt });
  const { subject, text } = campaignEmail(target, reviewUrl(origin, token), kind);
  // Due from the worker's clock (the same as the campaign's), not the client library's own.
  await tx.outboxEmail.createMany({ data: recipients.map((to) => ({ to, subject, text, reference: emailReference(target.id), createdAt: now, nextAttemptAt: now })) });
}

/**
 * Writes the links and emails of queued structures, a batch per transaction, until none is left
 * (or `maxBatches`). Returns how many structures it handled.
 */
export async function sendQueuedInvitations(
  db: PrismaClient,
  now: Date,
  { origin = siteUrl(), batchSize = BATCH_SIZE, maxBatches = Number.POSITIVE_INFINITY, campaignId }: { origin?: string; batchSize?: number; maxBatches?: number; campaignId?: string } = {},
): Promise<number> {
  let handled = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const count = await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT t.id FROM "CampaignTarget" t JOIN "UpdateCampaign" c ON c.id = t."campaignId"
        WHERE t.delivery = 'queued' AND c."closedAt" IS NULL AND c."endsAt" > ${now}
          AND (${campaignId ?? null}::uuid IS NULL OR t."campaignId" = ${campaignId ?? null}::uuid)
        ORDER BY t.id LIMIT ${batchSize}
        FOR UPDATE OF t SKIP LOCKED`;
      if (claimed.length === 0) return 0;
      const targets = await tx.campaignTarget.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, select: targetDetails });
      for (const target of targets) {
        const recipients = recipientsOf(target.structure);
        if (recipients.length > 0) await writeLinkAndEmails(tx, target, recipients, "invitation", origin, now);
        await tx.campaignTarget.update({
          where: { id: target.id },
          data: { delivery: recipients.length > 0 ? "sent" : "no_recipient", recipients, sentAt: now },
        });
      }
      return targets.length;
    });
    handled += count;
    if (count < batchSize) break;
  }
  return handled;
}

/**
 * Reminders to the structures that have not finished answering: when the campaign's delay has
 * passed since the last email (`force`: now, when the coordinator asks). Each is a conditional
 * update on the count of reminders already sent, so two instances never remind twice.
 */
export async function sendReminders(
  db: PrismaClient,
  now: Date,
  { origin = siteUrl(), campaignId, force = false }: { origin?: string; campaignId?: string; force?: boolean } = {},
): Promise<number> {
  const candidates = await db.campaignTarget.findMany({
    where: {
      delivery: "sent",
      completedAt: null,
      campaign: { closedAt: null, endsAt: { gt: now }, ...(campaignId ? { id: campaignId } : {}) },
    },
    select: targetDetails,
  });
  let sent = 0;
  for (const target of candidates) {
    if (!force && !reminderDue(target, target.campaign, now)) continue;
    const recipients = recipientsOf(target.structure);
    if (recipients.length === 0) continue;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.campaignTarget.updateMany({
        where: { id: target.id, remindersSent: target.remindersSent, completedAt: null },
        data: { remindersSent: { increment: 1 }, lastRemindedAt: now, recipients },
      });
      if (count === 0) return false;
      await writeLinkAndEmails(tx, target, recipients, "reminder", origin, now);
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

/**
 * A new link for one structure, shown once to the coordinator (a structure without any address,
 * or one whose email was lost): the earlier links stay valid unless revoked.
 */
export async function issueLinkForCoordinator(db: PrismaClient, targetId: string, now: Date, origin = siteUrl()): Promise<string | null> {
  const target = await db.campaignTarget.findUnique({ where: { id: targetId }, select: { campaign: { select: { endsAt: true, closedAt: true } } } });
  if (!target || target.campaign.closedAt || target.campaign.endsAt <= now) return null;
  const { token } = await createSignedLink(db, { purpose: CAMPAIGN_LINK_PURPOSE, campaignTargetId: targetId, expiresAt: target.campaign.endsAt });
  return reviewUrl(origin, token);
}
