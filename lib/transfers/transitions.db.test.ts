import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { newTransferCode } from "./code";
import { applyTransition } from "./transitions";

let mediator: SignedInActor; // Lucas Petit, Association Lien numérique (sender)
let receiver: SignedInActor; // Sophie Leroy, France Services (receiver)
let receiverAdmin: SignedInActor; // France Services' admin (receiver)
let coordinator: SignedInActor;
let outsider: SignedInActor; // platform admin: no structure
let fromStructureId: string;
let toStructureId: string;
let territoryId: string;

const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db);
  mediator = await actorByEmail("informaticien@lien-numerique.exemple.org");
  receiver = await actorByEmail("accueil@franceservices.exemple.fr");
  receiverAdmin = await actorByEmail("direction@franceservices.exemple.fr");
  coordinator = await actorByEmail("coordination@val-de-lise.exemple.fr");
  outsider = await actorByEmail("admin@toile.exemple.fr");
  const from = await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } });
  const to = await db.structure.findFirstOrThrow({ where: { name: { startsWith: "Espace France Services" } } });
  fromStructureId = from.id;
  toStructureId = to.id;
  territoryId = to.territoryId;
});

async function newTransfer(status: "draft" | "sent" | "acknowledged" | "accepted" = "sent", level: "simple" | "accompanied" = "accompanied") {
  const id = crypto.randomUUID();
  return db.transfer.create({
    data: {
      id,
      parcoursId: id,
      code: newTransferCode(),
      territoryId,
      fromStructureId,
      toStructureId,
      createdById: mediator.userId,
      idempotencyKey: crypto.randomUUID(),
      level,
      status,
      needDescription: "Refaire un CV pour une candidature",
      sentAt: status === "draft" ? null : new Date(),
    },
  });
}

const emailsTo = (transferCode: string) =>
  db.outboxEmail.findMany({ where: { OR: [{ subject: { contains: transferCode } }] }, orderBy: { to: "asc" } });

describe("applyTransition", () => {
  it("sends a draft: the receiving structure's members are emailed, without the person's data", async () => {
    const transfer = await newTransfer("draft");
    expect(await applyTransition(db, { transferId: transfer.id, actor: mediator, input: { command: "send" } })).toEqual({ ok: true, status: "sent" });
    const emails = await emailsTo(transfer.code);
    expect(emails.map((email) => email.to)).toEqual(["accueil@franceservices.exemple.fr", "direction@franceservices.exemple.fr"]);
    expect(emails[0]!.text).toContain(`/transferts/${transfer.id}`);
    expect(emails[0]!.text).toContain("Bien reçu");
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
    expect(stored.sentAt).not.toBeNull();
    const events = await db.transferEvent.findMany({ where: { transferId: transfer.id } });
    expect(events).toMatchObject([{ type: "sent", fromStatus: "draft", toStatus: "sent", actorId: mediator.userId }]);
  });

  it("does not notify the partner of a simple transfer", async () => {
    const transfer = await newTransfer("draft", "simple");
    await applyTransition(db, { transferId: transfer.id, actor: mediator, input: { command: "send" } });
    expect(await emailsTo(transfer.code)).toEqual([]);
  });

  it("walks the happy path and tells the sender at every step", async () => {
    const transfer = await newTransfer("sent");
    for (const [actor, input, status] of [
      [receiver, { command: "acknowledge" }, "acknowledged"],
      [receiverAdmin, { command: "accept" }, "accepted"],
      [receiver, { command: "complete", outcome: "resolved", note: "CV fait" }, "completed"],
    ] as const) {
      expect(await applyTransition(db, { transferId: transfer.id, actor, input })).toEqual({ ok: true, status });
    }
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
    expect(stored).toMatchObject({ status: "completed", outcome: "resolved", outcomeNote: "CV fait" });
    expect(stored.closedAt).not.toBeNull();
    const emails = await emailsTo(transfer.code);
    expect(emails.map((email) => email.to)).toEqual(Array(3).fill("informaticien@lien-numerique.exemple.org"));
    expect(emails.map((email) => email.subject).sort()).toEqual([
      `Transfert ${transfer.code} : accepté`,
      `Transfert ${transfer.code} : bien reçu`,
      `Transfert ${transfer.code} : terminé`,
    ]);
    const events = await db.transferEvent.findMany({ where: { transferId: transfer.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["acknowledged", "accepted", "completed"]);
    expect(events[1]!.details).toMatchObject({ actorStructure: "Espace France Services du Val de Lise" });
  });

  it("refuses, and changes nothing, for another role, another structure or a coordinator", async () => {
    const transfer = await newTransfer("sent");
    expect(await applyTransition(db, { transferId: transfer.id, actor: mediator, input: { command: "accept" } })).toEqual({ ok: false, reason: "not_your_role" });
    expect(await applyTransition(db, { transferId: transfer.id, actor: receiver, input: { command: "cancel", reason: "x" } })).toEqual({
      ok: false,
      reason: "not_your_role",
    });
    expect(await applyTransition(db, { transferId: transfer.id, actor: coordinator, input: { command: "accept" } })).toEqual({ ok: false, reason: "not_your_role" });
    expect(await applyTransition(db, { transferId: transfer.id, actor: outsider, input: { command: "accept" } })).toEqual({ ok: false, reason: "not_found" });
    expect(await applyTransition(db, { transferId: crypto.randomUUID(), actor: receiver, input: { command: "accept" } })).toEqual({ ok: false, reason: "not_found" });
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
    expect(stored.status).toBe("sent");
    expect(await db.transferEvent.count({ where: { transferId: transfer.id } })).toBe(0);
  });

  it("says who acted first when the status has moved on", async () => {
    const transfer = await newTransfer("sent");
    await applyTransition(db, { transferId: transfer.id, actor: receiverAdmin, input: { command: "accept" } });
    const late = await applyTransition(db, {
      transferId: transfer.id,
      actor: receiver,
      input: { command: "decline", reason: "no_capacity", message: null, suggestedStructureId: null },
    });
    expect(late).toMatchObject({ ok: false, reason: "already_handled", status: "accepted", by: expect.stringContaining("France Services") });
  });
});

describe("two receivers acting at the same moment", () => {
  // Two separate clients, each with its own connection: the requests truly run in parallel.
  const clients = [0, 1].map(
    () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }),
  );
  afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

  it("exactly one of accept and decline wins, every time; the other is told who won", async () => {
    for (let round = 0; round < 10; round++) {
      const transfer = await newTransfer(round % 2 ? "acknowledged" : "sent");
      const results = await Promise.all([
        applyTransition(clients[0]! as never, { transferId: transfer.id, actor: receiverAdmin, input: { command: "accept" } }),
        applyTransition(clients[1]! as never, {
          transferId: transfer.id,
          actor: receiver,
          input: { command: "decline", reason: "no_capacity", message: null, suggestedStructureId: null },
        }),
      ]);
      const winners = results.filter((result) => result.ok);
      expect(winners).toHaveLength(1);
      const loser = results.find((result) => !result.ok)!;
      const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
      expect(loser).toMatchObject({ ok: false, reason: "already_handled", status: stored.status });
      expect(["accepted", "declined"]).toContain(stored.status);
      expect(await db.transferEvent.count({ where: { transferId: transfer.id, toStatus: { in: ["accepted", "declined"] } } })).toBe(1);
    }
  });
});
