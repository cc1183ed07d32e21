/**
 * Seats of a workshop session: who holds one, who waits. Every change that gives, frees or counts
 * seats runs in a transaction that first locks the session's row (`SELECT … FOR UPDATE`), so two
 * registrations at the same moment are counted one after the other: seats are never oversold, and
 * a freed seat goes to the first person waiting (by `waitlistedAt`, then `createdAt`).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/email/outbox";
import { decryptPersonalDetails } from "@/lib/transfers/personal-data";
import { seatEmail, type SeatNews } from "./emails";

type Tx = Prisma.TransactionClient;

export interface LockedSession {
  id: string;
  capacity: number;
  status: "scheduled" | "cancelled";
  startsAt: Date;
  theme: string;
  timeZone: string;
}

/** Locks the session's row for the rest of the transaction; null when it does not exist. */
export async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "WorkshopSession" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  const { territory, ...session } = await tx.workshopSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { id: true, capacity: true, status: true, startsAt: true, theme: true, territory: { select: { timeZone: true } } },
  });
  return { ...session, timeZone: territory.timeZone };
}

async function confirmedCount(tx: Tx, sessionId: string): Promise<number> {
  return tx.workshopRegistration.count({ where: { sessionId, status: "confirmed" } });
}

/** Confirmed when a seat is left, else on the waiting list. The session must be locked. */
export async function seatOrWaitlist(tx: Tx, session: LockedSession, now: Date): Promise<{ status: "confirmed" | "waitlisted"; confirmedAt: Date | null; waitlistedAt: Date | null }> {
  const taken = await confirmedCount(tx, session.id);
  return taken < session.capacity ? { status: "confirmed", confirmedAt: now, waitlistedAt: null } : { status: "waitlisted", confirmedAt: null, waitlistedAt: now };
}

/**
 * Fills the free seats from the waiting list, first come first served, and tells each person who
 * moved up (a consented email). The session must be locked. Returns how many moved up.
 */
export async function moveUpWaitlist(tx: Tx, session: LockedSession, now: Date): Promise<number> {
  const free = session.capacity - (await confirmedCount(tx, session.id));
  if (free <= 0 || session.status !== "scheduled") return 0;
  const waiting = await tx.workshopRegistration.findMany({
    where: { sessionId: session.id, status: "waitlisted" },
    orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }],
    take: free,
    select: { id: true, personLabel: true, personalDetailsEncrypted: true },
  });
  for (const registration of waiting) {
    await tx.workshopRegistration.update({ where: { id: registration.id }, data: { status: "confirmed", confirmedAt: now } });
    await tellPerson(tx, registration, session, "moved_up");
  }
  return waiting.length;
}

/** An email to the person when they gave an address and consented (the only way it is stored). */
export async function tellPerson(
  tx: Tx,
  registration: { personLabel: string | null; personalDetailsEncrypted: string | null },
  session: Pick<LockedSession, "theme" | "startsAt" | "timeZone">,
  what: SeatNews,
  extra: { link?: string; reason?: string } = {},
) {
  if (!registration.personalDetailsEncrypted) return;
  const { email } = decryptPersonalDetails(registration.personalDetailsEncrypted);
  if (!email) return;
  await enqueueEmail(tx, { to: email, ...seatEmail({ what, personLabel: registration.personLabel ?? "", theme: session.theme, startsAt: session.startsAt, timeZone: session.timeZone, ...extra }) });
}
