/**
 * The scheduled steps of time given to people (issue 17), run by the worker (lib/transfers/worker.ts)
 * once per tick after the transfer timers and the purges, with the clock as a parameter. Each step
 * is a function of (db, now) that returns how many rows it handled; like the timers, each one is
 * made of conditional updates in short transactions, so several instances may run them at once.
 * A failing step is logged and does not stop the others.
 */
import type { PrismaClient } from "@/lib/db";
import { eraseResidentData } from "@/lib/resident-booking/retention";
import { releaseExpiredHolds } from "@/lib/resident-booking/waitlist";
import { runAppointmentReminders, runWorkshopReminders } from "@/lib/reminders/day-before";
import { deliverSmsStep } from "@/lib/sms/outbox";
import { purgeTimePersonalData } from "@/lib/time-retention/purge";
import { closeEndedCampaigns } from "@/lib/campaigns/close";
import { sendQueuedInvitations, sendReminders } from "@/lib/campaigns/delivery";

export type TimeJob = (db: PrismaClient, now: Date) => Promise<number>;

/** Name (in the log) → step. */
const TIME_JOBS: Record<string, TimeJob> = {
  // Each feature adds its step on its own line (reminders, held slots, retention…).
  releaseExpiredHolds,
  eraseResidentData,
  appointmentReminders: runAppointmentReminders,
  workshopReminders: runWorkshopReminders,
  deliverSms: deliverSmsStep(),
  purgeTimePersonalData,
  // Update campaigns (issue 21): links still to write, reminders due, campaigns that ended.
  campaignInvitations: (db, now) => sendQueuedInvitations(db, now),
  campaignReminders: (db, now) => sendReminders(db, now),
  campaignEnds: closeEndedCampaigns,
};

export async function runTimeJobs(
  db: PrismaClient,
  now: Date,
  onError: (name: string, error: unknown) => void,
  jobs: Record<string, TimeJob> = TIME_JOBS,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, job] of Object.entries(jobs)) {
    try {
      counts[name] = await job(db, now);
    } catch (error) {
      onError(name, error);
    }
  }
  return counts;
}
