/**
 * Text messages, like emails: `OutboxSms` rows written in the transaction of the change that
 * causes them, delivered by the scheduled worker through an HTTP gateway. The gateway is a setting
 * (`SMS_GATEWAY_URL`, with `SMS_GATEWAY_TOKEN` sent as a Bearer token), off by default: without it
 * the reminders write no SMS (`smsEnabled`), and what was written waits in the table until a
 * gateway is set.
 * Delivery claims due rows with `FOR UPDATE SKIP LOCKED` and a lease, retries failures with the
 * emails' growing delays, and gives up after the same number of attempts.
 */
import type { PrismaClient } from "@/lib/db";
import type { OutboxSms, Prisma } from "@/lib/generated/prisma/client";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/email/outbox";

type Db = PrismaClient | Prisma.TransactionClient;

const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 5_000;

export interface SmsMessage {
  to: string;
  text: string;
}

export type SmsTransport = (message: SmsMessage) => Promise<void>;

export function smsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMS_GATEWAY_URL);
}

/** GSM-7 friendly and one message long: accents folded, at most 160 characters. */
export function smsText(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/’/g, "'")
    .replace(/«\s*|\s*»/g, '"');
  return plain.length <= 160 ? plain : `${plain.slice(0, 159)}.`;
}

/** `now`: when it may be sent (the writer's clock). */
export function enqueueSms(db: Db, message: SmsMessage, now: Date) {
  return db.outboxSms.create({ data: { to: message.to, text: smsText(message.text), nextAttemptAt: now, createdAt: now } });
}

/** POSTs `{ to, text }` as JSON to the gateway; anything but a 2xx, or no answer in 5 s, is a failure. */
export function httpSmsTransport(url: string, token: string | undefined, timeoutMs = TIMEOUT_MS): SmsTransport {
  return async (message) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`Passerelle SMS : HTTP ${response.status}`);
  };
}

export async function deliverPendingSms(db: PrismaClient, transport: SmsTransport, now: Date, batchSize = 20): Promise<number> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<OutboxSms[]>`
    UPDATE "OutboxSms" SET "nextAttemptAt" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "OutboxSms"
      WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  let sent = 0;
  for (const sms of claimed) {
    const attempts = sms.attempts + 1;
    try {
      await transport({ to: sms.to, text: sms.text });
      await db.outboxSms.update({ where: { id: sms.id }, data: { status: "sent", attempts, sentAt: now, lastError: null } });
      sent += 1;
    } catch (error) {
      await db.outboxSms.update({
        where: { id: sms.id },
        data: {
          attempts,
          lastError: (error as Error).message.slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
    }
  }
  return sent;
}

/** The worker's step: deliver through the configured gateway, nothing when there is none. */
export function deliverSmsStep(env: Record<string, string | undefined> = process.env) {
  return async (db: PrismaClient, now: Date) =>
    env.SMS_GATEWAY_URL ? deliverPendingSms(db, httpSmsTransport(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN), now) : 0;
}
