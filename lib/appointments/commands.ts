/**
 * What people do with an appointment once it exists, and the two staff-side ways to book one.
 * Who may: the members of the receiving structure (`structure.receive` on the appointment's
 * structure) — every command; the sender of the appointment's transfer (`transfer.actAsSender`)
 * — book, move and cancel, never record attendance. Another structure's appointment is "not found".
 *
 * Each command is a conditional update on the statuses it may start from (like
 * lib/transfers/transitions.ts): of two people marking the same appointment at once, the second
 * updates nothing and is told "déjà traité". A transfer's appointment writes a `TransferEvent`
 * (appointment.booked, .cancelled, .rescheduled, .attended, .no_show) for its timeline; when the
 * receiving side cancels or moves it, the sender hears it by email (outbox, same transaction).
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transferRefOf } from "@/lib/transfers/authorize";
import { isClosed } from "@/lib/transfers/state-machine";
import { applyTransitionIn, structureMemberEmails, transferUrl } from "@/lib/transfers/transitions";
import { bookSlot, type BookingResult } from "./book";
import { whyNotASlotAt } from "./why-not";

import { offerFreedSlot, type FreedSlot } from "@/lib/resident-booking/waitlist";

type Tx = Prisma.TransactionClient;

export type CommandResult = { ok: true; appointmentId: string } | Refusal;

const APPOINTMENT_ACCESS_SELECT = {
  id: true,
  status: true,
  startsAt: true,
  offerId: true,
  mediatorId: true,
  seriesId: true,
  structureId: true,
  transferId: true,
  personLabel: true,
  personalDetailsEncrypted: true,
  consentGivenAt: true,
  consentScope: true,
  requestNote: true,
  structure: { select: { id: true, territoryId: true, territory: { select: { timeZone: true } } } },
  transfer: { select: { id: true, code: true, territoryId: true, fromStructureId: true, toStructureId: true, status: true, createdById: true } },
} satisfies Prisma.AppointmentSelect;

/** The appointment with the actor's sides on it, or null (→ 404) when they have none. */
export async function appointmentAccess(db: Pick<Tx, "appointment">, actor: SignedInActor, appointmentId: string) {
  const row = await db.appointment.findUnique({ where: { id: appointmentId }, select: APPOINTMENT_ACCESS_SELECT });
  if (!row) return null;
  const asStructure = can(actor, "structure.receive", { structureId: row.structure.id, territoryId: row.structure.territoryId });
  const asSender = row.transfer ? can(actor, "transfer.actAsSender", transferRefOf(row.transfer)) : false;
  if (!asStructure && !asSender) return null;
  return { row, asStructure, asSender };
}

const timeOf = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeStyle: "short", timeZone }).format(date);

async function bookingRefusal(
  db: PrismaClient | Tx,
  result: Exclude<BookingResult, { ok: true }>,
  asked: { offerId: string; mediatorId: string; startsAt: Date; now: Date },
): Promise<Refusal> {
  switch (result.reason) {
    case "slot_taken":
      return refusal({ code: "appointment.slot_taken", params: { next: result.next.length } });
    case "slot_past":
      return refusal({ code: "appointment.slot_past" });
    case "not_a_slot":
      return refusal({ code: "appointment.not_a_slot", params: { why: await whyNotASlotAt(db, asked) } });
    case "offer_gone":
      return refusal({ code: "appointment.offer_gone" });
  }
}

async function transferEvent(tx: Tx, transferId: string | null, actorId: string, type: string, details: Prisma.InputJsonObject = {}) {
  if (!transferId) return;
  await tx.transferEvent.create({ data: { transferId, actorId, type, details } });
}

/** The sender hears that the receiving side changed their transfer's appointment. */
async function tellSender(tx: Tx, transfer: { id: string; code: string; createdById: string | null; fromStructureId: string }, what: string) {
  const creator = transfer.createdById ? await tx.user.findUnique({ where: { id: transfer.createdById }, select: { email: true } }) : null;
  const recipients = creator ? [creator.email.toLowerCase()] : await structureMemberEmails(tx, transfer.fromStructureId);
  for (const to of recipients) {
    await enqueueEmail(tx, {
      to,
      subject: `Orientation ${transfer.code} : rendez-vous ${what}`,
      text: `La structure qui reçoit a ${what} le rendez-vous de l'orientation ${transfer.code}.\n\nVoir l'orientation : ${transferUrl(transfer.id)}`,
    });
  }
}

export interface StaffBookingInput {
  structureId: string;
  offerId: string;
  mediatorId: string;
  startsAt: Date;
  personLabel: string;
  requestNote: string | null;
  contact: { phone: string | null; email: string | null } | null;
  idempotencyKey: string;
  seriesId?: string | null;
}

/** A walk-in or a phone call at one's own structure: the offer must be the structure's. */
export async function bookForStructure(db: PrismaClient, actor: SignedInActor, input: StaffBookingInput, now: Date): Promise<CommandResult> {
  const offer = await db.offer.findFirst({ where: { id: input.offerId, structureId: input.structureId }, select: { structure: { select: { id: true, territoryId: true } } } });
  if (!offer || !can(actor, "structure.receive", { structureId: offer.structure.id, territoryId: offer.structure.territoryId })) return refusal({ code: "not_found" });
  // A session of a usages series: the series must be this structure's.
  if (input.seriesId && !(await db.usageSeries.count({ where: { id: input.seriesId, structureId: input.structureId } }))) return refusal({ code: "not_found" });
  const result = await bookSlot(
    db,
    {
      offerId: input.offerId,
      mediatorId: input.mediatorId,
      startsAt: input.startsAt,
      channel: "staff",
      bookedById: actor.userId,
      personLabel: input.personLabel,
      requestNote: input.requestNote,
      personalDetails: input.contact ? { phone: input.contact.phone, email: input.contact.email, language: null, accessibilityNeeds: null } : null,
      consentScope: input.contact ? ["contact"] : [],
      idempotencyKey: input.idempotencyKey,
      seriesId: input.seriesId ?? null,
    },
    now,
  );
  return result.ok ? { ok: true, appointmentId: result.appointmentId } : bookingRefusal(db, result, { ...input, now });
}

/** The levels of transfer where the sender books the appointment for the person. */
const BOOKABLE_LEVELS = ["accompanied", "augmented"];

/** Whether the actor, as the sender, may book an appointment inside this transfer (and which offer). */
export async function transferBooking(db: Pick<Tx, "transfer">, actor: SignedInActor, transferId: string) {
  const transfer = await db.transfer.findUnique({
    where: { id: transferId },
    select: { id: true, territoryId: true, fromStructureId: true, toStructureId: true, status: true, level: true, offerId: true, deadline: true, personLabel: true, personalDetailsEncrypted: true, consentGivenAt: true, consentScope: true },
  });
  if (!transfer || !transfer.offerId || !can(actor, "transfer.actAsSender", transferRefOf(transfer))) return null;
  if (isClosed(transfer.status) || transfer.status === "draft" || !BOOKABLE_LEVELS.includes(transfer.level)) return null;
  return { ...transfer, offerId: transfer.offerId };
}

/** The sender books inside an accompanied transfer: the person's label; contact only if the transfer's consent covers it. */
export async function bookForTransfer(
  db: PrismaClient,
  actor: SignedInActor,
  input: { transferId: string; mediatorId: string; startsAt: Date; idempotencyKey: string },
  now: Date,
): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    const transfer = await transferBooking(tx, actor, input.transferId);
    if (!transfer) return refusal({ code: "appointment.transfer_not_bookable" });
    const result = await bookSlot(
      tx,
      {
        offerId: transfer.offerId,
        mediatorId: input.mediatorId,
        startsAt: input.startsAt,
        channel: "transfer",
        bookedById: actor.userId,
        transferId: transfer.id,
        personLabel: transfer.personLabel,
        idempotencyKey: input.idempotencyKey,
      },
      now,
    );
    if (!result.ok) return bookingRefusal(tx, result, { ...input, offerId: transfer.offerId, now });
    if (!result.existing) {
      if (transfer.personalDetailsEncrypted && transfer.consentScope.includes("contact")) {
        await tx.appointment.update({
          where: { id: result.appointmentId },
          data: { personalDetailsEncrypted: transfer.personalDetailsEncrypted, consentGivenAt: transfer.consentGivenAt, consentScope: ["contact"] },
        });
      }
      await transferEvent(tx, transfer.id, actor.userId, "appointment.booked", { startsAt: result.slot.startsAt.toISOString() });
    }
    return { ok: true, appointmentId: result.appointmentId };
  });
}

const CANCELLABLE = ["held", "booked"] as const;

export async function cancelAppointment(db: PrismaClient, actor: SignedInActor, input: { appointmentId: string; reason: string }, now: Date): Promise<CommandResult> {
  let freed: FreedSlot | null = null;
  const result = await db.$transaction(async (tx): Promise<CommandResult> => {
    const access = await appointmentAccess(tx, actor, input.appointmentId);
    if (!access) return refusal({ code: "not_found" });
    const { row, asStructure } = access;
    const updated = await tx.appointment.updateMany({
      where: { id: row.id, status: { in: [...CANCELLABLE] } },
      data: { status: "cancelled", slotKey: null, cancelReason: input.reason, cancelledAt: now, cancelledBy: asStructure ? "structure" : "sender" },
    });
    if (updated.count === 0) return refusal({ code: "appointment.already_handled" });
    await transferEvent(tx, row.transferId, actor.userId, "appointment.cancelled", { by: asStructure ? "structure" : "sender" });
    if (asStructure && row.transfer) await tellSender(tx, row.transfer, "annulé");
    freed = { offerId: row.offerId, mediatorId: row.mediatorId, startsAt: row.startsAt };
    return { ok: true, appointmentId: row.id };
  });
  // Once the cancellation is committed, the freed slot goes to the offer's waiting list.
  if (freed) await offerFreedSlot(db, freed, now);
  return result;
}

/** Moves an appointment to another free slot: a new booking that replaces it, the old one cancelled, together. */
export async function rescheduleAppointment(
  db: PrismaClient,
  actor: SignedInActor,
  input: { appointmentId: string; mediatorId: string; startsAt: Date; idempotencyKey: string },
  now: Date,
): Promise<CommandResult> {
  const outcome = await db
    .$transaction(async (tx) => {
      const access = await appointmentAccess(tx, actor, input.appointmentId);
      if (!access) return refusal({ code: "not_found" });
      const { row, asStructure } = access;
      if (!row.offerId) return refusal({ code: "appointment.offer_gone" });
      const by = asStructure ? "structure" : "sender";
      const updated = await tx.appointment.updateMany({
        where: { id: row.id, status: { in: [...CANCELLABLE] } },
        data: { status: "cancelled", slotKey: null, cancelReason: "Déplacé", cancelledAt: now, cancelledBy: by },
      });
      if (updated.count === 0) return refusal({ code: "appointment.already_handled" });
      const result = await bookSlot(
        tx,
        {
          offerId: row.offerId,
          mediatorId: input.mediatorId,
          startsAt: input.startsAt,
          channel: row.transferId ? "transfer" : "staff",
          bookedById: actor.userId,
          transferId: row.transferId,
          seriesId: row.seriesId,
          personLabel: row.personLabel,
          requestNote: row.requestNote,
          idempotencyKey: input.idempotencyKey,
          rescheduledFromId: row.id,
        },
        now,
      );
      // Nothing is kept when the new slot is refused: the old appointment stays as it was.
      if (!result.ok) throw new BookingRefused(await bookingRefusal(tx, result, { ...input, offerId: row.offerId, now }));
      if (row.personalDetailsEncrypted) {
        await tx.appointment.update({
          where: { id: result.appointmentId },
          data: { personalDetailsEncrypted: row.personalDetailsEncrypted, consentGivenAt: row.consentGivenAt, consentScope: row.consentScope },
        });
      }
      await transferEvent(tx, row.transferId, actor.userId, "appointment.rescheduled", { by, startsAt: result.slot.startsAt.toISOString() });
      if (asStructure && row.transfer) await tellSender(tx, row.transfer, `déplacé au ${timeOf(result.slot.startsAt, row.structure.territory.timeZone)}`);
      return { ok: true as const, appointmentId: result.appointmentId, freed: { offerId: row.offerId, mediatorId: row.mediatorId, startsAt: row.startsAt } };
    })
    .catch((error: unknown) => {
      if (error instanceof BookingRefused) return error.refusal;
      throw error;
    });
  if (!outcome.ok) return outcome;
  // The slot it left goes to the offer's waiting list.
  await offerFreedSlot(db, outcome.freed, now);
  return { ok: true, appointmentId: outcome.appointmentId };
}

class BookingRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

/**
 * The receiving structure records whether the person came, once the appointment has started.
 * A person who came on a sent or acknowledged transfer: the transfer is accepted (they are being helped).
 */
export async function recordAttendance(
  db: PrismaClient,
  actor: SignedInActor,
  input: { appointmentId: string; attended: boolean; skillIds?: string[] },
  now: Date,
): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    const access = await appointmentAccess(tx, actor, input.appointmentId);
    if (!access || !access.asStructure) return refusal({ code: "not_found" });
    const { row } = access;
    if (row.startsAt > now) return refusal({ code: "appointment.not_started" });
    const status = input.attended ? "attended" : "no_show";
    const updated = await tx.appointment.updateMany({ where: { id: row.id, status: "booked" }, data: { status, attendanceRecordedAt: now } });
    if (updated.count === 0) return refusal({ code: "appointment.already_handled" });
    if (input.attended && row.seriesId && input.skillIds?.length) {
      const chosen = await tx.usageSeriesSkill.findMany({ where: { seriesId: row.seriesId, skillId: { in: input.skillIds } }, select: { skillId: true } });
      await tx.appointmentSkill.createMany({ data: chosen.map(({ skillId }) => ({ appointmentId: row.id, skillId })), skipDuplicates: true });
    }
    await transferEvent(tx, row.transferId, actor.userId, `appointment.${status}`);
    if (input.attended && row.transfer && (row.transfer.status === "sent" || row.transfer.status === "acknowledged")) {
      await applyTransitionIn(tx, { transferId: row.transfer.id, actor, input: { command: "accept" }, now });
    }
    return { ok: true, appointmentId: row.id };
  });
}

/** The completion form's outcome, pre-selected from the transfer's latest attended/no-show appointment. */
export async function suggestedOutcome(db: Pick<Tx, "appointment">, transferId: string): Promise<"not_resolved_no_show" | null> {
  const last = await db.appointment.findFirst({
    where: { transferId, status: { in: ["attended", "no_show"] } },
    orderBy: { startsAt: "desc" },
    select: { status: true },
  });
  return last?.status === "no_show" ? "not_resolved_no_show" : null;
}
