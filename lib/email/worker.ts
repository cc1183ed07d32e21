/**
 * Delivers the outbox every few seconds from inside the app server, when SMTP_URL is set.
 * Safe with several instances: each claims its own batch (see outbox.ts).
 */
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { PrismaClient } from "@/lib/db";
import { deliverPendingEmails, type EmailTransport } from "./outbox";
import { createSmtpTransport } from "./smtp";

const INTERVAL_MS = 10_000;
const BATCH_SIZE = 20;
/** 1,000 emails per tick at most: the rest waits ten seconds. */
const MAX_BATCHES_PER_TICK = 50;

/** One tick of the worker: a full batch means more are waiting (a campaign's emails), so it goes on, up to a bound. Returns how many it sent. */
export async function deliverTick(database: PrismaClient, transport: EmailTransport): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch += 1) {
    const { sent, failed } = await deliverPendingEmails(database, transport, { batchSize: BATCH_SIZE });
    total += sent;
    if (sent + failed < BATCH_SIZE) break;
  }
  return total;
}

export function startOutboxWorker(smtpUrl: string) {
  const transport = createSmtpTransport(smtpUrl);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverTick(db, transport);
    } catch (error) {
      log.error({ err: error }, "Envoi des courriels : échec (réessayé au prochain passage)");
    } finally {
      running = false;
    }
  }, INTERVAL_MS);
  timer.unref();
}
