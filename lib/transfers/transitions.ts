/**
 * Persisting a transfer's transitions. In one transaction: authorize the actor (`authorizeTransfer`,
 * the one check of every command path), find their party with the policy and check the move with
 * the state machine (and a decline's suggested partner), update it ON CONDITION that its
 * status is still one the command may start from (two receivers accepting and declining at the
 * same moment: PostgreSQL makes the second wait for the first, then finds the status changed and
 * updates nothing — that one is told "déjà traité par …"), append the event, and write the
 * emails to the outbox. Emails carry the reference code and a link, never the person's data.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { can, type TransferRef } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import type { DeclineReason, Prisma, TransferOutcome, TransferStatus } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/site-url";
import { authorizeTransfer, transferRefOf } from "./authorize";
import { COMMAND_LABELS, DECLINE_REASON_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "./labels";
import { suggestablePartners } from "./partners";
import { startingStatuses, transition, type TransferCommand, type TransferParty } from "./state-machine";

export type TransitionInput =
  | { command: "send" }
  | { command: "acknowledge" }
  | { command: "accept" }
  | { command: "decline"; reason: DeclineReason; message: string | null; suggestedStructureId: string | null }
  | { command: "cancel"; reason: string }
  | { command: "complete"; outcome: TransferOutcome; note: string | null }
  | { command: "expire" };

export type TransitionResult =
  | { ok: true; status: TransferStatus }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_your_role" }
  /** A decline's suggested partner is not one of the territory's published structures (a forged id). */
  | { ok: false; reason: "partner_not_listed" }
  /** The transfer is no longer in a status the command may start from: someone acted first. */
  | { ok: false; reason: "already_handled"; status: TransferStatus; by: string | null; at: Date | null };

type Tx = Prisma.TransactionClient;

/** The parties an actor may act as on a transfer (null: the scheduled worker). */
export function partiesOf(actor: SignedInActor | null, ref: TransferRef): TransferParty[] {
  if (!actor) return ["system"];
  const parties: TransferParty[] = [];
  if (can(actor, "transfer.actAsSender", ref)) parties.push("sender");
  if (can(actor, "transfer.actAsReceiver", ref)) parties.push("receiver");
  return parties;
}

/** "Marie Dupont (France Services)": who made a transfer's latest status change. */
async function lastStatusChange(db: Pick<Tx, "transferEvent">, transferId: string, status: TransferStatus) {
  const event = await db.transferEvent.findFirst({
    where: { transferId, toStatus: status },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actor: { select: { name: true, email: true } }, details: true },
  });
  if (!event) return { by: null, at: null };
  const structureName = (event.details as { actorStructure?: string } | null)?.actorStructure;
  const person = event.actor ? (event.actor.name ?? event.actor.email) : "Toile (automatique)";
  return { by: structureName ? `${person} (${structureName})` : person, at: event.createdAt };
}

/** The emails of a structure's members: everyone there receives its incoming transfers. */
export async function structureMemberEmails(db: Pick<Tx, "structureMembership">, structureId: string): Promise<string[]> {
  const members = await db.structureMembership.findMany({ where: { structureId }, select: { user: { select: { email: true } } } });
  return [...new Set(members.map(({ user }) => user.email.toLowerCase()))].sort();
}

/** Who hears about the sender's side: the person who created the transfer, else the sending structure's members. */
async function senderEmails(db: Pick<Tx, "structureMembership" | "user">, transfer: { createdById: string | null; fromStructureId: string }) {
  if (transfer.createdById) {
    const creator = await db.user.findUnique({ where: { id: transfer.createdById }, select: { email: true } });
    if (creator) return [creator.email.toLowerCase()];
  }
  return structureMemberEmails(db, transfer.fromStructureId);
}

export const transferUrl = (transferId: string) => `${siteUrl()}/transferts/${transferId}`;

function dataFor(input: TransitionInput, current: { acknowledgedAt: Date | null }, now: Date): Prisma.TransferUncheckedUpdateManyInput {
  switch (input.command) {
    case "send":
      return { sentAt: now };
    case "acknowledge":
      return { acknowledgedAt: now };
    case "accept":
      return { acceptedAt: now, acknowledgedAt: current.acknowledgedAt ?? now };
    case "decline":
      return { declineReason: input.reason, declineMessage: input.message, suggestedStructureId: input.suggestedStructureId, closedAt: now };
    case "cancel":
      return { cancelReason: input.reason, closedAt: now };
    case "complete":
      return { outcome: input.outcome, outcomeNote: input.note, outcomeRecordedAt: now, closedAt: now };
    case "expire":
      return { closedAt: now };
  }
}

/** Non-personal details of the event, for the timeline and the indicators. */
function eventDetails(input: TransitionInput, actorStructure: string | null): Prisma.InputJsonObject {
  const details: Record<string, string | null> = {};
  if (actorStructure) details.actorStructure = actorStructure;
  if (input.command === "decline") {
    details.reason = input.reason;
    details.message = input.message;
    details.suggestedStructureId = input.suggestedStructureId;
  }
  if (input.command === "cancel") details.reason = input.reason;
  if (input.command === "complete") {
    details.outcome = input.outcome;
    details.note = input.note;
  }
  return details;
}

/**
 * Applies a command. `tx` must be a transaction (or a client used inside one): the conditional
 * update and the event and emails are written together or not at all.
 */
export async function applyTransitionIn(
  tx: Tx,
  { transferId, actor, input, now = new Date() }: { transferId: string; actor: SignedInActor | null; input: TransitionInput; now?: Date },
): Promise<TransitionResult> {
  // A person must see the transfer to act on it (a draft is its sender's own); the worker may.
  if (actor && !(await authorizeTransfer(tx, actor, transferId, "transfer.view"))) return { ok: false, reason: "not_found" };
  const transfer = await tx.transfer.findUnique({
    where: { id: transferId },
    select: {
      id: true,
      code: true,
      level: true,
      status: true,
      territoryId: true,
      fromStructureId: true,
      toStructureId: true,
      createdById: true,
      acknowledgedAt: true,
      needDescription: true,
      fromStructure: { select: { name: true } },
      toStructure: { select: { name: true } },
    },
  });
  if (!transfer) return { ok: false, reason: "not_found" };

  const command: TransferCommand = input.command;
  const parties = partiesOf(actor, transferRefOf(transfer));
  const checks = parties.map((party) => ({ party, check: transition(transfer.status, command, party) }));
  const allowed = checks.find(({ check }) => check.ok);
  if (!allowed || !allowed.check.ok) {
    if (checks.some(({ check }) => !check.ok && check.reason === "not_allowed_from_status")) {
      return { ok: false, reason: "already_handled", status: transfer.status, ...(await lastStatusChange(tx, transfer.id, transfer.status)) };
    }
    return { ok: false, reason: "not_your_role" };
  }
  const toStatus = allowed.check.to;
  if (input.command === "decline" && input.suggestedStructureId) {
    const partners = await suggestablePartners(tx, transfer);
    if (!partners.some((partner) => partner.id === input.suggestedStructureId)) return { ok: false, reason: "partner_not_listed" };
  }

  const { count } = await tx.transfer.updateMany({
    where: { id: transfer.id, status: { in: [...startingStatuses(command)] } },
    data: { status: toStatus, ...dataFor(input, transfer, now) },
  });
  if (count === 0) {
    // Someone else's transition committed between our read and our update.
    const fresh = await tx.transfer.findUniqueOrThrow({ where: { id: transfer.id }, select: { status: true } });
    return { ok: false, reason: "already_handled", status: fresh.status, ...(await lastStatusChange(tx, transfer.id, fresh.status)) };
  }

  const actorStructure =
    allowed.party === "sender" ? transfer.fromStructure.name : allowed.party === "receiver" ? transfer.toStructure.name : null;
  await tx.transferEvent.create({
    data: {
      transferId: transfer.id,
      actorId: actor?.userId ?? null,
      type: toStatus,
      fromStatus: transfer.status,
      toStatus,
      details: eventDetails(input, actorStructure),
      createdAt: now,
    },
  });

  // Emails: the receiving structure when a transfer arrives (not for a simple transfer: the
  // partner is not asked to do anything); the sender on every other change. Never to the actor.
  const link = transferUrl(transfer.id);
  const except = (emails: string[]) => emails.filter((email) => email !== actor?.email.toLowerCase());
  if (command === "send") {
    if (transfer.level !== "simple") {
      for (const to of except(await structureMemberEmails(tx, transfer.toStructureId))) {
        await enqueueEmail(tx, {
          to,
          subject: `Nouveau transfert ${transfer.code} de ${transfer.fromStructure.name}`,
          text:
            `Bonjour,\n\n${transfer.fromStructure.name} vous adresse une personne (transfert ${transfer.code}) :\n` +
            `« ${transfer.needDescription} ».\n\n` +
            `Ouvrez le transfert pour confirmer sa réception (« Bien reçu ») puis l'accepter ou le refuser :\n${link}\n\n` +
            `— Toile`,
        });
      }
    }
  } else {
    const details = [
      input.command === "decline" ? `Motif : ${DECLINE_REASON_LABELS[input.reason]}.` : null,
      input.command === "complete" ? `Résultat : ${OUTCOME_LABELS[input.outcome]}.` : null,
    ].filter(Boolean);
    for (const to of except(await senderEmails(tx, transfer))) {
      await enqueueEmail(tx, {
        to,
        subject: `Transfert ${transfer.code} : ${STATUS_LABELS[toStatus].toLowerCase()}`,
        text:
          `Bonjour,\n\n${COMMAND_LABELS[command].done}${actorStructure ? ` par ${actorStructure}` : ""} ` +
          `(transfert ${transfer.code} vers ${transfer.toStructure.name}).\n` +
          (details.length ? `${details.join("\n")}\n` : "") +
          `\nSuivre le transfert : ${link}\n\n— Toile`,
      });
    }
  }
  return { ok: true, status: toStatus };
}

/** `applyTransitionIn` in its own transaction. */
export function applyTransition(db: PrismaClient, args: Parameters<typeof applyTransitionIn>[1]): Promise<TransitionResult> {
  return db.$transaction((tx) => applyTransitionIn(tx, args));
}
