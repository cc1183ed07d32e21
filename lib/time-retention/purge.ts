/**
 * Retention of time given to people (issue 17, point 9): the personal data of appointments,
 * sign-up sheets, workshop registrations, waiting lists and usages series is erased on the same
 * schedule as transfers' — the territory's `transferRetentionDays` after the appointment, the
 * permanence or the workshop (after the last change for a waiting-list entry or a series), and the
 * words of the phone line's calls (request, message, note) after the call. What
 * stays is anonymous: statuses, kinds, categories, outcomes, dates, the counts of the indicators.
 *
 * Conditional updates (`personalDataErasedAt` still null), territory by territory: two instances
 * running the step together erase each row once, and a restart loses nothing.
 */
import type { PrismaClient } from "@/lib/db";

const DAY_MS = 86_400_000;

const ERASED_CONTACT = { personLabel: null, personalDetailsEncrypted: null, consentGivenAt: null, consentScope: [] };

export async function purgeTimePersonalData(db: PrismaClient, now: Date): Promise<number> {
  const territories = await db.territory.findMany({ select: { id: true, transferRetentionDays: true } });
  let erased = 0;
  for (const territory of territories) {
    const cutoff = new Date(now.getTime() - territory.transferRetentionDays * DAY_MS);
    const cutoffDay = new Date(`${cutoff.toISOString().slice(0, 10)}T00:00:00Z`);
    const done = { personalDataErasedAt: now };
    const counts = await db.$transaction([
      db.appointment.updateMany({
        where: { territoryId: territory.id, personalDataErasedAt: null, endsAt: { lt: cutoff } },
        data: { ...ERASED_CONTACT, requestNote: null, cancelReason: null, ...done },
      }),
      db.permanenceSheetLine.updateMany({
        where: { personalDataErasedAt: null, sheet: { territoryId: territory.id, date: { lt: cutoffDay } } },
        data: { personLabel: null, request: null, resultNote: null, ...done },
      }),
      db.workshopRegistration.updateMany({
        where: { personalDataErasedAt: null, session: { territoryId: territory.id, endsAt: { lt: cutoff } } },
        data: { ...ERASED_CONTACT, ...done },
      }),
      db.offerWaitlistEntry.updateMany({
        where: { territoryId: territory.id, personalDataErasedAt: null, updatedAt: { lt: cutoff }, status: "waiting" },
        data: { ...ERASED_CONTACT, status: "withdrawn", ...done },
      }),
      db.offerWaitlistEntry.updateMany({
        where: { territoryId: territory.id, personalDataErasedAt: null, updatedAt: { lt: cutoff } },
        data: { ...ERASED_CONTACT, ...done },
      }),
      db.usageSeries.updateMany({
        where: { territoryId: territory.id, personalDataErasedAt: null, updatedAt: { lt: cutoff }, appointments: { none: { endsAt: { gte: cutoff } } } },
        data: { personLabel: null, ...done },
      }),
      db.phoneCall.updateMany({
        where: { territoryId: territory.id, erasedAt: null, startedAt: { lt: cutoff } },
        data: { request: "", messageText: null, outcomeNote: null, erasedAt: now },
      }),
    ]);
    erased += counts.reduce((total, { count }) => total + count, 0);
  }
  return erased;
}
