/** SMTP down: the transfer's change is saved, its emails wait in the outbox and go out once SMTP is back. */
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { deliverPendingEmails, type EmailMessage, type EmailTransport } from "@/lib/email/outbox";
import { newTransferCode } from "./code";
import { runTransferTimers } from "./timers";
import { applyTransition } from "./transitions";

/** A transport that fails while `down` is true, and records what it delivered. */
function fakeSmtp() {
  const delivered: EmailMessage[] = [];
  const transport: EmailTransport & { down: boolean; delivered: EmailMessage[] } = {
    down: true,
    delivered,
    async send(message) {
      if (transport.down) throw new Error("connect ECONNREFUSED 127.0.0.1:25");
      delivered.push(message);
    },
  };
  return transport;
}

beforeAll(async () => {
  await seedDemoTerritory(db);
  await db.outboxEmail.deleteMany();
});

describe("SMTP down", () => {
  it("saves the transition and its reminder; the emails wait in the outbox, then go out when SMTP is back", async () => {
    const mediator = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: "informaticien@lien-numerique.exemple.org" } })).id))!;
    const from = await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } });
    const to = await db.structure.findFirstOrThrow({ where: { name: { startsWith: "Espace France Services" } } });
    const id = crypto.randomUUID();
    const transfer = await db.transfer.create({
      data: {
        id,
        parcoursId: id,
        code: newTransferCode(),
        territoryId: to.territoryId,
        fromStructureId: from.id,
        toStructureId: to.id,
        createdById: mediator.userId,
        idempotencyKey: crypto.randomUUID(),
        level: "accompanied",
        needDescription: "Créer une adresse courriel",
      },
    });
    const smtp = fakeSmtp();
    // Two clocks: the transfers' (controlled), and the outbox's (its rows are due from the database's now()).
    const sentAt = new Date("2026-11-20T16:00:00+01:00");
    const start = new Date();
    const outboxNow = (seconds: number) => new Date(start.getTime() + seconds * 1000);

    // The mediator sends the transfer while SMTP is down: the transfer is sent all the same.
    expect(await applyTransition(db, { transferId: transfer.id, actor: mediator, input: { command: "send" }, now: sentAt })).toEqual({ ok: true, status: "sent" });
    expect(await deliverPendingEmails(db, smtp, { now: outboxNow(1) })).toEqual({ sent: 0, failed: 2 });
    expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe("sent");
    const waiting = await db.outboxEmail.findMany({ where: { subject: { contains: transfer.code } } });
    expect(waiting).toHaveLength(2);
    for (const email of waiting) {
      expect(email).toMatchObject({ status: "pending", attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:25" });
      expect(email.nextAttemptAt).toEqual(outboxNow(61));
    }

    // Two working days later SMTP is still down: the reminder is recorded and queued too.
    expect((await runTransferTimers(db, new Date("2026-11-24T16:00:00+01:00"))).ackReminders).toBe(1);
    expect(await deliverPendingEmails(db, smtp, { now: outboxNow(2) })).toEqual({ sent: 0, failed: 2 });
    expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "reminder.acknowledge" } })).toBe(1);
    expect(smtp.delivered).toEqual([]);

    // SMTP is back: nothing goes before the retry time, then everything goes, once.
    smtp.down = false;
    expect(await deliverPendingEmails(db, smtp, { now: outboxNow(30) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverPendingEmails(db, smtp, { now: outboxNow(600) })).toEqual({ sent: 4, failed: 0 });
    expect(smtp.delivered.map((message) => message.to).sort()).toEqual([
      "accueil@franceservices.exemple.fr",
      "accueil@franceservices.exemple.fr",
      "direction@franceservices.exemple.fr",
      "direction@franceservices.exemple.fr",
    ]);
    expect(smtp.delivered.map((message) => message.subject).sort()).toEqual([
      `Nouveau transfert ${transfer.code} de Association Lien numérique`,
      `Nouveau transfert ${transfer.code} de Association Lien numérique`,
      `Rappel : confirmez la réception du transfert ${transfer.code}`,
      `Rappel : confirmez la réception du transfert ${transfer.code}`,
    ]);
    expect(await db.outboxEmail.count({ where: { status: "pending" } })).toBe(0);
    expect(await deliverPendingEmails(db, smtp, { now: outboxNow(3600) })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.delivered).toHaveLength(4);
  });
});
