/** Runs once when the Next.js server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
