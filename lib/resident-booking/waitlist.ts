/**
 * An offer's waiting list (issue 17, point 7). A resident leaves a first name and a way to be
 * reached; when an appointment of the offer is cancelled (by anyone — the staff's cancel calls
 * `offerFreedSlot` too), its slot is held for the first waiting person (`bookSlot`, status
 * "held", channel "waitlist") until `holdExpiresAt` — 24 hours, never later than two hours before
 * the slot — and that person gets a link to confirm or refuse. Refused or expired
 * (`releaseExpiredHolds`, a scheduled step), the slot goes to the next person, or back to everyone.
 *
 * The first waiting entry is taken with `FOR UPDATE SKIP LOCKED`, and a slot can be held once
 * (its unique key): two slots freed at once go to two different people, one slot to one person.
 */
import type { PrismaClient } from "@/lib/db";
import { bookSlot } from "@/lib/appointments/book";
import { enqueueEmail } from "@/lib/email/outbox";
import { hashPublicToken, isPublicToken, newPublicToken } from "@/lib/public-token";
import { siteUrl } from "@/lib/site-url";
import { decryptPersonalDetails, encryptPersonalDetails } from "@/lib/transfers/personal-data";
import { CONTACT_CONSENT, bookableOffer, detailsOf, residentRateLimit, type ResidentContact } from "./resident";
import { holdEmail, holdSms, waitlistEmail } from "./emails";

const HOLD_MS = 24 * 60 * 60_000;
/** A held slot is released at the latest this long before it starts. */
const HOLD_MARGIN_MS = 2 * 60 * 60_000;

/** When a slot held now must be answered by, or null when it starts too soon to be held. */
export function holdExpiry(startsAt: Date, now: Date): Date | null {
  const until = new Date(Math.min(now.getTime() + HOLD_MS, startsAt.getTime() - HOLD_MARGIN_MS));
  return until > now ? until : null;
}

export type WaitlistOutcome = { ok: true; token: string } | { ok: false; reason: "not_open" } | { ok: false; reason: "rate_limited"; minutes: number };

export async function joinWaitlist(
  db: PrismaClient,
  input: ResidentContact & { territorySlug: string; offerId: string },
  { ip, origin, now }: { ip: string; origin: string; now: Date },
): Promise<WaitlistOutcome> {
  const offer = await bookableOffer(db, input.territorySlug, input.offerId);
  if (!offer) return { ok: false, reason: "not_open" };
  const minutes = await residentRateLimit(db, "resident-waitlist", ip, input, now);
  if (minutes) return { ok: false, reason: "rate_limited", minutes };
  const { token, hash } = newPublicToken();
  await db.$transaction(async (tx) => {
    await tx.offerWaitlistEntry.create({
      data: {
        territoryId: offer.territoryId,
        offerId: offer.id,
        personLabel: input.personLabel,
        personalDetailsEncrypted: encryptPersonalDetails(detailsOf(input)),
        consentGivenAt: now,
        consentScope: CONTACT_CONSENT,
        publicTokenHash: hash,
        createdAt: now,
      },
    });
    if (input.email) {
      const link = `${origin}/t/${offer.territory.slug}/rendez-vous/${token}`;
      await enqueueEmail(tx, { to: input.email, ...waitlistEmail({ offerTitle: offer.title, personLabel: input.personLabel, link }) });
    }
  });
  return { ok: true, token };
}

/** What was freed: an appointment of an offer with a mediator, at a start. */
export interface FreedSlot {
  offerId: string | null;
  mediatorId: string | null;
  startsAt: Date;
}

/**
 * Holds a freed slot for the first person waiting on its offer and tells them. Returns the
 * waiting-list entry's id, or null when nobody waits, the slot starts too soon, or it is no
 * longer free (someone booked it meanwhile).
 */
export async function offerFreedSlot(db: PrismaClient, freed: FreedSlot, now: Date, origin = siteUrl()): Promise<string | null> {
  if (!freed.offerId || !freed.mediatorId) return null;
  const holdExpiresAt = holdExpiry(freed.startsAt, now);
  if (!holdExpiresAt) return null;
  const { offerId, mediatorId } = freed;
  return db.$transaction(async (tx) => {
    const [first] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "OfferWaitlistEntry"
      WHERE "offerId" = ${offerId}::uuid AND status = 'waiting'
      ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!first) return null;
    const entry = await tx.offerWaitlistEntry.findUniqueOrThrow({
      where: { id: first.id },
      select: { id: true, personLabel: true, personalDetailsEncrypted: true, offer: { select: { title: true, territory: { select: { slug: true, timeZone: true } } } } },
    });
    const details = entry.personalDetailsEncrypted ? decryptPersonalDetails(entry.personalDetailsEncrypted) : null;
    const { token, hash } = newPublicToken();
    const held = await bookSlot(
      tx,
      {
        offerId,
        mediatorId,
        startsAt: freed.startsAt,
        channel: "waitlist",
        status: "held",
        holdExpiresAt,
        personLabel: entry.personLabel,
        personalDetails: details,
        consentScope: CONTACT_CONSENT,
        consentGivenAt: now,
        publicTokenHash: hash,
      },
      now,
    );
    if (!held.ok) return null;
    await tx.offerWaitlistEntry.update({ where: { id: entry.id }, data: { status: "offered", offeredAppointmentId: held.appointmentId } });
    const { territory, title } = entry.offer;
    const link = `${origin}/t/${territory.slug}/rendez-vous/${token}`;
    const place = held.slot.placeId ? await tx.place.findUnique({ where: { id: held.slot.placeId }, select: { name: true } }) : null;
    const slot = { startsAt: held.slot.startsAt, placeName: place?.name ?? null };
    if (details?.email) {
      await enqueueEmail(tx, { to: details.email, ...holdEmail({ offerTitle: title, personLabel: entry.personLabel ?? "", slot, holdExpiresAt, link, timeZone: territory.timeZone }) });
    } else if (details?.phone) {
      await tx.outboxSms.create({ data: { to: details.phone, text: holdSms({ offerTitle: title, slot, link, timeZone: territory.timeZone }) } });
    }
    return entry.id;
  });
}

export type HoldAnswer = { ok: true } | { ok: false; reason: "link_used" | "hold_expired" };

/** The person offered a held slot confirms it (booked) or refuses it (offered to the next one). */
export async function answerHold(db: PrismaClient, territorySlug: string, token: string, answer: "confirm" | "refuse", { now, origin }: { now: Date; origin: string }): Promise<HoldAnswer | null> {
  if (!isPublicToken(token)) return null;
  const appointment = await db.appointment.findFirst({
    where: { publicTokenHash: hashPublicToken(token), territory: { slug: territorySlug } },
    select: { id: true, offerId: true, mediatorId: true, startsAt: true, status: true, holdExpiresAt: true },
  });
  if (!appointment) return null;
  if (answer === "confirm") {
    const confirmed = await db.$transaction(async (tx) => {
      const updated = await tx.appointment.updateMany({ where: { id: appointment.id, status: "held", holdExpiresAt: { gt: now } }, data: { status: "booked", holdExpiresAt: null } });
      if (updated.count === 0) return false;
      await tx.offerWaitlistEntry.updateMany({ where: { offeredAppointmentId: appointment.id }, data: { status: "booked" } });
      return true;
    });
    if (confirmed) return { ok: true };
    return { ok: false, reason: appointment.status === "held" ? "hold_expired" : "link_used" };
  }
  const released = await releaseHold(db, appointment.id, now, "resident", "hold_refused");
  if (!released) return { ok: false, reason: "link_used" };
  await offerFreedSlot(db, appointment, now, origin);
  return { ok: true };
}

/** Cancels a held appointment (refused or expired) and withdraws its waiting-list entry. */
async function releaseHold(db: PrismaClient, appointmentId: string, now: Date, by: "resident" | "worker", reason: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.appointment.updateMany({
      where: { id: appointmentId, status: "held" },
      data: { status: "cancelled", slotKey: null, holdExpiresAt: null, cancelledAt: now, cancelledBy: by, cancelReason: reason },
    });
    if (updated.count === 0) return false;
    await tx.offerWaitlistEntry.updateMany({ where: { offeredAppointmentId: appointmentId }, data: { status: "withdrawn" } });
    return true;
  });
}

/** The scheduled step: holds not answered in time go to the next person waiting, or back to everyone. */
export async function releaseExpiredHolds(db: PrismaClient, now: Date): Promise<number> {
  const expired = await db.appointment.findMany({
    where: { status: "held", holdExpiresAt: { lte: now } },
    select: { id: true, offerId: true, mediatorId: true, startsAt: true },
    orderBy: { holdExpiresAt: "asc" },
    take: 100,
  });
  let count = 0;
  for (const appointment of expired) {
    if (!(await releaseHold(db, appointment.id, now, "worker", "hold_expired"))) continue;
    count++;
    await offerFreedSlot(db, appointment, now);
  }
  return count;
}

/** The waiting-list entry a resident's link names, in that territory. */
export async function waitlistEntryByToken(db: PrismaClient, territorySlug: string, token: string) {
  if (!isPublicToken(token)) return null;
  return db.offerWaitlistEntry.findFirst({
    where: { publicTokenHash: hashPublicToken(token), territory: { slug: territorySlug } },
    select: { id: true, status: true, offer: { select: { id: true, title: true } } },
  });
}

/** Leaves the waiting list (only while waiting); the entry's personal details are erased. */
export async function leaveWaitlist(db: PrismaClient, territorySlug: string, token: string, now: Date): Promise<HoldAnswer | null> {
  const entry = await waitlistEntryByToken(db, territorySlug, token);
  if (!entry) return null;
  const left = await db.offerWaitlistEntry.updateMany({
    where: { id: entry.id, status: "waiting" },
    data: { status: "withdrawn", personalDetailsEncrypted: null, personalDataErasedAt: now },
  });
  return left.count === 1 ? { ok: true } : { ok: false, reason: "link_used" };
}
