import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverPendingEmails, enqueueEmail, MAX_ATTEMPTS, retryDelayMs, type EmailMessage } from "./outbox";

const message = (to: string): EmailMessage => ({ to, subject: "Votre lien de connexion", text: "Bonjour" });

function recordingTransport(failFor: string[] = []) {
  const delivered: EmailMessage[] = [];
  return {
    delivered,
    async send(email: EmailMessage) {
      if (failFor.includes(email.to)) throw new Error("SMTP 451 temporary failure");
      delivered.push(email);
    },
  };
}

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe("the email outbox", () => {
  it("sends pending emails once and records them as sent", async () => {
    await enqueueEmail(db, message("a@exemple.fr"));
    await enqueueEmail(db, message("b@exemple.fr"));
    const transport = recordingTransport();

    expect(await deliverPendingEmails(db, transport)).toEqual({ sent: 2, failed: 0 });
    expect(await deliverPendingEmails(db, transport)).toEqual({ sent: 0, failed: 0 });
    expect(transport.delivered.map((email) => email.to).sort()).toEqual(["a@exemple.fr", "b@exemple.fr"]);
    const rows = await db.outboxEmail.findMany();
    expect(rows.every((row) => row.status === "sent" && row.sentAt && row.attempts === 1)).toBe(true);
  });

  it("keeps a failed email, with the error, for a later attempt", async () => {
    const { id } = await enqueueEmail(db, message("down@exemple.fr"));
    const now = new Date();
    expect(await deliverPendingEmails(db, recordingTransport(["down@exemple.fr"]), { now })).toEqual({
      sent: 0,
      failed: 1,
    });
    let row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP 451 temporary failure" });
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // Not retried before its time, delivered after.
    expect(await deliverPendingEmails(db, recordingTransport(), { now })).toEqual({ sent: 0, failed: 0 });
    const later = new Date(now.getTime() + retryDelayMs(1));
    expect(await deliverPendingEmails(db, recordingTransport(), { now: later })).toEqual({ sent: 1, failed: 0 });
    row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("fails an address the server refuses for good (5xx) at once, and retries a temporary refusal (4xx)", async () => {
    await enqueueEmail(db, message("inconnu@exemple.fr"));
    await enqueueEmail(db, message("plein@exemple.fr"));
    const transport = {
      async send(email: EmailMessage) {
        const [code, text] = email.to.startsWith("inconnu") ? [550, "550 5.1.1 User unknown"] : [452, "452 4.2.2 Mailbox full"];
        throw Object.assign(new Error(text), { responseCode: code });
      },
    };
    expect(await deliverPendingEmails(db, transport)).toEqual({ sent: 0, failed: 2 });
    const rows = await db.outboxEmail.findMany({ orderBy: { to: "asc" }, select: { to: true, status: true, attempts: true, lastError: true } });
    expect(rows).toEqual([
      { to: "inconnu@exemple.fr", status: "failed", attempts: 1, lastError: "550 5.1.1 User unknown" },
      { to: "plein@exemple.fr", status: "pending", attempts: 1, lastError: "452 4.2.2 Mailbox full" },
    ]);
  });

  it("gives up after the last attempt and says so", async () => {
    const { id } = await enqueueEmail(db, message("gone@exemple.fr"));
    await db.outboxEmail.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await deliverPendingEmails(db, recordingTransport(["gone@exemple.fr"]));
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
    });
  });

  it("does not send an email whose batch another instance has claimed", async () => {
    await enqueueEmail(db, message("once@exemple.fr"));
    const first = recordingTransport();
    const second = recordingTransport();
    const results = await Promise.all([deliverPendingEmails(db, first), deliverPendingEmails(db, second)]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(first.delivered.length + second.delivered.length).toBe(1);
  });
});
