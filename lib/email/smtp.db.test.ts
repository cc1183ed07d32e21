/**
 * The outbox through a real SMTP server (the `smtp-server` package, on a port of its own): the
 * same delivery code as the app's worker (deliverPendingEmails + createSmtpTransport, nodemailer).
 * The server accepts, then refuses (451), then is stopped, then comes back; the clock is injected.
 */
import { once } from "node:events";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverPendingEmails, enqueueEmail, retryDelayMs } from "./outbox";
import { createSmtpTransport } from "./smtp";

const SMTP_PORT = 3410;
const FROM = "Toile <ne-pas-repondre@toile.test>";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server; `refusing` makes it answer 451 to the message's data. */
function smtpServer() {
  const received: Received[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refusing) {
          callback(Object.assign(new Error("Boîte indisponible, réessayez plus tard"), { responseCode: 451 }));
          return;
        }
        const envelope = session.envelope;
        received.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  return {
    received,
    state,
    async start() {
      server.listen(SMTP_PORT, "127.0.0.1");
      await once(server.server, "listening");
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const transport = createSmtpTransport(`smtp://127.0.0.1:${SMTP_PORT}`, FROM);
let running: ReturnType<typeof smtpServer> | undefined;

/** Enqueued as the app does, due at the test's clock rather than the database's. */
async function enqueueDueAt(due: Date, message: { to: string; subject: string; text: string }) {
  const { id } = await enqueueEmail(db, message);
  await db.outboxEmail.update({ where: { id }, data: { nextAttemptAt: due } });
  return { id };
}

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

afterAll(async () => {
  await running?.stop();
});

describe("the outbox through a real SMTP server", () => {
  it("delivers, keeps the email while the server refuses or is down, and delivers it once when it is back", async () => {
    const t0 = new Date("2026-03-02T09:00:00Z");
    running = smtpServer();
    await running.start();

    // Accepted: the right sender, recipient and subject.
    await enqueueDueAt(t0, { to: "camille@exemple.fr", subject: "Votre lien de connexion", text: "Bonjour Camille" });
    expect(await deliverPendingEmails(db, transport, { now: t0 })).toEqual({ sent: 1, failed: 0 });
    expect(running.received).toHaveLength(1);
    expect(running.received[0]).toMatchObject({ from: "ne-pas-repondre@toile.test", to: ["camille@exemple.fr"] });
    expect(running.received[0]!.raw).toMatch(/^Subject: Votre lien de connexion\r?$/m);
    expect(running.received[0]!.raw).toContain("Bonjour Camille");

    // Refused with a temporary error: still pending, the attempt and the server's answer recorded.
    running.state.refusing = true;
    const { id } = await enqueueDueAt(t0, { to: "dominique@exemple.fr", subject: "Invitation", text: "Bonjour Dominique" });
    expect(await deliverPendingEmails(db, transport, { now: t0 })).toEqual({ sent: 0, failed: 1 });
    let row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(row.lastError).toContain("451");
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(running.received).toHaveLength(1);

    // Not retried before its time.
    expect(await deliverPendingEmails(db, transport, { now: t0 })).toEqual({ sent: 0, failed: 0 });

    // The server is down: the retry fails on the connection, the second attempt is recorded.
    await running.stop();
    const t1 = new Date(row.nextAttemptAt.getTime());
    expect(await deliverPendingEmails(db, transport, { now: t1 })).toEqual({ sent: 0, failed: 1 });
    row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 2, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + retryDelayMs(2));

    // Back (a new server on the same port, accepting): delivered once, then never again.
    running = smtpServer();
    await running.start();
    const t2 = new Date(row.nextAttemptAt.getTime());
    expect(await deliverPendingEmails(db, transport, { now: t2 })).toEqual({ sent: 1, failed: 0 });
    expect(await deliverPendingEmails(db, transport, { now: new Date(t2.getTime() + retryDelayMs(5)) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(running.received).toHaveLength(1);
    expect(running.received[0]).toMatchObject({ to: ["dominique@exemple.fr"] });
    expect(running.received[0]!.raw).toMatch(/^Subject: Invitation\r?$/m);
    row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });
});
