/**
 * Booking one slot, the one door every booking goes through (a sender inside a transfer, a
 * structure member for a walk-in or a phone call, a resident from the public page, the offer's
 * waiting list). The slot must be one of the offer's free slots at that instant (lib/agenda); the
 * database holds the rest: `Appointment.slotKey` is unique, so of two people booking the last
 * slot at the same moment exactly one insert succeeds, and the other is refused with the next
 * free slots. A double submit (same `idempotencyKey`) books once and returns the first booking.
 *
 * Authorization is the caller's (the server action knows who books and for whom); this function
 * checks the slot, never the actor.
 */
import { randomUUID } from "node:crypto";
import { findFreeSlots } from "@/lib/agenda/free-slots";
import { type AppointmentKind, type FreeSlot, slotKeyOf } from "@/lib/agenda/slots";
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptPersonalDetails, type PersonalDetails } from "@/lib/transfers/personal-data";

type Db = PrismaClient | Prisma.TransactionClient;

export type BookingChannel = "transfer" | "staff" | "resident" | "waitlist";

export interface BookingInput {
  offerId: string;
  mediatorId: string;
  startsAt: Date;
  channel: BookingChannel;
  /** Booked by a signed-in person; null for a resident or the worker. */
  bookedById?: string | null;
  transferId?: string | null;
  seriesId?: string | null;
  /** First name or nickname. */
  personLabel?: string | null;
  /** Contact details, only when the person consented to share them (`consentScope`). */
  personalDetails?: PersonalDetails | null;
  consentScope?: string[];
  consentGivenAt?: Date | null;
  requestNote?: string | null;
  idempotencyKey?: string | null;
  publicTokenHash?: string | null;
  /** "held" (offered to a waiting person until `holdExpiresAt`) or "booked" (the default). */
  status?: "held" | "booked";
  holdExpiresAt?: Date | null;
  rescheduledFromId?: string | null;
}

export type BookingResult =
  | { ok: true; appointmentId: string; existing: boolean; slot: FreeSlot }
  /** `next`: the following free slots of the same offer, to offer instead. */
  | { ok: false; reason: "slot_taken"; next: FreeSlot[] }
  | { ok: false; reason: "slot_past" }
  | { ok: false; reason: "not_a_slot"; next: FreeSlot[] }
  | { ok: false; reason: "offer_gone" };

/** How many following slots a refusal proposes, and how far ahead it looks. */
const NEXT_COUNT = 5;
const LOOK_AHEAD_MS = 90 * 86_400_000;

function nextFreeSlots(db: Db, offerId: string, after: Date, count = NEXT_COUNT): Promise<FreeSlot[]> {
  return findFreeSlots(db, { offerId, from: after, until: new Date(after.getTime() + LOOK_AHEAD_MS), limit: count });
}

async function existingBooking(db: Db, idempotencyKey: string | null | undefined) {
  if (!idempotencyKey) return null;
  return db.appointment.findUnique({ where: { idempotencyKey }, select: { id: true, offerId: true, mediatorId: true, placeId: true, kind: true, startsAt: true, endsAt: true } });
}

const asSlot = (row: { mediatorId: string | null; offerId: string | null; placeId: string | null; kind: AppointmentKind; startsAt: Date; endsAt: Date }, timeZoneDate = ""): FreeSlot => ({
  patternId: "",
  mediatorId: row.mediatorId ?? "",
  offerId: row.offerId ?? "",
  placeId: row.placeId,
  kind: row.kind,
  date: timeZoneDate,
  startMinute: 0,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
});

/** Books `input.startsAt` with `input.mediatorId` for the offer, or says why not. */
export async function bookSlot(db: Db, input: BookingInput, now: Date): Promise<BookingResult> {
  const earlier = await existingBooking(db, input.idempotencyKey);
  if (earlier) return { ok: true, appointmentId: earlier.id, existing: true, slot: asSlot(earlier) };
  if (input.startsAt <= now) return { ok: false, reason: "slot_past" };

  const offer = await db.offer.findUnique({ where: { id: input.offerId }, select: { structureId: true, territoryId: true, status: true } });
  if (!offer || offer.status === "archived") return { ok: false, reason: "offer_gone" };

  // The slot that starts at that instant for that mediator, if it is free now.
  const [slot] = await findFreeSlots(db, {
    offerId: input.offerId,
    mediatorId: input.mediatorId,
    from: input.startsAt,
    until: new Date(input.startsAt.getTime() + 1),
    limit: 1,
  });
  if (!slot || slot.startsAt.getTime() !== input.startsAt.getTime()) {
    const next = await nextFreeSlots(db, input.offerId, now > input.startsAt ? now : input.startsAt);
    const taken = await db.appointment.count({ where: { slotKey: slotKeyOf(input.mediatorId, input.startsAt) } });
    return taken > 0 ? { ok: false, reason: "slot_taken", next } : { ok: false, reason: "not_a_slot", next };
  }

  // ON CONFLICT DO NOTHING (createMany's skipDuplicates): a taken slot or a repeated key inserts
  // nothing instead of raising, so this also works inside a caller's transaction.
  const id = randomUUID();
  const inserted = await db.appointment.createMany({
    skipDuplicates: true,
    data: [
      {
        id,
        territoryId: offer.territoryId,
        structureId: offer.structureId,
        offerId: input.offerId,
        placeId: slot.placeId,
        mediatorId: input.mediatorId,
        kind: slot.kind,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: input.status ?? "booked",
        slotKey: slotKeyOf(input.mediatorId, slot.startsAt),
        channel: input.channel,
        transferId: input.transferId ?? null,
        seriesId: input.seriesId ?? null,
        personLabel: input.personLabel ?? null,
        personalDetailsEncrypted: input.personalDetails ? encryptPersonalDetails(input.personalDetails) : null,
        consentGivenAt: input.personalDetails ? (input.consentGivenAt ?? now) : null,
        consentScope: input.personalDetails ? (input.consentScope ?? []) : [],
        requestNote: input.requestNote ?? null,
        bookedById: input.bookedById ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        publicTokenHash: input.publicTokenHash ?? null,
        holdExpiresAt: input.holdExpiresAt ?? null,
        rescheduledFromId: input.rescheduledFromId ?? null,
      },
    ],
  });
  if (inserted.count === 1) return { ok: true, appointmentId: id, existing: false, slot };
  // Either the same form posted twice (same key: the first booking is the answer) or someone
  // else took the slot between our read and our insert (the unique slot key refused ours).
  const first = await existingBooking(db, input.idempotencyKey);
  if (first) return { ok: true, appointmentId: first.id, existing: true, slot: asSlot(first) };
  return { ok: false, reason: "slot_taken", next: await nextFreeSlots(db, input.offerId, input.startsAt) };
}
