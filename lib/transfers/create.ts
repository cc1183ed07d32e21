/**
 * Creating a transfer, all or nothing. The sending structure is one of the actor's (policy
 * `transfer.create`); the offer is published, by a published structure of the same territory;
 * the receiving structure is the offer's. Consented details are encrypted at rest; only the
 * consent's scope, time and author are stored in clear. With intent "send", the transfer is sent
 * in the same transaction (applyTransitionIn writes the partner's emails).
 *
 * Idempotency: the form carries a key generated when it was shown (unique in the database). A
 * second submit with the same key — a double click, a resubmitted page — returns the transfer
 * the first one created, even when both run at once: the second insert waits on the unique index,
 * fails, and reads the first one's transfer.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { AppError, type Coded } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { localTime, zonedInstant } from "@/lib/hours/rules";
import { lineForTransfer, linkTransferToLine } from "@/lib/permanences/sheets";
import { callForTransfer, linkTransferToCall } from "@/lib/phone-line/calls";
import { newTransferCode } from "./code";
import { findTargetOffer, nextOpening, type TargetOffer } from "./create-offer";
import { encryptPersonalDetails } from "./personal-data";
import type { TransferInput } from "./schemas";
import { applyTransitionIn, partiesOf } from "./transitions";
import { levelAllowed, transferWarnings, warningsToConfirm, type TransferWarning } from "./warnings";

export type CreateTransferResult =
  | { ok: true; transferId: string; code: string; existing: boolean }
  | { ok: false; reason: "not_found" }
  /** A field the schema could not check: its code's words go on that field (lib/errors/messages.ts). */
  | { ok: false; reason: "invalid"; field: string; error: Coded };

type Tx = Prisma.TransactionClient;
const invalid = (field: string, error: Coded) => ({ ok: false as const, reason: "invalid" as const, field, error });

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The warnings for this input, as the page shows them and the server enforces them. */
export function warningsFor(offer: TargetOffer, input: Pick<TransferInput, "personPublicTermIds" | "ageBand">, now: Date): TransferWarning[] {
  return transferWarnings(
    { ...offer, nextOpeningAt: nextOpening(offer, now) },
    { publicTermIds: input.personPublicTermIds, ageBand: input.ageBand },
    { now, staleAfterMonths: offer.territory.staleAfterMonths, timeZone: offer.territory.timeZone },
  );
}

async function existingFor(db: Pick<PrismaClient, "transfer">, actor: SignedInActor, idempotencyKey: string): Promise<CreateTransferResult | null> {
  const existing = await db.transfer.findUnique({ where: { idempotencyKey }, select: { id: true, code: true, createdById: true } });
  if (!existing) return null;
  // Someone else's key (it cannot happen by chance): nothing to say about their transfer.
  if (existing.createdById !== actor.userId) return { ok: false, reason: "not_found" };
  return { ok: true, transferId: existing.id, code: existing.code, existing: true };
}

/** Checks what the schema cannot know; returns the refusal, or what to write. */
async function prepare(db: PrismaClient, actor: SignedInActor, input: TransferInput, now: Date) {
  const fromStructure = await db.structure.findUnique({ where: { id: input.fromStructureId }, select: { id: true, name: true, territoryId: true } });
  if (!fromStructure || !can(actor, "transfer.create", { structureId: fromStructure.id, territoryId: fromStructure.territoryId })) {
    return { refusal: { ok: false, reason: "not_found" } as const };
  }
  const offer = await findTargetOffer(db, input.offerId);
  if (!offer || offer.territory.id !== fromStructure.territoryId) return { refusal: { ok: false, reason: "not_found" } as const };

  if (!levelAllowed(offer, input.level)) {
    return {
      refusal: invalid("level", { code: "transfer.level_not_accepted" }),
    };
  }
  const toConfirm = warningsToConfirm(warningsFor(offer, input, now));
  if (input.intent === "send" && toConfirm.length > 0 && !input.confirmWarnings) {
    return {
      refusal: invalid("confirmWarnings", { code: "transfer.warnings_not_confirmed", params: { warnings: toConfirm.map((warning) => warning.message) } }),
    };
  }

  const { timeZone } = offer.territory;
  const today = localTime(now, timeZone).date;
  if (input.deadline && input.deadline < today) return { refusal: invalid("deadline", { code: "transfer.deadline_past" }) };

  let appointmentAt: Date | null = null;
  if (input.appointmentDate && input.appointmentTime) {
    const [hour, minute] = input.appointmentTime.split(":").map(Number) as [number, number];
    appointmentAt = zonedInstant(input.appointmentDate, hour * 60 + minute, timeZone);
    if (appointmentAt < now) return { refusal: invalid("appointmentDate", { code: "transfer.appointment_past" }) };
  }
  if (input.appointmentPlaceId && !offer.places.some((place) => place.id === input.appointmentPlaceId)) {
    return { refusal: invalid("appointmentPlaceId", { code: "transfer.appointment_place_unknown" }) };
  }
  if (input.needTermId && !offer.needTerms.some((term) => term.id === input.needTermId)) {
    const term = await db.vocabularyTerm.findUnique({ where: { id: input.needTermId }, select: { vocabulary: { select: { role: true } } } });
    if (term?.vocabulary.role !== "need") return { refusal: invalid("needTermId", { code: "transfer.need_unknown" }) };
  }

  let parcours: { parcoursId: string; previousTransferId: string } | null = null;
  if (input.previousTransferId) {
    const previous = await db.transfer.findUnique({
      where: { id: input.previousTransferId },
      select: { id: true, parcoursId: true, territoryId: true, fromStructureId: true, toStructureId: true, status: true },
    });
    if (!previous || partiesOf(actor, previous).length === 0) {
      return { refusal: invalid("previousTransferId", { code: "transfer.previous_not_found" }) };
    }
    parcours = { parcoursId: previous.parcoursId, previousTransferId: previous.id };
  }
  // Started from a permanence sheet's line: the actor keeps that sheet, and no transfer was started from the line yet.
  if (input.sheetLineId && !(await lineForTransfer(db, actor, input.sheetLineId))) return { refusal: { ok: false, reason: "not_found" } as const };
  // Made from a call sheet: the actor is a member of the line's structure, and no transfer was made from the call yet.
  if (input.phoneCallId && !(await callForTransfer(db, actor, input.phoneCallId))) return { refusal: { ok: false, reason: "not_found" } as const };
  return { fromStructure, offer, appointmentAt, parcours };
}

export async function createTransfer(db: PrismaClient, actor: SignedInActor, input: TransferInput, now: Date = new Date()): Promise<CreateTransferResult> {
  const already = await existingFor(db, actor, input.idempotencyKey);
  if (already) return already;

  const prepared = await prepare(db, actor, input, now);
  if ("refusal" in prepared) return prepared.refusal!;
  const { fromStructure, offer, appointmentAt, parcours } = prepared;

  const scopes = new Set(input.consentScope);
  const consented = scopes.size > 0;
  const details = {
    phone: scopes.has("contact") ? input.phone : null,
    email: scopes.has("contact") ? input.email : null,
    language: scopes.has("language") ? input.language : null,
    accessibilityNeeds: scopes.has("accessibility") ? input.accessibilityNeeds : null,
  };
  const hasDetails = Object.values(details).some(Boolean);

  for (let attempt = 0; attempt < 5; attempt++) {
    const id = crypto.randomUUID();
    const code = newTransferCode();
    try {
      await db.$transaction(async (tx: Tx) => {
        await tx.transfer.create({
          data: {
            id,
            code,
            territoryId: offer.territory.id,
            parcoursId: parcours?.parcoursId ?? id,
            previousTransferId: parcours?.previousTransferId ?? null,
            fromStructureId: fromStructure.id,
            toStructureId: offer.structure.id,
            offerId: offer.id,
            createdById: actor.userId,
            idempotencyKey: input.idempotencyKey,
            level: input.level,
            status: "draft",
            needTermId: input.needTermId,
            needDescription: input.needDescription,
            difficulty: input.difficulty,
            urgency: input.urgency,
            deadline: input.deadline ? new Date(`${input.deadline}T00:00:00Z`) : null,
            digitalEase: input.digitalEase,
            equipment: input.equipment,
            supportGoal: input.supportGoal,
            documents: input.documents,
            personLabel: input.personLabel,
            personalDetailsEncrypted: hasDetails ? encryptPersonalDetails(details) : null,
            consentGivenAt: consented ? now : null,
            consentRecordedById: consented ? actor.userId : null,
            consentScope: [...scopes],
            noteForPartner: input.noteForPartner,
            appointmentAt,
            appointmentPlaceId: input.appointmentPlaceId,
            askFor: input.askFor,
            createdAt: now,
          },
        });
        await tx.transferEvent.create({
          data: {
            transferId: id,
            actorId: actor.userId,
            type: "created",
            fromStatus: null,
            toStatus: "draft",
            details: { actorStructure: fromStructure.name, level: input.level, ...(parcours ? { previousTransferId: parcours.previousTransferId } : {}) },
            createdAt: now,
          },
        });
        if (input.sheetLineId) await linkTransferToLine(tx, input.sheetLineId, id);
        if (input.phoneCallId && !(await linkTransferToCall(tx, input.phoneCallId, { id, offerId: offer.id }))) {
          // Another transfer was made from the call meanwhile: this one is not created.
          throw new AppError({ code: "not_found" });
        }
        if (input.intent === "send") {
          const sent = await applyTransitionIn(tx, { transferId: id, actor, input: { command: "send" }, now });
          if (!sent.ok) throw new Error(`Sending the new transfer failed: ${sent.reason}`);
        }
      });
      return { ok: true, transferId: id, code, existing: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same form submitted twice at once: the other submit's transfer is the one.
      const existing = await existingFor(db, actor, input.idempotencyKey);
      if (existing) return existing;
      // Otherwise the random code was taken (about one chance in 86 million): draw another.
    }
  }
  throw new Error("Could not draw a free transfer code.");
}
