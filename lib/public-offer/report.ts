/**
 * A resident reports a mistake on an offer, without an account. The report reaches the
 * structure's admins and the territory's coordinators (or, when there are none, the structure's
 * own address) as plain-text emails, opens a case in their queue (or joins the offer's open case:
 * lib/error-reports) and stays in the structure's history. Rate-limited per
 * network address (lib/auth/client-address.ts), per reply email when one is given, and per offer,
 * so nobody can flood a structure's mailbox.
 */
import type { PrismaClient } from "@/lib/db";
import { hitRateLimit, type RateLimit } from "@/lib/auth/rate-limit";
import { enqueueEmail } from "@/lib/email/outbox";
import { fileErrorReport } from "@/lib/error-reports/queue";
import { isUuid } from "@/lib/ids";
import { SUBJECT_SUMMARIES, type ReportInput } from "./schemas";

const REPORTS_PER_IP: RateLimit = { limit: 5, windowMs: 60 * 60_000 };
/** The reply address a person leaves, counted as well: a new connection does not reset it. */
const REPORTS_PER_EMAIL: RateLimit = { limit: 5, windowMs: 60 * 60_000 };
const REPORTS_PER_OFFER: RateLimit = { limit: 20, windowMs: 24 * 60 * 60_000 };
export const REPORT_ACTION = "offer.error_reported";

export type ReportOutcome = { ok: true; recipients: string[] } | { ok: false; reason: "not_found" } | { ok: false; reason: "rate_limited"; minutes: number };

/** Who hears about a report: admins and coordinators, else the structure's address. */
async function reportRecipients(db: PrismaClient, structure: { id: string; territoryId: string; email: string | null }): Promise<string[]> {
  const [admins, coordinators] = await Promise.all([
    db.structureMembership.findMany({ where: { structureId: structure.id, role: "admin" }, select: { user: { select: { email: true } } } }),
    db.territoryCoordinator.findMany({ where: { territoryId: structure.territoryId }, select: { user: { select: { email: true } } } }),
  ]);
  const people = [...new Set([...admins, ...coordinators].map(({ user }) => user.email.toLowerCase()))].sort();
  if (people.length > 0) return people;
  return structure.email ? [structure.email] : [];
}

export async function reportOfferError(
  db: PrismaClient,
  input: ReportInput,
  { ip, origin, now = new Date() }: { ip: string; origin: string; now?: Date },
): Promise<ReportOutcome> {
  if (!isUuid(input.offerId)) return { ok: false, reason: "not_found" };
  const offer = await db.offer.findFirst({
    where: { id: input.offerId, status: "published", structure: { status: "published" } },
    select: {
      id: true,
      title: true,
      structure: { select: { id: true, name: true, email: true, territoryId: true, territory: { select: { slug: true } } } },
    },
  });
  if (!offer) return { ok: false, reason: "not_found" };

  const limits: [string, RateLimit][] = [
    [`offer-report:ip:${ip}`, REPORTS_PER_IP],
    ...(input.email ? [[`offer-report:email:${input.email.toLowerCase()}`, REPORTS_PER_EMAIL] as [string, RateLimit]] : []),
    [`offer-report:offer:${offer.id}`, REPORTS_PER_OFFER],
  ];
  for (const [key, limit] of limits) {
    const result = await hitRateLimit(db, key, limit, now);
    if (!result.allowed) return { ok: false, reason: "rate_limited", minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) };
  }

  const { structure } = offer;
  const recipients = await reportRecipients(db, structure);
  const subject = SUBJECT_SUMMARIES[input.subject];
  const url = `${origin}/t/${structure.territory.slug}/offres/${offer.id}`;
  const text = [
    "Bonjour,",
    "",
    `Une personne a signalé une erreur sur l'offre « ${offer.title} » (${structure.name}).`,
    "",
    `Ce qui ne va pas : ${subject}`,
    `Précisions : ${input.message || "(aucune)"}`,
    input.email ? `Pour lui répondre : ${input.email}` : "La personne n'a pas laissé d'adresse pour une réponse.",
    "",
    `La page publique : ${url}`,
    `Les signalements de la structure, à traiter : ${origin}/structures/${structure.id}/signalements`,
    "Vérifiez l'information et corrigez-la si besoin depuis votre espace Toile.",
    "",
    "— Toile",
  ].join("\n");

  await db.$transaction(async (tx) => {
    await fileErrorReport(tx, { territoryId: structure.territoryId, structureId: structure.id, offerId: offer.id, offerTitle: offer.title }, input, now);
    for (const to of recipients) {
      await enqueueEmail(tx, { to, subject: `Erreur signalée : ${offer.title}`, text });
    }
    await tx.changeRecord.create({
      data: {
        structureId: structure.id,
        offerId: offer.id,
        action: REPORT_ACTION,
        summary: `Erreur signalée par le public : ${subject} (« ${offer.title} »)`,
        // The reporter's address goes to the recipients only, not into the history.
        changes: { subject: input.subject, message: input.message },
      },
    });
  });
  return { ok: true, recipients };
}
