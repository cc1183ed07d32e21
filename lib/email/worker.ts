/**
 * Delivers the outbox every few seconds from inside the app server, when SMTP_URL is set.
 * Safe with several instances: each claims its own batch (see outbox.ts).
 */
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { deliverPendingEmails } from "./outbox";
import { createSmtpTransport } from "./smtp";

const INTERVAL_MS = 10_000;

export function startOutboxWorker(smtpUrl: string) {
  const transport = createSmtpTransport(smtpUrl);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverPendingEmails(db, transport);
    } catch (error) {
      log.error({ err: error }, "Envoi des courriels : échec (réessayé au prochain passage)");
    } finally {
      running = false;
    }
  }, INTERVAL_MS);
  timer.unref();
}
