import nodemailer from "nodemailer";
import { SENDS_AT_ONCE, type EmailTransport } from "./outbox";

/**
 * SMTP_URL with a pool of connections, as many as the outbox sends at once, unless the URL says
 * otherwise (`?pool=false`): a campaign's thousands of emails reuse a few connections instead of
 * opening one each.
 */
export function pooledSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (url.searchParams.has("pool")) return smtpUrl;
  url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", String(SENDS_AT_ONCE));
  return url.toString();
}

/** SMTP delivery, configured by SMTP_URL (e.g. smtps://user:pass@smtp.example.org) and EMAIL_FROM. */
export function createSmtpTransport(
  smtpUrl: string,
  from = process.env.EMAIL_FROM ?? "Toile <ne-pas-repondre@toile.invalid>",
): EmailTransport {
  const transporter = nodemailer.createTransport(pooledSmtpUrl(smtpUrl));
  return {
    async send(message) {
      await transporter.sendMail({ from, ...message });
    },
  };
}
