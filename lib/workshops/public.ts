/**
 * The resident's side of workshops, without an account: ask for a seat (the organiser confirms:
 * no CAPTCHA, but a honeypot, rate limits per client address and per contact, and a person who
 * reads every request), and cancel from the private link given then. The link's token is shown
 * once; only its hash is kept.
 */
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { hashPublicToken, isPublicToken, newPublicToken } from "@/lib/public-token";
import { detailsOf, residentRateLimit } from "@/lib/resident-booking/resident";
import { encryptPersonalDetails } from "@/lib/transfers/personal-data";
import { enqueueEmail } from "@/lib/email/outbox";
import { seatEmail } from "./emails";
import { lockSession, moveUpWaitlist } from "./seats";

/** What the person agreed to: being reached about this workshop. */
const SEAT_CONSENT = ["workshop_contact"];

/** A session residents may ask a seat for: scheduled, to come, open to requests, of a published offer and structure of the territory. */
function openSessionWhere(territorySlug: string, sessionId: string, now: Date) {
  return {
    id: sessionId,
    status: "scheduled" as const,
    residentsMayAsk: true,
    startsAt: { gt: now },
    offer: { status: "published" as const },
    structure: { status: "published" as const, territory: { slug: territorySlug } },
  };
}

function registrationLink(origin: string, territorySlug: string, token: string, locale: Locale) {
  return `${origin}/t/${encodeURIComponent(territorySlug)}/ateliers/inscription/${token}${locale === "fr" ? "" : `?lang=${locale}`}`;
}

export type SeatRequestOutcome = { ok: true; token: string } | { ok: false; reason: "closed" } | { ok: false; reason: "rate_limited"; minutes: number };

export async function requestSeat(
  db: PrismaClient,
  input: { territorySlug: string; sessionId: string; personLabel: string; email: string | null; phone: string | null; locale: Locale },
  context: { ip: string; origin: string; now: Date },
): Promise<SeatRequestOutcome> {
  if (!isUuid(input.sessionId) || input.territorySlug.length > 100) return { ok: false, reason: "closed" };
  const session = await db.workshopSession.findFirst({
    where: openSessionWhere(input.territorySlug, input.sessionId, context.now),
    select: { id: true, theme: true, startsAt: true, territory: { select: { timeZone: true } } },
  });
  if (!session) return { ok: false, reason: "closed" };
  const minutes = await residentRateLimit(db, "workshop", context.ip, input, context.now);
  if (minutes !== null) return { ok: false, reason: "rate_limited", minutes };

  const { token, hash } = newPublicToken();
  await db.$transaction(async (tx) => {
    await tx.workshopRegistration.create({
      data: {
        sessionId: session.id,
        status: "requested",
        channel: "resident",
        personLabel: input.personLabel,
        personalDetailsEncrypted: encryptPersonalDetails(detailsOf(input)),
        consentGivenAt: context.now,
        consentScope: SEAT_CONSENT,
        publicTokenHash: hash,
      },
    });
    if (input.email) {
      const link = registrationLink(context.origin, input.territorySlug, token, input.locale);
      await enqueueEmail(tx, {
        to: input.email,
        ...seatEmail({ what: "requested", personLabel: input.personLabel, theme: session.theme, startsAt: session.startsAt, timeZone: session.territory.timeZone, link }),
      });
    }
  });
  return { ok: true, token };
}

/** The registration behind a link, in the territory of the URL; null for anything else (→ 404). */
export async function registrationByToken(db: PrismaClient, territorySlug: string, token: string) {
  if (!isPublicToken(token)) return null;
  return db.workshopRegistration.findFirst({
    where: { publicTokenHash: hashPublicToken(token), session: { territory: { slug: territorySlug } } },
    select: {
      id: true,
      status: true,
      personLabel: true,
      session: {
        select: {
          id: true,
          theme: true,
          description: true,
          startsAt: true,
          endsAt: true,
          status: true,
          cancelReason: true,
          equipment: true,
          offer: { select: { id: true, title: true, documentsToBring: true } },
          place: { select: { name: true, address: true, postalCode: true, communeName: true } },
          structure: { select: { name: true, phone: true } },
          territory: { select: { timeZone: true } },
        },
      },
    },
  });
}

/** The resident cancels: their seat (if they had one) goes to the first person waiting. */
export async function cancelSeatByToken(db: PrismaClient, territorySlug: string, token: string, now: Date): Promise<{ ok: true } | { ok: false; reason: "link_used" } | null> {
  const registration = await registrationByToken(db, territorySlug, token);
  if (!registration) return null;
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, registration.session.id);
    if (!session) return null;
    const before = await tx.workshopRegistration.findUniqueOrThrow({ where: { id: registration.id }, select: { status: true } });
    const updated = await tx.workshopRegistration.updateMany({
      where: { id: registration.id, status: { in: ["requested", "confirmed", "waitlisted"] } },
      data: { status: "cancelled", cancelledAt: now },
    });
    if (updated.count === 0) return { ok: false as const, reason: "link_used" as const };
    if (before.status === "confirmed") await moveUpWaitlist(tx, session, now);
    return { ok: true as const };
  });
}
