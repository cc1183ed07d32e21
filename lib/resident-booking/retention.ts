/**
 * What the residents' consent promises (lib/resident-booking/words.ts): their first name and
 * contact details are erased at the latest 3 months after the appointment, or after they joined a
 * waiting list. A scheduled step (lib/maintenance/time-jobs.ts); the rows stay, without the person.
 */
import type { PrismaClient } from "@/lib/db";

const RESIDENT_DATA_MONTHS = 3;

function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

export async function eraseResidentData(db: PrismaClient, now: Date): Promise<number> {
  const before = monthsBefore(now, RESIDENT_DATA_MONTHS);
  const erased = { personLabel: null, personalDetailsEncrypted: null, consentScope: [], personalDataErasedAt: now };
  const appointments = await db.appointment.updateMany({
    where: { channel: { in: ["resident", "waitlist"] }, personalDataErasedAt: null, endsAt: { lt: before } },
    data: erased,
  });
  const entries = await db.offerWaitlistEntry.updateMany({
    where: { personalDataErasedAt: null, createdAt: { lt: before } },
    data: erased,
  });
  // Nobody left to tell: whoever was still waiting leaves the list.
  await db.offerWaitlistEntry.updateMany({ where: { status: "waiting", personalDataErasedAt: { not: null } }, data: { status: "withdrawn" } });
  return appointments.count + entries.count;
}
