/**
 * The email outbox. An email is a row written in the same transaction as the change that causes
 * it; `deliverPendingEmails` sends the due ones (several app instances may run it: each claims
 * its batch with FOR UPDATE SKIP LOCKED and a lease), retrying with growing delays.
 */
import type { PrismaClient } from "@/lib/db";
import type { OutboxEmail } from "@/lib/generated/prisma/client";

type Db = Pick<PrismaClient, "outboxEmail" | "$queryRaw">;

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What it belongs to, for the page that follows it (e.g. "campaign-target:<id>"). */
  reference?: string;
}

export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
}

export const MAX_ATTEMPTS = 6;
/** Messages of a batch in flight at once (the SMTP transport keeps a pool of as many connections). */
export const SENDS_AT_ONCE = 5;
/** While a batch is being sent, no other instance takes it. */
const LEASE_MS = 5 * 60_000;

/** Minutes before the next attempt after `attempts` failures: 1, 5, 15, 60, 240. */
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 15, 60, 240][Math.min(attempts, 5) - 1] ?? 1;
  return minutes * 60_000;
}

/** An SMTP refusal that retrying will not change: a 5xx reply (RFC 5321), e.g. 550 "no such user". */
function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function enqueueEmail(db: Pick<PrismaClient, "outboxEmail">, message: EmailMessage) {
  return db.outboxEmail.create({ data: message });
}

export async function deliverPendingEmails(
  db: Db,
  transport: EmailTransport,
  { now = new Date(), batchSize = 20, concurrency = SENDS_AT_ONCE } = {},
): Promise<{ sent: number; failed: number }> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail" SET "nextAttemptAt" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;

  let sent = 0;
  let failed = 0;
  // A few at a time: each SMTP exchange mostly waits (about 40 ms of round trips and acknowledgements
  // per message even on one machine), so sending one after the other caps a campaign at ~1,300 a minute.
  const queue = [...claimed];
  const sendNext = async (): Promise<void> => {
    const email = queue.shift();
    if (!email) return;
    await deliver(email);
    return sendNext();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, sendNext));
  return { sent, failed };

  async function deliver(email: OutboxEmail) {
    const attempts = email.attempts + 1;
    try {
      await transport.send({ to: email.to, subject: email.subject, text: email.text, html: email.html ?? undefined });
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { status: "sent", attempts, sentAt: new Date(), lastError: null },
      });
      sent += 1;
    } catch (error) {
      // A 5xx answer (unknown mailbox, refused domain) will not change: failed at once, not retried for hours.
      const giveUp = attempts >= MAX_ATTEMPTS || isPermanentFailure(error);
      await db.outboxEmail.update({
        where: { id: email.id },
        data: {
          attempts,
          lastError: (error as Error).message.slice(0, 1000),
          status: giveUp ? "failed" : "pending",
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
      failed += 1;
    }
  }
}
