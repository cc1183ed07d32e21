/**
 * Rows that must not outlive their purpose, deleted by the scheduled worker (lib/transfers/worker.ts)
 * once per tick, with the clock as a parameter:
 *
 * - `RateLimitHit` once its limit's window has passed (`expiresAt`): its key holds an email or an
 *   address, kept no longer than the limit needs it;
 * - `ImportJob` once expired (two hours after its last step, lib/open-data/import/jobs.ts), unless
 *   a worker holds it (its lease has not passed): an abandoned upload's file, preview or result
 *   is gone even if its owner never comes back. A done or failed job has already dropped its bytes.
 *
 * - the address a resident left with an error report (`ErrorReportEntry.replyEmail`), erased
 *   `REPORTER_ADDRESS_DAYS` after its case was closed: it served to thank them, nothing more.
 *
 * Safe with several app instances: each purge is one `DELETE … WHERE expiresAt <= now` in batches;
 * two instances deleting the same rows at once delete each row once (the second waits for the
 * first's row lock, then finds the row gone), and a row no purge reached is taken at the next tick.
 */
import type { PrismaClient } from "@/lib/db";

export interface PurgeCounts {
  rateLimitHits: number;
  importJobs: number;
  reporterAddresses: number;
}

/** How long a reporter's address is kept once their report's case is closed (fixed or rejected). */
export const REPORTER_ADDRESS_DAYS = 30;

/** Rows deleted per statement, so that a large backlog never holds locks for long. */
export const PURGE_BATCH = 5_000;

async function inBatches(deleteBatch: () => Promise<number>, maxBatches: number): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < PURGE_BATCH) break;
  }
  return total;
}

/** Expired rate-limit hits: at most `maxBatches` × PURGE_BATCH per call (the rest at the next tick). */
export function purgeRateLimitHits(db: PrismaClient, now: Date, maxBatches = 20): Promise<number> {
  return inBatches(
    () => db.$executeRaw`
      DELETE FROM "RateLimitHit" WHERE "id" IN (
        SELECT "id" FROM "RateLimitHit" WHERE "expiresAt" <= ${now} LIMIT ${PURGE_BATCH}
      )`,
    maxBatches,
  );
}

/** Expired import jobs that no worker holds (few, but each may hold a file of up to 20 MB). */
export async function purgeImportJobs(db: PrismaClient, now: Date): Promise<number> {
  const { count } = await db.importJob.deleteMany({
    where: { expiresAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
  });
  return count;
}

/** Reporters' addresses of cases closed more than REPORTER_ADDRESS_DAYS ago. */
export async function eraseReporterAddresses(db: PrismaClient, now: Date): Promise<number> {
  const closedBefore = new Date(now.getTime() - REPORTER_ADDRESS_DAYS * 24 * 60 * 60_000);
  const { count } = await db.errorReportEntry.updateMany({
    where: { replyEmail: { not: null }, report: { status: { in: ["fixed", "rejected"] }, decidedAt: { lte: closedBefore } } },
    data: { replyEmail: null },
  });
  return count;
}

export async function runPurges(db: PrismaClient, now: Date): Promise<PurgeCounts> {
  return {
    rateLimitHits: await purgeRateLimitHits(db, now),
    importJobs: await purgeImportJobs(db, now),
    reporterAddresses: await eraseReporterAddresses(db, now),
  };
}
