import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTransfer } from "./create";
import { loadCreatePage } from "./create-form";
import { decryptPersonalDetails } from "./personal-data";
import { transferSchema, type TransferFormInput } from "./schemas";

let mediator: SignedInActor; // Lucas Petit: Association Lien numérique and Centre social des Tilleuls
let receiver: SignedInActor; // Sophie Leroy, France Services
let outsider: SignedInActor; // a member of the Médiathèque only
let fromStructureId: string;
let franceServicesOfferId: string; // accepts transfers
let franceServicesPlaceId: string;
let libreAccesOfferId: string; // does not accept transfers
let ccasOfferId: string; // 60 and over, stale
let draftOfferId: string;
let otherTerritoryOfferId: string;
let mediathequePlaceId: string;
let needTermId: string;

const now = new Date("2026-11-23T09:00:00Z"); // a Monday
const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
const offerByTitle = async (title: string) => (await db.offer.findFirstOrThrow({ where: { title } })).id;

beforeAll(async () => {
  await seedDemoTerritory(db);
  mediator = await actorByEmail("informaticien@lien-numerique.exemple.org");
  receiver = await actorByEmail("accueil@franceservices.exemple.fr");
  const mediatheque = await db.structure.findFirstOrThrow({ where: { name: "Médiathèque Jean-de-La-Fontaine" } });
  const user = await db.user.create({ data: { email: "agent@mediatheque.exemple.fr", name: "Agent médiathèque" } });
  await db.structureMembership.create({ data: { userId: user.id, structureId: mediatheque.id, role: "member" } });
  outsider = (await loadActor(db, user.id))!;
  fromStructureId = (await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } })).id;
  franceServicesOfferId = await offerByTitle("Aide aux démarches administratives en ligne");
  franceServicesPlaceId = (await db.place.findFirstOrThrow({ where: { name: "Espace France Services" } })).id;
  mediathequePlaceId = (await db.place.findFirstOrThrow({ where: { name: "Médiathèque" } })).id;
  libreAccesOfferId = await offerByTitle("Ordinateur, imprimante et scanner en libre accès");
  ccasOfferId = await offerByTitle("Démarches en ligne faites pour vous, à partir de 60 ans");
  draftOfferId = await offerByTitle("Formation à la modélisation 3D");
  needTermId = (
    await db.offerTerm.findFirstOrThrow({ where: { offerId: franceServicesOfferId, term: { vocabulary: { role: "need" } } } })
  ).termId;

  // Another territory, with a published offer that accepts transfers.
  const territory = await db.territory.create({ data: { slug: "ailleurs", name: "Ailleurs", country: "FR" } });
  const structure = await db.structure.create({ data: { territoryId: territory.id, name: "Ailleurs numérique", status: "published" } });
  otherTerritoryOfferId = (
    await db.offer.create({ data: { structureId: structure.id, territoryId: territory.id, title: "Aide ailleurs", status: "published", acceptsTransfers: true, lastVerifiedAt: now } })
  ).id;
});

const input = (changes: Partial<TransferFormInput> = {}) =>
  transferSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    fromStructureId,
    offerId: franceServicesOfferId,
    level: "accompanied",
    intent: "draft",
    needDescription: "Refaire un CV pour une candidature",
    ...changes,
  });

const countFor = (key: string) => db.transfer.count({ where: { idempotencyKey: key } });

describe("createTransfer", () => {
  it("creates a draft with the analysis, the checklist and an appointment; the 'created' event; no email yet", async () => {
    const result = await createTransfer(
      db,
      mediator,
      input({
        needTermId,
        urgency: "urgent",
        deadline: "2026-11-27",
        digitalEase: "basic",
        equipment: ["computer", "internet"],
        supportGoal: "both",
        documents: [
          { label: "CV", status: "ready" },
          { label: "Lettre de motivation", status: "missing" },
        ],
        personLabel: "José",
        appointmentDate: "2026-11-24",
        appointmentTime: "10:30",
        appointmentPlaceId: franceServicesPlaceId,
        askFor: "L'accueil, de la part de Lucas",
      }),
      now,
    );
    expect(result).toMatchObject({ ok: true, existing: false, code: expect.stringMatching(/^TR-[0-9A-Z]{4}-[0-9A-Z]{2}$/) });
    if (!result.ok) return;
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: result.transferId } });
    const toStructure = await db.offer.findUniqueOrThrow({ where: { id: franceServicesOfferId }, select: { structureId: true } });
    expect(stored).toMatchObject({
      status: "draft",
      parcoursId: result.transferId,
      previousTransferId: null,
      fromStructureId,
      toStructureId: toStructure.structureId,
      createdById: mediator.userId,
      urgency: "urgent",
      equipment: ["computer", "internet"],
      documents: [
        { label: "CV", ready: true },
        { label: "Lettre de motivation", ready: false },
      ],
      personLabel: "José",
      personalDetailsEncrypted: null,
      consentGivenAt: null,
      consentScope: [],
      askFor: "L'accueil, de la part de Lucas",
      appointmentPlaceId: franceServicesPlaceId,
    });
    // 10:30 in Paris in November is 09:30 UTC.
    expect(stored.appointmentAt?.toISOString()).toBe("2026-11-24T09:30:00.000Z");
    expect(stored.deadline?.toISOString().slice(0, 10)).toBe("2026-11-27");
    const events = await db.transferEvent.findMany({ where: { transferId: result.transferId } });
    expect(events).toMatchObject([{ type: "created", toStatus: "draft", actorId: mediator.userId }]);
    expect(await db.outboxEmail.count({ where: { subject: { contains: result.code } } })).toBe(0);
  });

  it("sends at once when asked: the receiving structure's members are emailed, without the person's data", async () => {
    const result = await createTransfer(
      db,
      mediator,
      input({ intent: "send", personLabel: "José", consent: "on", consentScope: ["contact"], phone: "06 98 76 54 32" }),
      now,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: result.transferId } });
    expect(stored.status).toBe("sent");
    expect(stored.sentAt).toEqual(now);
    const emails = await db.outboxEmail.findMany({ where: { subject: { contains: result.code } }, orderBy: { to: "asc" } });
    expect(emails.map((email) => email.to)).toEqual(["accueil@franceservices.exemple.fr", "direction@franceservices.exemple.fr"]);
    for (const email of emails) {
      expect(email.text).not.toContain("06 98 76 54 32");
      expect(email.text).not.toContain("José");
    }
    const events = await db.transferEvent.findMany({ where: { transferId: result.transferId }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type).sort()).toEqual(["created", "sent"]);
  });

  it("encrypts the consented details at rest, and records the consent (what, when, by whom)", async () => {
    const result = await createTransfer(
      db,
      mediator,
      input({
        personLabel: "Véro",
        consent: "on",
        consentScope: ["contact", "language"],
        phone: "06 11 22 33 44",
        email: "vero@exemple.fr",
        language: "ar",
      }),
      now,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [raw] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Transfer" WHERE id = ${result.transferId}::uuid`;
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain("06 11 22 33 44");
    expect(rawText).not.toContain("vero@exemple.fr");
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: result.transferId } });
    expect(stored).toMatchObject({ consentGivenAt: now, consentRecordedById: mediator.userId, consentScope: ["contact", "language"] });
    expect(decryptPersonalDetails(stored.personalDetailsEncrypted!)).toEqual({
      phone: "06 11 22 33 44",
      email: "vero@exemple.fr",
      language: "ar",
      accessibilityNeeds: null,
    });
  });

  it("stores no detail outside the consented scope, even when the schema is bypassed", async () => {
    const unchecked = { ...input({ consent: "on", consentScope: ["language"], language: "ar" }), phone: "06 11 22 33 44" };
    const result = await createTransfer(db, mediator, unchecked, now);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: result.transferId } });
    expect(decryptPersonalDetails(stored.personalDetailsEncrypted!)).toEqual({ phone: null, email: null, language: "ar", accessibilityNeeds: null });
  });

  it("refuses, writing nothing: another territory's offer, a draft offer, a structure the actor is not a member of", async () => {
    const before = await db.transfer.count();
    for (const [actor, changes] of [
      [mediator, { offerId: otherTerritoryOfferId }],
      [mediator, { offerId: draftOfferId }],
      [mediator, { offerId: crypto.randomUUID() }],
      [outsider, {}],
      [receiver, {}],
    ] as const) {
      expect(await createTransfer(db, actor, input(changes), now)).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await db.transfer.count()).toBe(before);
  });

  it("refuses a forged place, a need from another vocabulary, a past deadline or appointment, with the field to fix", async () => {
    const before = await db.transfer.count();
    const posture = await db.vocabularyTerm.findFirstOrThrow({ where: { vocabulary: { role: "posture" } } });
    for (const [changes, field, code] of [
      [{ appointmentPlaceId: mediathequePlaceId }, "appointmentPlaceId", "transfer.appointment_place_unknown"],
      [{ needTermId: posture.id }, "needTermId", "transfer.need_unknown"],
      [{ deadline: "2026-11-22" }, "deadline", "transfer.deadline_past"],
      [{ appointmentDate: "2026-11-23", appointmentTime: "09:30" }, "appointmentDate", "transfer.appointment_past"],
      [{ previousTransferId: crypto.randomUUID() }, "previousTransferId", "transfer.previous_not_found"],
    ] as const) {
      expect(await createTransfer(db, mediator, input(changes), now)).toMatchObject({ ok: false, reason: "invalid", field, error: { code } });
    }
    expect(await db.transfer.count()).toBe(before);
  });

  it("allows only a simple transfer to an offer that does not accept transfers", async () => {
    expect(await createTransfer(db, mediator, input({ offerId: libreAccesOfferId, level: "accompanied" }), now)).toMatchObject({
      ok: false,
      field: "level",
      error: { code: "transfer.level_not_accepted" },
    });
    expect(await createTransfer(db, mediator, input({ offerId: libreAccesOfferId, level: "simple", intent: "send" }), now)).toMatchObject({ ok: true });
  });

  it("asks for 'Je transfère quand même' before sending to an offer with warnings (stale, other ages)", async () => {
    expect(await createTransfer(db, mediator, input({ offerId: ccasOfferId, intent: "send", ageBand: "26_59" }), now)).toMatchObject({
      ok: false,
      field: "confirmWarnings",
      error: { code: "transfer.warnings_not_confirmed", params: { warnings: expect.arrayContaining([expect.stringContaining("60 ans")]) } },
    });
    // A draft may be saved without confirming.
    expect(await createTransfer(db, mediator, input({ offerId: ccasOfferId, intent: "draft" }), now)).toMatchObject({ ok: true });
    expect(await createTransfer(db, mediator, input({ offerId: ccasOfferId, intent: "send", confirmWarnings: "on" }), now)).toMatchObject({ ok: true });
  });

  it("returns the same transfer for a second submit of the same form", async () => {
    const form = input({ intent: "send" });
    const first = await createTransfer(db, mediator, form, now);
    const second = await createTransfer(db, mediator, form, now);
    expect(first).toMatchObject({ ok: true, existing: false });
    expect(second).toEqual({ ...first, existing: true });
    expect(await countFor(form.idempotencyKey)).toBe(1);
    // Someone else replaying the key learns nothing.
    expect(await createTransfer(db, receiver, form, now)).toEqual({ ok: false, reason: "not_found" });
    if (first.ok) expect(await db.outboxEmail.count({ where: { subject: { contains: first.code } } })).toBe(2);
  });

  it("re-orients: the new transfer joins the previous one's parcours; the form is prefilled without personal details", async () => {
    const first = await createTransfer(
      db,
      mediator,
      input({
        intent: "send",
        needDescription: "Télé-candidature France Travail",
        urgency: "urgent",
        documents: [{ label: "CV", status: "ready" }],
        personLabel: "José",
        consent: "on",
        consentScope: ["contact"],
        phone: "06 12 12 12 12",
      }),
      now,
    );
    if (!first.ok) throw new Error(JSON.stringify(first));
    const page = await loadCreatePage(db, mediator, { offerId: franceServicesOfferId, previousTransferId: first.transferId, now });
    expect(page?.previous).toMatchObject({ id: first.transferId, code: first.code });
    expect(page?.defaults).toMatchObject({
      previousTransferId: first.transferId,
      needDescription: "Télé-candidature France Travail",
      urgency: "urgent",
      personLabel: "José",
      consent: false,
      consentScope: [],
      phone: "",
    });
    expect(page?.defaults.documents[0]).toEqual({ label: "CV", status: "ready" });
    // Someone who is not a party gets no prefill.
    expect((await loadCreatePage(db, outsider, { offerId: franceServicesOfferId, previousTransferId: first.transferId, now }))?.previous).toBeNull();

    const second = await createTransfer(db, receiver, input({ fromStructureId: (await db.offer.findUniqueOrThrow({ where: { id: franceServicesOfferId } })).structureId, previousTransferId: first.transferId }), now);
    if (!second.ok) throw new Error(JSON.stringify(second));
    const stored = await db.transfer.findUniqueOrThrow({ where: { id: second.transferId } });
    expect(stored).toMatchObject({ parcoursId: first.transferId, previousTransferId: first.transferId });
    // A transfer the actor has no part in cannot be continued.
    const outsiderStructure = outsider.memberships[0]!.structureId;
    expect(
      await createTransfer(db, outsider, input({ fromStructureId: outsiderStructure, offerId: libreAccesOfferId, level: "simple", previousTransferId: first.transferId }), now),
    ).toMatchObject({ ok: false, field: "previousTransferId" });
  });

  it("re-orients on behalf of the structure that sent the first transfer, not the first of the mediator's structures", async () => {
    const centreSocial = (await db.structure.findFirstOrThrow({ where: { name: "Centre social des Tilleuls" } })).id;
    const first = await createTransfer(db, mediator, input({ fromStructureId: centreSocial, intent: "send", needDescription: "Ouvrir un compte Ameli" }), now);
    if (!first.ok) throw new Error(JSON.stringify(first));
    const page = await loadCreatePage(db, mediator, { offerId: ccasOfferId, previousTransferId: first.transferId, now });
    expect(page?.sendingStructures.map((structure) => structure.id)).toEqual([fromStructureId, centreSocial]);
    expect(page?.defaults.fromStructureId).toBe(centreSocial);
    // Without a previous transfer: the first of the actor's structures.
    expect((await loadCreatePage(db, mediator, { offerId: ccasOfferId, now }))?.defaults.fromStructureId).toBe(fromStructureId);
  });
});

describe("a double click: two submits of the same form at the same moment", () => {
  // Two separate clients, each with its own connection: the requests truly run in parallel.
  const clients = [0, 1].map(() => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
  afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

  it("creates one transfer, sends it once, and both answers name it", async () => {
    for (let round = 0; round < 5; round++) {
      const form = input({ intent: "send" });
      const results = await Promise.all(clients.map((client) => createTransfer(client as never, mediator, form, now)));
      expect(results.every((result) => result.ok)).toBe(true);
      const ids = new Set(results.map((result) => (result.ok ? result.transferId : null)));
      expect(ids.size).toBe(1);
      expect(results.filter((result) => result.ok && result.existing)).toHaveLength(1);
      expect(await countFor(form.idempotencyKey)).toBe(1);
      const code = results[0]!.ok ? results[0]!.code : "";
      expect(await db.outboxEmail.count({ where: { subject: { contains: code } } })).toBe(2);
    }
  });
});
