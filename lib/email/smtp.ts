import nodemailer from "nodemailer";
import type { EmailTransport } from "./outbox";

/** SMTP delivery, configured by SMTP_URL (e.g. smtps://user:pass@smtp.example.org) and EMAIL_FROM. */
export function createSmtpTransport(
  smtpUrl: string,
  from = process.env.EMAIL_FROM ?? "Toile <ne-pas-repondre@toile.invalid>",
): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({ from, ...message });
    },
  };
}
