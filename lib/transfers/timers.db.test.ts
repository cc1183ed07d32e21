import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { PrismaClient, type TransferLevel, type TransferStatus } from "@/lib/generated/prisma/client";
import { newTransferCode } from "./code";
import { encryptPersonalDetails } from "./personal-data";
import { runTransferTimers, type TimerCounts } from "./timers";

const RECEIVERS = ["accueil@franceservices.exemple.fr", "direction@franceservices.exemple.fr"];
const COORDINATOR = "coordination@val-de-lise.exemple.fr";
const SENDER = "informaticien@lien-numerique.exemple.org";

let territoryId: string;
let fromStructureId: string;
let toStructureId: string;
let mediatorId: string;

/** Paris local times (the demo territory's zone); November is UTC+1, so 16:00 there is 15:00Z. */
const FRIDAY_16H = new Date("2026-11-20T16:00:00+01:00");
const at = (iso: string) => new Date(iso);
const justBefore = (instant: Date) => new Date(instant.getTime() - 1);
/** Two working days after Friday 16:00: Tuesday 16:00. Five: the next Friday 16:00. */
const ACK_DUE = at("2026-11-24T16:00:00+01:00");
const ACCEPT_DUE = at("2026-11-27T16:00:00+01:00");
/** Fourteen calendar days after sending. */
const EXPIRY_DUE = at("2026-12-04T16:00:00+01:00");

const NONE: TimerCounts = { expired: 0, acceptReminders: 0, ackReminders: 0, erased: 0, draftsErased: 0, errors: 0 };
const counts = (partial: Partial<TimerCounts>): TimerCounts => ({ ...NONE, ...partial });

beforeAll(async () => {
  await seedDemoTerritory(db);
  const from = await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } });
  const to = await db.structure.findFirstOrThrow({ where: { name: { startsWith: "Espace France Services" } } });
  fromStructureId = from.id;
  toStructureId = to.id;
  territoryId = to.territoryId;
  mediatorId = (await db.user.findUniqueOrThrow({ where: { email: SENDER } })).id;
  const territory = await db.territory.findUniqueOrThrow({ where: { id: territoryId } });
  expect(territory).toMatchObject({ country: "FR", timeZone: "Europe/Paris" });
});

beforeEach(async () => {
  await db.transferEvent.deleteMany();
  await db.transfer.deleteMany();
  await db.outboxEmail.deleteMany();
  await db.territory.update({
    where: { id: territoryId },
    data: { transferAckReminderWorkingDays: 2, transferAcceptReminderWorkingDays: 5, transferExpiryDays: 14, transferRetentionDays: 90 },
  });
});

interface NewTransfer {
  status?: TransferStatus;
  level?: TransferLevel;
  sentAt?: Date | null;
  closedAt?: Date | null;
  createdAt?: Date;
}

async function newTransfer({ status = "sent", level = "accompanied", sentAt = FRIDAY_16H, closedAt = null, createdAt }: NewTransfer = {}) {
  const id = crypto.randomUUID();
  return db.transfer.create({
    data: {
      id,
      parcoursId: id,
      code: newTransferCode(),
      territoryId,
      fromStructureId,
      toStructureId,
      createdById: mediatorId,
      idempotencyKey: crypto.randomUUID(),
      level,
      status,
      needDescription: "Refaire un CV pour une candidature",
      personLabel: "Véro",
      personalDetailsEncrypted: encryptPersonalDetails({ phone: "0612345678", email: null, language: "fr", accessibilityNeeds: null }),
      consentGivenAt: sentAt ?? createdAt ?? FRIDAY_16H,
      consentScope: ["contact"],
      noteForPartner: "Préfère être appelée le matin",
      askFor: "Mme Durand",
      sentAt: status === "draft" ? null : sentAt,
      closedAt,
      ...(createdAt ? { createdAt } : {}),
    },
  });
}

const emailsAbout = (code: string) => db.outboxEmail.findMany({ where: { subject: { contains: code } }, orderBy: [{ to: "asc" }] });
const eventsOf = (transferId: string) => db.transferEvent.findMany({ where: { transferId }, orderBy: { createdAt: "asc" } });
const setTimers = (data: Partial<Record<"transferAckReminderWorkingDays" | "transferAcceptReminderWorkingDays" | "transferExpiryDays" | "transferRetentionDays", number>>) =>
  db.territory.update({ where: { id: territoryId }, data });

describe("the acknowledge reminder", () => {
  it("goes to the receiving structure's members exactly when 2 working days have passed, once, without the person's data", async () => {
    const transfer = await newTransfer();
    // Sent on Friday 16:00: nothing over the weekend, nothing on Tuesday at 15:59:59.999.
    expect(await runTransferTimers(db, at("2026-11-23T10:00:00+01:00"))).toEqual(NONE);
    expect(await runTransferTimers(db, justBefore(ACK_DUE))).toEqual(NONE);
    expect(await emailsAbout(transfer.code)).toEqual([]);

    expect(await runTransferTimers(db, ACK_DUE)).toEqual(counts({ ackReminders: 1 }));
    const emails = await emailsAbout(transfer.code);
    expect(emails.map((email) => email.to)).toEqual(RECEIVERS);
    for (const email of emails) {
      expect(email.subject).toBe(`Rappel : confirmez la réception du transfert ${transfer.code}`);
      expect(email.text).toContain("Espace France Services du Val de Lise");
      expect(email.text).toContain("Association Lien numérique");
      expect(email.text).toContain("vendredi 20 novembre 2026 à 16:00");
      expect(email.text).toContain(`/transferts/${transfer.id}`);
      expect(email.text).toContain("Bien reçu");
      expect(`${email.subject} ${email.text}`).not.toMatch(/Véro|0612345678|Durand|matin|CV/);
    }
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
    expect(stored.ackReminderSentAt).toEqual(ACK_DUE);
    expect(stored.status).toBe("sent");
    expect(await eventsOf(transfer.id)).toMatchObject([
      { type: "reminder.acknowledge", actorId: null, fromStatus: null, toStatus: null, createdAt: ACK_DUE, details: { workingDays: 2, receivers: 2 } },
    ]);

    // Once: the next minutes, the next day, change nothing.
    expect(await runTransferTimers(db, new Date(ACK_DUE.getTime() + 60_000))).toEqual(NONE);
    expect(await runTransferTimers(db, at("2026-11-25T09:00:00+01:00"))).toEqual(NONE);
    expect(await emailsAbout(transfer.code)).toHaveLength(2);
  });

  it("is not sent once the transfer was acknowledged, nor for a simple transfer", async () => {
    const acknowledged = await newTransfer({ status: "acknowledged" });
    const simple = await newTransfer({ level: "simple" });
    const augmented = await newTransfer({ level: "augmented" });
    expect(await runTransferTimers(db, ACK_DUE)).toEqual(counts({ ackReminders: 1 }));
    expect(await emailsAbout(acknowledged.code)).toEqual([]);
    expect(await emailsAbout(simple.code)).toEqual([]);
    expect(await emailsAbout(augmented.code)).toHaveLength(2);
  });

  it("follows the territory's setting and skips public holidays", async () => {
    await setTimers({ transferAckReminderWorkingDays: 3 });
    // Wednesday 13 May 2026 10:00; Thursday 14 is Ascension: 3 working days are Friday, Monday, Tuesday.
    const transfer = await newTransfer({ sentAt: at("2026-05-13T10:00:00+02:00") });
    expect(await runTransferTimers(db, at("2026-05-19T09:59:00+02:00"))).toEqual(NONE);
    expect(await runTransferTimers(db, at("2026-05-19T10:00:00+02:00"))).toEqual(counts({ ackReminders: 1 }));
    expect(await emailsAbout(transfer.code)).toHaveLength(2);
  });
});

describe("the accept reminder", () => {
  it("goes after 5 working days to the receivers with a copy to the coordinators, once", async () => {
    const sent = await newTransfer();
    const acknowledged = await newTransfer({ status: "acknowledged" });
    const accepted = await newTransfer({ status: "accepted" });
    expect(await runTransferTimers(db, ACK_DUE)).toEqual(counts({ ackReminders: 1 }));
    expect(await runTransferTimers(db, justBefore(ACCEPT_DUE))).toEqual(NONE);

    expect(await runTransferTimers(db, ACCEPT_DUE)).toEqual(counts({ acceptReminders: 2 }));
    for (const transfer of [sent, acknowledged]) {
      const reminders = (await emailsAbout(transfer.code)).filter((email) => !email.subject.includes("confirmez la réception"));
      expect(reminders.map((email) => email.to).sort()).toEqual([...RECEIVERS, COORDINATOR].sort());
      const copy = reminders.find((email) => email.to === COORDINATOR)!;
      expect(copy.subject).toBe(`Copie pour la coordination : le transfert ${transfer.code} attend une réponse`);
      expect(copy.text).toContain("Val de Lise");
      expect(copy.text).toContain("5 jours ouvrés");
      const toReceiver = reminders.find((email) => email.to === RECEIVERS[0])!;
      expect(toReceiver.subject).toBe(`Rappel : le transfert ${transfer.code} attend votre réponse`);
      expect(toReceiver.text).toContain("expirera le vendredi 4 décembre 2026 à 16:00");
      for (const email of reminders) expect(email.text).not.toMatch(/Véro|0612345678|Durand/);
      expect((await eventsOf(transfer.id)).filter((event) => event.type === "reminder.accept")).toMatchObject([
        { actorId: null, createdAt: ACCEPT_DUE, details: { workingDays: 5, receivers: 2, coordinators: 1 } },
      ]);
    }
    expect(await emailsAbout(accepted.code)).toEqual([]);
    expect(await runTransferTimers(db, at("2026-11-30T09:00:00+01:00"))).toEqual(NONE);
  });

  it("replaces the acknowledge reminder when both are due (the worker was down)", async () => {
    const transfer = await newTransfer();
    expect(await runTransferTimers(db, ACCEPT_DUE)).toEqual(counts({ acceptReminders: 1 }));
    expect((await eventsOf(transfer.id)).map((event) => event.type)).toEqual(["reminder.accept"]);
    expect(await runTransferTimers(db, ACCEPT_DUE)).toEqual(NONE);
    expect(await emailsAbout(transfer.code)).toHaveLength(3);
  });

  it("never goes for a simple transfer", async () => {
    const simple = await newTransfer({ level: "simple" });
    expect(await runTransferTimers(db, justBefore(EXPIRY_DUE))).toEqual(NONE);
    expect(await emailsAbout(simple.code)).toEqual([]);
    expect(await eventsOf(simple.id)).toEqual([]);
  });
});

describe("expiry", () => {
  it("expires a sent or acknowledged transfer 14 calendar days after sending, tells the sender, once", async () => {
    const sent = await newTransfer({ status: "sent" });
    const acknowledged = await newTransfer({ status: "acknowledged" });
    const accepted = await newTransfer({ status: "accepted" });
    const simple = await newTransfer({ level: "simple" });
    await runTransferTimers(db, ACCEPT_DUE);
    expect(await runTransferTimers(db, justBefore(EXPIRY_DUE))).toEqual(NONE);

    expect(await runTransferTimers(db, EXPIRY_DUE)).toEqual(counts({ expired: 3 }));
    for (const transfer of [sent, acknowledged, simple]) {
      const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
      expect(stored).toMatchObject({ status: "expired", closedAt: EXPIRY_DUE });
      expect((await eventsOf(transfer.id)).at(-1)).toMatchObject({ type: "expired", actorId: null, toStatus: "expired", createdAt: EXPIRY_DUE });
      const toSender = (await emailsAbout(transfer.code)).filter((email) => email.to === SENDER);
      expect(toSender).toHaveLength(1);
      expect(toSender[0]!.subject).toBe(`Transfert ${transfer.code} : expiré (sans réponse)`);
    }
    expect((await db.transfer.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("accepted");
    expect(await runTransferTimers(db, at("2026-12-10T12:00:00+01:00"))).toEqual(NONE);
  });

  it("follows the territory's setting; an expired transfer gets no reminder", async () => {
    await setTimers({ transferExpiryDays: 7 });
    // Seven calendar days after Friday 16:00 is the next Friday 16:00, when the accept reminder is due too.
    const transfer = await newTransfer({ status: "acknowledged" });
    expect(await runTransferTimers(db, justBefore(ACCEPT_DUE))).toEqual(NONE);
    expect(await runTransferTimers(db, ACCEPT_DUE)).toEqual(counts({ expired: 1 }));
    expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe("expired");
    expect((await emailsAbout(transfer.code)).map((email) => email.to)).toEqual([SENDER]);
  });
});

describe("retention", () => {
  const CLOSED = at("2026-09-01T10:00:00+02:00");
  const PURGE_DUE = at("2026-11-30T10:00:00+01:00"); // 90 calendar days later, same local time

  it("erases the person's data 90 days after closure, leaving the anonymous record, once", async () => {
    const declined = await newTransfer({ status: "declined", sentAt: at("2026-08-28T10:00:00+02:00"), closedAt: CLOSED });
    const recent = await newTransfer({ status: "completed", sentAt: at("2026-09-10T10:00:00+02:00"), closedAt: at("2026-09-15T10:00:00+02:00") });
    expect(await runTransferTimers(db, justBefore(PURGE_DUE))).toEqual(NONE);
    expect((await db.transfer.findUniqueOrThrow({ where: { id: declined.id } })).personLabel).toBe("Véro");

    expect(await runTransferTimers(db, PURGE_DUE)).toEqual(counts({ erased: 1 }));
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: declined.id } });
    expect(stored).toMatchObject({
      personLabel: null,
      personalDetailsEncrypted: null,
      noteForPartner: null,
      askFor: null,
      personalDataErasedAt: PURGE_DUE,
      // The anonymous record stays for the indicators:
      status: "declined",
      level: "accompanied",
      needDescription: "Refaire un CV pour une candidature",
      fromStructureId,
      toStructureId,
      closedAt: CLOSED,
    });
    expect(await eventsOf(declined.id)).toMatchObject([{ type: "personal_data.erased", actorId: null, details: { reason: "retention" } }]);
    expect((await db.transfer.findUniqueOrThrow({ where: { id: recent.id } })).personLabel).toBe("Véro");
    expect(await runTransferTimers(db, at("2026-12-01T10:00:00+01:00"))).toEqual(NONE);
  });

  it("follows the territory's setting", async () => {
    await setTimers({ transferRetentionDays: 30 });
    const transfer = await newTransfer({ status: "cancelled", closedAt: CLOSED });
    expect(await runTransferTimers(db, justBefore(at("2026-10-01T10:00:00+02:00")))).toEqual(NONE);
    expect(await runTransferTimers(db, at("2026-10-01T10:00:00+02:00"))).toEqual(counts({ erased: 1 }));
    expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).personalDataErasedAt).not.toBeNull();
  });

  it("erases drafts never sent for longer than the retention period; a recent draft keeps its data", async () => {
    const old = await newTransfer({ status: "draft", createdAt: CLOSED });
    const recent = await newTransfer({ status: "draft", createdAt: at("2026-09-02T10:00:00+02:00") });
    expect(await runTransferTimers(db, justBefore(PURGE_DUE))).toEqual(NONE);
    expect(await runTransferTimers(db, PURGE_DUE)).toEqual(counts({ draftsErased: 1 }));
    expect(await db.transfer.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "draft", personLabel: null, personalDataErasedAt: PURGE_DUE });
    expect((await db.transfer.findUniqueOrThrow({ where: { id: recent.id } })).personLabel).toBe("Véro");
    expect(await runTransferTimers(db, PURGE_DUE)).toEqual(NONE);
  });

  it("leaves data erased on request alone", async () => {
    const transfer = await newTransfer({ status: "completed", closedAt: CLOSED });
    await db.transfer.update({ where: { id: transfer.id }, data: { personLabel: null, personalDataErasedAt: at("2026-09-05T10:00:00+02:00") } });
    expect(await runTransferTimers(db, PURGE_DUE)).toEqual(NONE);
  });
});

describe("a restart", () => {
  it("loses nothing and repeats nothing: the state is in the rows", async () => {
    const first = await newTransfer();
    expect(await runTransferTimers(db, ACK_DUE)).toEqual(counts({ ackReminders: 1 }));
    // The app stops on Tuesday and starts again on Thursday: a new transfer was sent meanwhile.
    const second = await newTransfer({ sentAt: at("2026-11-24T09:00:00+01:00") });
    expect(await runTransferTimers(db, at("2026-11-26T09:00:00+01:00"))).toEqual(counts({ ackReminders: 1 }));
    expect((await eventsOf(first.id)).map((event) => event.type)).toEqual(["reminder.acknowledge"]);
    expect((await eventsOf(second.id)).map((event) => event.type)).toEqual(["reminder.acknowledge"]);
    expect(await db.outboxEmail.count()).toBe(4);
  });

  it("reads in batches and handles every due row", async () => {
    const transfers = await Promise.all(Array.from({ length: 7 }, (_, index) => newTransfer({ sentAt: new Date(FRIDAY_16H.getTime() - index * 60_000) })));
    expect(await runTransferTimers(db, ACK_DUE, { batchSize: 3 })).toEqual(counts({ ackReminders: 7 }));
    for (const transfer of transfers) expect(await emailsAbout(transfer.code)).toHaveLength(2);
  });

  it("counts and reports a failing action, and goes on with the others", async () => {
    const transfer = await newTransfer();
    await newTransfer({ sentAt: at("2026-11-20T17:00:00+01:00") });
    const failures: string[] = [];
    // The first transaction fails (a lost connection), the others work.
    let transactions = 0;
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "$transaction") return Reflect.get(target, property, receiver);
        return (work: (tx: unknown) => Promise<unknown>) =>
          transactions++ === 0 ? Promise.reject(new Error("connexion perdue")) : target.$transaction(work as never);
      },
    });
    const result = await runTransferTimers(flaky, at("2026-11-24T17:00:00+01:00"), {
      onError: (error, context) => failures.push(`${context.timer} ${context.transferId} ${(error as Error).message}`),
    });
    expect(result).toEqual(counts({ ackReminders: 1, errors: 1 }));
    expect(failures).toEqual([`ackReminders ${transfer.id} connexion perdue`]);
    // The next run does what failed.
    expect(await runTransferTimers(db, at("2026-11-24T17:01:00+01:00"))).toEqual(counts({ ackReminders: 1 }));
  });
});

describe("two app instances running the timers at the same moment", () => {
  // Two separate clients, each with its own connection: the runs truly interleave in PostgreSQL.
  const clients = [0, 1].map(() => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
  afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

  it("send each reminder once, expire once and erase once", async () => {
    for (let round = 0; round < 3; round++) {
      await db.transferEvent.deleteMany();
      await db.transfer.deleteMany();
      await db.outboxEmail.deleteMany();
      const ack = await Promise.all([0, 1, 2, 3].map(() => newTransfer()));
      const accept = await Promise.all([0, 1, 2].map(() => newTransfer({ sentAt: at("2026-11-16T10:00:00+01:00") })));
      const expire = await Promise.all([0, 1, 2].map(() => newTransfer({ sentAt: at("2026-11-06T10:00:00+01:00"), status: "acknowledged" })));
      const erase = await Promise.all([0, 1, 2].map(() => newTransfer({ status: "completed", closedAt: at("2026-08-01T10:00:00+02:00") })));
      const now = at("2026-11-24T16:30:00+01:00");

      const [a, b] = await Promise.all([runTransferTimers(clients[0]!, now, { batchSize: 2 }), runTransferTimers(clients[1]!, now, { batchSize: 2 })]);
      expect(a.ackReminders + b.ackReminders).toBe(4);
      expect(a.acceptReminders + b.acceptReminders).toBe(3);
      expect(a.expired + b.expired).toBe(3);
      expect(a.erased + b.erased).toBe(3);
      expect(a.errors + b.errors).toBe(0);

      for (const transfer of ack) {
        expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "reminder.acknowledge" } })).toBe(1);
        expect((await emailsAbout(transfer.code)).map((email) => email.to)).toEqual(RECEIVERS);
      }
      for (const transfer of accept) {
        expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "reminder.accept" } })).toBe(1);
        expect((await emailsAbout(transfer.code)).map((email) => email.to).sort()).toEqual([...RECEIVERS, COORDINATOR].sort());
      }
      for (const transfer of expire) {
        expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "expired" } })).toBe(1);
        expect((await emailsAbout(transfer.code)).map((email) => email.to)).toEqual([SENDER]);
      }
      for (const transfer of erase) {
        expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "personal_data.erased" } })).toBe(1);
      }
    }
  });
});
