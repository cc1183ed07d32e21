/**
 * The public's error reports as a queue (issue 21): a case per offer while it is being handled —
 * a second report on the same offer joins the open case (`reportCount`, one entry each) —, moved
 * by the structure's admins or the territory's coordinators from new to in progress, then fixed or
 * rejected (with a reason). Each move is a conditional update on the status the person saw, so two
 * people acting at once cannot both win. When a case is fixed, each reporter who left an address
 * is thanked once, with the offer's public page and nothing else: no name, no note, no other
 * reporter. Their addresses are erased 30 days after the case is closed (lib/maintenance/purges.ts).
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/email/outbox";
import { SUBJECT_SUMMARIES, type ReportInput } from "@/lib/public-offer/schemas";

type Tx = Prisma.TransactionClient;

export const REPORT_STATUSES = ["new", "in_progress", "fixed", "rejected"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
const OPEN: ReportStatus[] = ["new", "in_progress"];

/** Where a case may go from each status (reopening a closed case is a new report's job). */
const MOVES: Record<ReportStatus, ReportStatus[]> = {
  new: ["in_progress", "fixed", "rejected"],
  in_progress: ["fixed", "rejected", "new"],
  fixed: [],
  rejected: [],
};
const canMove = (from: ReportStatus, to: ReportStatus) => MOVES[from].includes(to);

/** A report, inside the transaction that sends its emails: the offer's open case grows, or a new one opens. */
export async function fileErrorReport(
  tx: Tx,
  offer: { territoryId: string; structureId: string; offerId: string; offerTitle: string },
  input: Pick<ReportInput, "subject" | "message" | "email">,
  now: Date,
) {
  // Two reports on one offer at once must not open two cases.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`error-report:${offer.offerId}`}))`;
  const open = await tx.errorReport.findFirst({ where: { offerId: offer.offerId, status: { in: OPEN } }, select: { id: true } });
  const entry = { subject: input.subject, message: input.message, replyEmail: input.email, createdAt: now };
  if (open) {
    await tx.errorReport.update({
      where: { id: open.id },
      data: { reportCount: { increment: 1 }, lastReportedAt: now, offerTitle: offer.offerTitle, entries: { create: entry } },
    });
    return open.id;
  }
  const created = await tx.errorReport.create({ data: { ...offer, lastReportedAt: now, createdAt: now, entries: { create: entry } }, select: { id: true } });
  return created.id;
}

export type MoveOutcome = { ok: true; status: ReportStatus } | { ok: false; reason: "not_found" | "already_moved" | "not_allowed" };

/**
 * Moves a case of `structureIds` (the structures the person may act for) from the status they saw
 * to another. Fixed: thanks each reporter who left an address, once.
 */
export async function moveErrorReport(
  db: PrismaClient,
  { reportId, from, to, note }: { reportId: string; from: ReportStatus; to: ReportStatus; note: string | null },
  { actorId, origin, now = new Date() }: { actorId: string; origin: string; now?: Date },
): Promise<MoveOutcome> {
  if (!canMove(from, to)) return { ok: false, reason: "not_allowed" };
  return db.$transaction(async (tx) => {
    const report = await tx.errorReport.findUnique({
      where: { id: reportId },
      select: { offerId: true, offerTitle: true, territory: { select: { slug: true } }, entries: { select: { replyEmail: true } } },
    });
    if (!report) return { ok: false, reason: "not_found" };
    const { count } = await tx.errorReport.updateMany({
      where: { id: reportId, status: from },
      data: { status: to, decidedById: actorId, decidedAt: now, note: to === "rejected" ? note : null },
    });
    if (count === 0) return { ok: false, reason: "already_moved" };
    if (to === "fixed") {
      const url = `${origin}/t/${report.territory.slug}/offres/${report.offerId}`;
      const addresses = [...new Set(report.entries.flatMap((entry) => (entry.replyEmail ? [entry.replyEmail.toLowerCase()] : [])))];
      for (const to of addresses) await enqueueEmail(tx, thanks(to, report.offerTitle, url));
    }
    return { ok: true, status: to };
  });
}

/** The reporter's thanks: what was corrected and where to see it. Nothing about who, nothing about others. */
function thanks(to: string, offerTitle: string, url: string) {
  return {
    to,
    subject: `Merci : l'information signalée a été corrigée`,
    text: [
      "Bonjour,",
      "",
      `Vous aviez signalé une erreur sur « ${offerTitle} ». Merci : l'information a été vérifiée et corrigée.`,
      "",
      `La page à jour : ${url}`,
      "",
      "Vous recevez ce courriel parce que vous aviez laissé votre adresse avec le signalement ; vous n'en recevrez pas d'autre.",
      "",
      "— Toile",
    ].join("\n"),
  };
}

/** The queue: cases of a territory or of one structure, a status or all, the newest reports first. */
export async function listErrorReports(db: Pick<PrismaClient, "errorReport">, scope: { territoryId: string } | { structureId: string }, status: ReportStatus | "open" | "all") {
  return db.errorReport.findMany({
    where: { ...scope, ...(status === "all" ? {} : status === "open" ? { status: { in: OPEN } } : { status }) },
    orderBy: [{ lastReportedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      offerId: true,
      offerTitle: true,
      status: true,
      reportCount: true,
      lastReportedAt: true,
      createdAt: true,
      decidedAt: true,
      note: true,
      decidedBy: { select: { name: true, email: true } },
      structure: { select: { id: true, name: true } },
      territory: { select: { slug: true } },
      entries: { orderBy: { createdAt: "desc" }, select: { id: true, subject: true, message: true, replyEmail: true, createdAt: true } },
    },
  });
}

export const subjectWords = (subject: string) => SUBJECT_SUMMARIES[subject as keyof typeof SUBJECT_SUMMARIES] ?? subject;

/** Open cases per structure, for the structure's page. */
export const openReportCount = (db: Pick<PrismaClient, "errorReport">, structureId: string) => db.errorReport.count({ where: { structureId, status: { in: OPEN } } });
