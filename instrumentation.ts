import type { Instrumentation } from "next";
import { noteDatabaseError } from "@/lib/database/availability";

/** Runs once when the Next.js server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads the server code to prerender pages: no worker during a build.
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  // Reminders, expiry and the retention purge of transfers: every minute, with or without SMTP
  // (their emails wait in the outbox). Once per transfer even with several instances.
  const { startTransferTimersOnce } = await import("@/lib/transfers/worker");
  startTransferTimersOnce();

  // Import jobs (reading, previewing, committing uploaded files): every couple of seconds, and at
  // once when one is queued. Each job is claimed by one instance, with a lease.
  const { startImportWorkerOnce } = await import("@/lib/open-data/import/worker");
  startImportWorkerOnce();

  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    if (process.env.NODE_ENV === "production") {
      const { log } = await import("@/lib/log");
      log.warn("SMTP_URL n'est pas défini : les courriels restent dans la file d'envoi (table OutboxEmail).");
    }
    return;
  }
  const { startOutboxWorker } = await import("@/lib/email/worker");
  startOutboxWorker(smtpUrl);
}

/**
 * Every error Next.js catches on the server (a page, a route handler, a server action, the proxy),
 * as one log line with the `digest` the error page shows — the reference a person quotes to
 * support — and the request's id. The path without its query, which may hold an email (sign-in
 * links) or a search; the request's headers are not logged.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything is awaited, while the answer is not yet written: the server then answers
  // 503 rather than 500 (lib/database/availability.ts).
  noteDatabaseError(error);
  const { serverErrorLine } = await import("@/lib/log-request-error");
  const { log } = await import("@/lib/log");
  const { fields, message } = serverErrorLine(error, request, context);
  log.error(fields, message);
};
