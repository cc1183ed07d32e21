/** Runs once when the Next.js server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads the server code to prerender pages: no worker during a build.
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  // Reminders, expiry and the retention purge of transfers: every minute, with or without SMTP
  // (their emails wait in the outbox). Once per transfer even with several instances.
  const { startTransferTimersOnce } = await import("@/lib/transfers/worker");
  startTransferTimersOnce();

  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    if (process.env.NODE_ENV === "production") {
      console.warn("SMTP_URL n'est pas défini : les courriels restent dans la file d'envoi (table OutboxEmail).");
    }
    return;
  }
  const { startOutboxWorker } = await import("@/lib/email/worker");
  startOutboxWorker(smtpUrl);
}
