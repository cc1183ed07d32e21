/**
 * A resident books, cancels or moves an appointment without an account (issue 17, point 6).
 * Only where the structure lets residents book online (`Structure.residentsBookOnline`), on a
 * published offer. Every booking goes through `bookSlot` (lib/appointments/book.ts), channel
 * "resident"; the resident's link carries a token whose hash is the appointment's
 * `publicTokenHash`. Contact details are kept only with consent, encrypted; the confirmation email
 * goes through the outbox in the booking's transaction. A cancelled slot goes to the offer's
 * waiting list (`offerFreedSlot`).
 */
import type { PrismaClient } from "@/lib/db";
import { bookSlot } from "@/lib/appointments/book";
import { enqueueEmail } from "@/lib/email/outbox";
import type { FreeSlot } from "@/lib/agenda/slots";
import { hashPublicToken, isPublicToken, newPublicToken } from "@/lib/public-token";
import { decryptPersonalDetails } from "@/lib/transfers/personal-data";
import { bookingEmail } from "./emails";
import { CONTACT_CONSENT, bookableOffer, detailsOf, residentRateLimit, type ResidentContact } from "./resident";
import { offerFreedSlot } from "./waitlist";

export type ResidentBookingOutcome =
  | { ok: true; token: string; appointmentId: string }
  | { ok: false; reason: "not_open" | "already_booked" | "slot_gone" }
  | { ok: false; reason: "slot_taken"; next: FreeSlot[] }
  | { ok: false; reason: "rate_limited"; minutes: number };

async function placeName(db: Pick<PrismaClient, "place">, placeId: string | null) {
  if (!placeId) return null;
  return (await db.place.findUnique({ where: { id: placeId }, select: { name: true } }))?.name ?? null;
}

export async function bookAsResident(
  db: PrismaClient,
  input: ResidentContact & { territorySlug: string; offerId: string; mediatorId: string; startsAt: Date; idempotencyKey?: string | null },
  { ip, origin, now }: { ip: string; origin: string; now: Date },
): Promise<ResidentBookingOutcome> {
  const offer = await bookableOffer(db, input.territorySlug, input.offerId);
  if (!offer) return { ok: false, reason: "not_open" };
  const minutes = await residentRateLimit(db, "resident-booking", ip, input, now);
  if (minutes) return { ok: false, reason: "rate_limited", minutes };

  const { token, hash } = newPublicToken();
  return db.$transaction(async (tx) => {
    const booked = await bookSlot(
      tx,
      {
        offerId: offer.id,
        mediatorId: input.mediatorId,
        startsAt: input.startsAt,
        channel: "resident",
        personLabel: input.personLabel,
        personalDetails: detailsOf(input),
        consentScope: CONTACT_CONSENT,
        consentGivenAt: now,
        idempotencyKey: input.idempotencyKey ?? null,
        publicTokenHash: hash,
      },
      now,
    );
    if (!booked.ok) {
      if (booked.reason === "slot_taken") return { ok: false, reason: "slot_taken", next: booked.next };
      return { ok: false, reason: booked.reason === "offer_gone" ? "not_open" : "slot_gone" };
    }
    // The same form posted twice: the first post's link is in its email, not in this request.
    if (booked.existing) return { ok: false, reason: "already_booked" };
    if (input.email) {
      const link = `${origin}/t/${offer.territory.slug}/rendez-vous/${token}`;
      const slot = { startsAt: booked.slot.startsAt, placeName: await placeName(tx, booked.slot.placeId) };
      await enqueueEmail(tx, { to: input.email, ...bookingEmail({ offerTitle: offer.title, personLabel: input.personLabel, slot, link, timeZone: offer.territory.timeZone }) });
    }
    return { ok: true, token, appointmentId: booked.appointmentId };
  });
}

/** The appointment a resident's link names, in that territory; null for anything else. */
export async function appointmentByToken(db: PrismaClient, territorySlug: string, token: string) {
  if (!isPublicToken(token)) return null;
  return db.appointment.findFirst({
    where: { publicTokenHash: hashPublicToken(token), territory: { slug: territorySlug } },
    select: { id: true, offerId: true, mediatorId: true, startsAt: true, endsAt: true, status: true, personLabel: true, personalDetailsEncrypted: true, holdExpiresAt: true },
  });
}

export type TokenOutcome = { ok: true } | { ok: false; reason: "link_used" | "hold_expired" };

/** Cancels a booked appointment from its link, then offers the freed slot to the waiting list. */
export async function cancelByToken(db: PrismaClient, territorySlug: string, token: string, { now, origin }: { now: Date; origin: string }): Promise<TokenOutcome | null> {
  const appointment = await appointmentByToken(db, territorySlug, token);
  if (!appointment) return null;
  const cancelled = await db.appointment.updateMany({
    where: { id: appointment.id, status: "booked", startsAt: { gt: now } },
    data: { status: "cancelled", slotKey: null, cancelledAt: now, cancelledBy: "resident", cancelReason: "cancelled_by_resident" },
  });
  if (cancelled.count === 0) return { ok: false, reason: "link_used" };
  await offerFreedSlot(db, appointment, now, origin);
  return { ok: true };
}

/**
 * Moves a booked appointment to another free slot of the same offer, in one transaction: the old
 * one is cancelled (its slot freed) and the new one booked with `rescheduledFromId`; the link
 * stays the same (the token's hash passes to the new appointment). The old slot then goes to the
 * waiting list.
 */
export async function moveByToken(
  db: PrismaClient,
  territorySlug: string,
  token: string,
  target: { mediatorId: string; startsAt: Date },
  { now, origin }: { now: Date; origin: string },
): Promise<{ ok: true } | { ok: false; reason: "link_used" | "slot_gone" } | { ok: false; reason: "slot_taken"; next: FreeSlot[] } | null> {
  const appointment = await appointmentByToken(db, territorySlug, token);
  if (!appointment || !appointment.offerId) return null;
  const offer = await bookableOffer(db, territorySlug, appointment.offerId);
  if (!offer) return { ok: false, reason: "link_used" };
  const hash = hashPublicToken(token);
  class Rollback extends Error {
    constructor(readonly outcome: { ok: false; reason: "slot_gone" } | { ok: false; reason: "slot_taken"; next: FreeSlot[] }) {
      super("rollback");
    }
  }
  try {
    const moved = await db.$transaction(async (tx) => {
      const released = await tx.appointment.updateMany({
        where: { id: appointment.id, status: "booked", startsAt: { gt: now } },
        data: { status: "cancelled", slotKey: null, publicTokenHash: null, cancelledAt: now, cancelledBy: "resident", cancelReason: "moved_by_resident" },
      });
      if (released.count === 0) return false;
      const details = appointment.personalDetailsEncrypted ? decryptPersonalDetails(appointment.personalDetailsEncrypted) : null;
      const booked = await bookSlot(
        tx,
        {
          offerId: offer.id,
          mediatorId: target.mediatorId,
          startsAt: target.startsAt,
          channel: "resident",
          personLabel: appointment.personLabel,
          personalDetails: details,
          consentScope: CONTACT_CONSENT,
          consentGivenAt: now,
          publicTokenHash: hash,
          rescheduledFromId: appointment.id,
        },
        now,
      );
      if (!booked.ok) throw new Rollback(booked.reason === "slot_taken" ? { ok: false, reason: "slot_taken", next: booked.next } : { ok: false, reason: "slot_gone" });
      if (details?.email) {
        const link = `${origin}/t/${offer.territory.slug}/rendez-vous/${token}`;
        const slot = { startsAt: booked.slot.startsAt, placeName: await placeName(tx, booked.slot.placeId) };
        await enqueueEmail(tx, {
          to: details.email,
          ...bookingEmail({ offerTitle: offer.title, personLabel: appointment.personLabel ?? "", slot, link, timeZone: offer.territory.timeZone, moved: true }),
        });
      }
      return true;
    });
    if (!moved) return { ok: false, reason: "link_used" };
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
  await offerFreedSlot(db, appointment, now, origin);
  return { ok: true };
}
