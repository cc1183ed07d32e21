import { beforeAll, describe, expect, it } from "vitest";
import type { SignedInActor } from "@/lib/auth/actor";
import { toFailure } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { erasePersonalDataOnRequest, runCommand } from "./commands";
import { insertTransfer, transferCast, type TransferCast } from "./queries.fixtures";
import { findTransferByCode } from "./code-lookup";
import { ficheForParty } from "./fiche";
import { countNewReceived, listInbox, parseInboxFilters, type InboxFilters } from "./inbox";
import { listTerritoryTransfers, parseTerritoryTransferFilters } from "./territory-transfers";
import { getTransferForActor, publishedOffersOf } from "./transfer-view";

let cast: TransferCast;
beforeAll(async () => {
  cast = await transferCast(db);
});

const filters = (change: Partial<InboxFilters> = {}): InboxFilters => ({ ...parseInboxFilters({}), ...change });
const codes = async (...args: Parameters<typeof listInbox>) => (await listInbox(...args)).rows.map((row) => row.code);

describe("inboxes", () => {
  it("the receiver sees it in Reçus, the sender in Envoyés, a third structure nowhere", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    expect(await codes(db, cast.receiver, filters({ direction: "received", group: "new" }))).toContain(transfer.code);
    expect(await codes(db, cast.receiverAdmin, filters({ direction: "received", group: "new" }))).toContain(transfer.code);
    expect(await codes(db, cast.mediator, filters({ direction: "sent", group: "new" }))).toContain(transfer.code);
    expect(await codes(db, cast.mediator, filters({ direction: "received", group: "new" }))).not.toContain(transfer.code);
    expect(await codes(db, cast.receiver, filters({ direction: "sent", group: "new" }))).not.toContain(transfer.code);
    for (const direction of ["received", "sent"] as const) {
      for (const group of ["new", "in_progress", "closed", "draft"] as const) {
        expect(await listInbox(db, cast.third, filters({ direction, group }))).toMatchObject({ rows: [], counts: { new: 0, in_progress: 0, closed: 0, draft: 0 } });
        // Coordinators and platform admins have no inbox: they follow the territory's view.
        expect((await listInbox(db, cast.coordinator, filters({ direction, group }))).rows).toEqual([]);
        expect((await listInbox(db, cast.platformAdmin, filters({ direction, group }))).rows).toEqual([]);
      }
    }
  });

  it("drafts are only in the sender's Brouillons", async () => {
    const draft = await insertTransfer(db, cast, { status: "draft" });
    expect(await codes(db, cast.mediator, filters({ direction: "sent", group: "draft" }))).toContain(draft.code);
    for (const group of ["new", "in_progress", "closed", "draft"] as const) {
      expect(await codes(db, cast.receiver, filters({ direction: "received", group }))).not.toContain(draft.code);
    }
    expect((await listInbox(db, cast.receiver, filters({ direction: "received" }))).counts.draft).toBe(0);
  });

  it("counts each group in one grouped query, with the filters applied", async () => {
    const statuses = ["draft", "sent", "sent", "acknowledged", "accepted", "completed", "declined"] as const;
    const made = [];
    for (const status of statuses) made.push(await insertTransfer(db, cast, { status, level: "augmented", fromStructureId: cast.otherFromStructureId }));
    const sent = await listInbox(db, cast.mediator, filters({ direction: "sent", group: "in_progress", structureId: cast.otherFromStructureId }));
    expect(sent.counts).toEqual({ new: 2, in_progress: 2, closed: 2, draft: 1 });
    expect(sent.rows.map((row) => row.status).sort()).toEqual(["accepted", "acknowledged"]);
    expect(sent.rows.every((row) => row.fromStructure.id === cast.otherFromStructureId)).toBe(true);
    expect(sent.structures.map((structure) => structure.name)).toEqual(["Association Lien numérique", "Centre social des Tilleuls"]);

    const received = await listInbox(db, cast.receiver, filters({ direction: "received", group: "closed", level: "augmented" }));
    expect(received.counts).toEqual({ new: 2, in_progress: 2, closed: 2, draft: 0 });
    expect(received.rows.map((row) => row.code).sort()).toEqual(made.filter((t) => ["completed", "declined"].includes(t.status)).map((t) => t.code).sort());
    expect((await listInbox(db, cast.receiver, filters({ direction: "received", group: "new", level: "augmented", urgency: "urgent" }))).counts.new).toBe(0);
    // A structure the person is not a member of is ignored: their own structures apply.
    const forged = await listInbox(db, cast.mediator, filters({ direction: "sent", group: "new", structureId: cast.toStructureId }));
    expect(forged.rows.every((row) => [cast.fromStructureId, cast.otherFromStructureId].includes(row.fromStructure.id))).toBe(true);
  });

  it("reads the URL leniently, in French", () => {
    expect(parseInboxFilters({ sens: "envoyes", onglet: "brouillons", niveau: "simple", urgence: "urgent", page: "3", code: " tr-7k4q-2m " })).toEqual({
      direction: "sent",
      group: "draft",
      structureId: null,
      level: "simple",
      urgency: "urgent",
      code: "tr-7k4q-2m",
      page: 3,
    });
    // No drafts among received transfers; nonsense falls back to the defaults.
    expect(parseInboxFilters({ sens: "recus", onglet: "brouillons", niveau: "x", structure: "'; drop", page: "-1" })).toMatchObject({
      direction: "received",
      group: "new",
      level: null,
      structureId: null,
      page: 1,
    });
  });

  it("counts new received transfers for the header", async () => {
    const before = await countNewReceived(db, cast.receiver);
    await insertTransfer(db, cast, { status: "sent" });
    await insertTransfer(db, cast, { status: "acknowledged" });
    expect(await countNewReceived(db, cast.receiver)).toBe(before + 1);
    expect(await countNewReceived(db, cast.third)).toBe(0);
    expect(await countNewReceived(db, cast.coordinator)).toBe(0);
  });
});

describe("search by reference code", () => {
  it("opens the actor's own transfer, however the code is typed", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    const typed = transfer.code.toLowerCase().replace(/-/g, " ");
    expect(await findTransferByCode(db, cast.receiver, typed)).toEqual({ kind: "found", id: transfer.id });
    expect(await findTransferByCode(db, cast.mediator, transfer.code.slice(3))).toEqual({ kind: "found", id: transfer.id });
  });

  it("another structure's transfer answers like a code that does not exist", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    expect(await findTransferByCode(db, cast.third, transfer.code)).toEqual({ kind: "none", code: transfer.code });
    expect(await findTransferByCode(db, cast.coordinator, transfer.code)).toEqual({ kind: "none", code: transfer.code });
    expect(await findTransferByCode(db, cast.receiver, "TR-3333-33")).toEqual({ kind: "none", code: "TR-3333-33" });
    const draft = await insertTransfer(db, cast, { status: "draft" });
    expect(await findTransferByCode(db, cast.receiver, draft.code)).toEqual({ kind: "none", code: draft.code });
  });

  it("a partial or malformed code is 'incomplet'", async () => {
    for (const typed of ["TR-7K4Q", "7K4Q2", "TR-7K4Q-2M9", "TR-0000-00", "'; select"]) {
      expect(await findTransferByCode(db, cast.receiver, typed)).toEqual({ kind: "incomplete" });
    }
  });
});

describe("one transfer", () => {
  it("parties see the person's data, decrypted; the coordinator sees the record without it", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    await db.transferEvent.create({
      data: { transferId: transfer.id, actorId: cast.receiver.userId, type: "declined", details: { reason: "other", message: "José a déménagé", actorStructure: "FS" } },
    });
    for (const party of [cast.mediator, cast.receiver, cast.receiverAdmin]) {
      const view = (await getTransferForActor(db, party, transfer.id))!;
      expect(view.personal).toEqual({
        personLabel: "José",
        details: { phone: "06 12 34 56 78", email: null, language: "es", accessibilityNeeds: null },
        unreadable: false,
        noteForPartner: "Préfère être appelé le matin",
        askFor: "Sophie",
        declineMessage: null,
        cancelReason: null,
        outcomeNote: null,
      });
      expect(view.timeline[0]).toMatchObject({ message: "José a déménagé", actorName: "Sophie Leroy", actorStructure: "FS" });
    }
    const coordinated = (await getTransferForActor(db, cast.coordinator, transfer.id))!;
    expect(coordinated.personal).toBeNull();
    expect(coordinated.commands).toEqual([]);
    expect(coordinated.mayErase).toBe(false);
    expect(coordinated.timeline[0]).toMatchObject({ reason: "other", message: null });
    const serialized = JSON.stringify(coordinated);
    for (const secret of ["José", "06 12 34 56 78", "Préfère", "déménagé", transfer.personalDetailsEncrypted!]) expect(serialized).not.toContain(secret);
    expect(coordinated.needDescription).toBe("Refaire un CV pour une candidature");
  });

  it("the timeline is oldest first; 'created' before 'sent' when a transfer was sent at its creation", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    const at = new Date("2026-11-23T09:00:00Z");
    // Ids that would put "sent" first if the timeline relied on them.
    await db.transferEvent.createMany({
      data: [
        { id: "00000000-0000-4000-8000-000000000002", transferId: transfer.id, actorId: cast.mediator.userId, type: "created", toStatus: "draft", createdAt: at },
        { id: "00000000-0000-4000-8000-000000000001", transferId: transfer.id, actorId: cast.mediator.userId, type: "sent", fromStatus: "draft", toStatus: "sent", createdAt: at },
        { transferId: transfer.id, actorId: cast.receiver.userId, type: "acknowledged", fromStatus: "sent", toStatus: "acknowledged", createdAt: new Date(at.getTime() + 60_000) },
      ],
    });
    const view = (await getTransferForActor(db, cast.receiver, transfer.id))!;
    expect(view.timeline.map((entry) => entry.type)).toEqual(["created", "sent", "acknowledged"]);
  });

  it("links the transfers of a parcours only for those who may open them", async () => {
    // Declined by France Services, re-oriented to the Médiathèque, then a draft towards a third partner.
    const first = await insertTransfer(db, cast, { status: "declined", declineReason: "no_capacity", closedAt: new Date() });
    const second = await insertTransfer(db, cast, { parcoursId: first.id, previousTransferId: first.id, toStructureId: cast.thirdStructureId });
    const draft = await insertTransfer(db, cast, { status: "draft", parcoursId: first.id, previousTransferId: second.id, toStructureId: cast.toStructureId });
    const links = async (actor: SignedInActor, id: string) => {
      const view = (await getTransferForActor(db, actor, id))!;
      return { previous: view.previousTransfer?.code ?? null, next: view.nextTransfers.map((next) => next.code) };
    };
    // The sender and the coordinator follow the whole parcours (the draft is the sender's own).
    expect(await links(cast.mediator, first.id)).toEqual({ previous: null, next: [second.code] });
    expect(await links(cast.mediator, second.id)).toEqual({ previous: first.code, next: [draft.code] });
    expect(await links(cast.coordinator, second.id)).toEqual({ previous: first.code, next: [] });
    // Each receiver sees its own transfer, not where the person was before or went next.
    expect(await links(cast.receiver, first.id)).toEqual({ previous: null, next: [] });
    expect(await links(cast.third, second.id)).toEqual({ previous: null, next: [] });
  });

  it("a cancellation's reason, typed freely by the sender, is for the parties only", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    await db.transfer.update({ where: { id: transfer.id }, data: { status: "cancelled", cancelReason: "José est hospitalisé", closedAt: new Date() } });
    await db.transferEvent.create({
      data: { transferId: transfer.id, actorId: cast.mediator.userId, type: "cancelled", details: { reason: "José est hospitalisé", actorStructure: "LN" } },
    });
    const sender = (await getTransferForActor(db, cast.mediator, transfer.id))!;
    expect(sender.personal?.cancelReason).toBe("José est hospitalisé");
    expect(sender.timeline.at(-1)).toMatchObject({ type: "cancelled", reason: null, message: "José est hospitalisé" });
    const coordinated = (await getTransferForActor(db, cast.coordinator, transfer.id))!;
    expect(coordinated.timeline.at(-1)).toMatchObject({ type: "cancelled", reason: null, message: null });
    expect(JSON.stringify(coordinated)).not.toContain("hospitalisé");
  });

  it("is not found for a third structure, a platform admin, a wrong or hostile id", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    expect(await getTransferForActor(db, cast.third, transfer.id)).toBeNull();
    expect(await getTransferForActor(db, cast.platformAdmin, transfer.id)).toBeNull();
    expect(await getTransferForActor(db, cast.receiver, crypto.randomUUID())).toBeNull();
    expect(await getTransferForActor(db, cast.receiver, "../../etc")).toBeNull();
  });

  it("a draft is the sender's own until it is sent", async () => {
    const draft = await insertTransfer(db, cast, { status: "draft" });
    expect((await getTransferForActor(db, cast.mediator, draft.id))!.commands).toEqual(["send", "cancel"]);
    expect(await getTransferForActor(db, cast.receiver, draft.id)).toBeNull();
    expect(await getTransferForActor(db, cast.coordinator, draft.id)).toBeNull();
    // The partner and the coordinator are not told a draft exists, whatever they post.
    const inputs = [{ command: "send" }, { command: "accept" }, { command: "cancel", reason: "Doublon" }] as const;
    for (const input of inputs) {
      expect(await runCommand(db, cast.receiver, draft.id, input)).toEqual({ ok: false, code: "not_found" });
      expect(await runCommand(db, cast.coordinator, draft.id, input)).toEqual({ ok: false, code: "not_found" });
    }
    // Nor do its fiche navette or the erasure of its person's data.
    expect(await ficheForParty(db, cast.receiver, draft.id)).toBeNull();
    expect(await ficheForParty(db, cast.mediator, draft.id)).not.toBeNull();
    expect(await erasePersonalDataOnRequest(db, cast.receiver, draft.id)).toEqual({ ok: false, code: "not_found" });
    expect((await db.transfer.findUniqueOrThrow({ where: { id: draft.id } })).personalDataErasedAt).toBeNull();
    expect(await runCommand(db, cast.mediator, draft.id, { command: "send" })).toEqual({ ok: true, message: "Transfert envoyé." });
    expect((await getTransferForActor(db, cast.receiver, draft.id))!.status).toBe("sent");
  });

  it("offers each party its own buttons, never 'expire'", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    expect((await getTransferForActor(db, cast.receiver, transfer.id))!.commands).toEqual(["acknowledge", "accept", "decline"]);
    expect((await getTransferForActor(db, cast.mediator, transfer.id))!.commands).toEqual(["cancel"]);
  });

  it("says when the stored details cannot be decrypted rather than failing", async () => {
    const transfer = await insertTransfer(db, cast, { personalDetailsEncrypted: "v1.AAAA.BBBB.CCCC" });
    expect((await getTransferForActor(db, cast.receiver, transfer.id))!.personal).toMatchObject({ details: null, unreadable: true });
  });
});

describe("erasing the person's data on request", () => {
  it("either party may erase, once; the record stays; the coordinator and others may not", async () => {
    for (const [party, other] of [
      [cast.receiver, cast.mediator],
      [cast.mediator, cast.receiverAdmin],
    ] as const) {
      const transfer = await insertTransfer(db, cast, { status: "completed", outcome: "resolved", outcomeNote: "CV fait avec José" });
      expect(await erasePersonalDataOnRequest(db, cast.coordinator, transfer.id)).toEqual({ ok: false, code: "not_found" });
      expect(await erasePersonalDataOnRequest(db, cast.third, transfer.id)).toEqual({ ok: false, code: "not_found" });
      expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).personLabel).toBe("José");

      expect(await erasePersonalDataOnRequest(db, party, transfer.id)).toMatchObject({ ok: true });
      const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
      expect(stored).toMatchObject({ personLabel: null, personalDetailsEncrypted: null, noteForPartner: null, outcomeNote: null, askFor: null, outcome: "resolved" });
      expect(stored.personalDataErasedAt).not.toBeNull();
      const view = (await getTransferForActor(db, other, transfer.id))!;
      expect(view.personal).toMatchObject({ personLabel: null, details: null });
      expect(view.mayErase).toBe(false);
      expect(view.timeline.map((entry) => [entry.type, entry.actorName])).toEqual([["personal_data.erased", party.name]]);
      const again = await erasePersonalDataOnRequest(db, other, transfer.id);
      expect(again).toEqual({ ok: false, code: "transfer.personal_data_already_erased", params: { at: stored.personalDataErasedAt, timeZone: "Europe/Paris" } });
      expect(!again.ok && toFailure(again).error).toMatch(/^Les données de la personne ont déjà été effacées le /);
    }
  });
});

describe("commands' messages", () => {
  it("'déjà traité par …' names who acted, when, and the status now", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    const at = new Date("2026-11-20T09:30:00Z");
    expect(await runCommand(db, cast.receiverAdmin, transfer.id, { command: "accept" }, at)).toEqual({ ok: true, message: "Transfert accepté." });
    const refused = await runCommand(db, cast.receiver, transfer.id, { command: "decline", reason: "no_capacity", message: null, suggestedStructureId: null });
    expect(refused).toMatchObject({ ok: false, code: "transfer.already_decided" });
    expect(!refused.ok && toFailure(refused)).toEqual({
      ok: false,
      code: "transfer.already_decided",
      error: "Déjà traité par Karim Benali (Espace France Services du Val de Lise) le 20 novembre 2026 à 10:30 : ce transfert est maintenant « Accepté ».",
    });
  });

  it("a suggested partner must be a published structure of the territory, not the receiver", async () => {
    const elsewhere = await db.territory.create({ data: { slug: "ailleurs", name: "Ailleurs", country: "FR" } });
    const foreign = await db.structure.create({ data: { territoryId: elsewhere.id, name: "Ailleurs asso", status: "published" } });
    const draftStructure = await db.structure.create({ data: { territoryId: cast.territoryId, name: "Pas encore publiée", status: "draft" } });
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    for (const suggestedStructureId of [foreign.id, draftStructure.id, cast.toStructureId, crypto.randomUUID()]) {
      const refused = await runCommand(db, cast.receiver, transfer.id, { command: "decline", reason: "no_capacity", message: null, suggestedStructureId });
      expect(refused).toEqual({ ok: false, code: "transfer.partner_not_listed", field: "suggestedStructureId" });
      expect(!refused.ok && toFailure(refused)).toEqual({
        ok: false,
        code: "transfer.partner_not_listed",
        error: "Corrigez les champs signalés.",
        fieldErrors: { suggestedStructureId: ["Choisissez un partenaire publié du territoire dans la liste."] },
      });
    }
    expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe("sent");
    const ccas = await db.structure.findFirstOrThrow({ where: { name: "CCAS de Château-Thierry" } });
    expect(await runCommand(db, cast.receiver, transfer.id, { command: "decline", reason: "no_capacity", message: null, suggestedStructureId: ccas.id })).toMatchObject({ ok: true });
    expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).suggestedStructureId).toBe(ccas.id);
    // The sender then re-orients the person towards one of the suggested partner's published offers.
    const offers = await publishedOffersOf(db, ccas.id);
    expect(offers.length).toBeGreaterThan(0);
    expect(await db.offer.count({ where: { id: { in: offers.map((offer) => offer.id) }, status: { not: "published" } } })).toBe(0);
  });

  it("refuses a third structure with 'not found', and a wrong role without saying more", async () => {
    const transfer = await insertTransfer(db, cast, { status: "sent" });
    expect(await runCommand(db, cast.third, transfer.id, { command: "accept" })).toEqual({ ok: false, code: "not_found" });
    expect(await runCommand(db, cast.mediator, transfer.id, { command: "accept" })).toEqual({ ok: false, code: "transfer.not_yours" });
  });
});

describe("the coordinator's territory view", () => {
  it("counts by status, level and receiving structure, lists without personal data, for coordinators only", async () => {
    await insertTransfer(db, cast, { status: "sent", level: "simple" });
    await insertTransfer(db, cast, { status: "completed", outcome: "resolved" });
    await insertTransfer(db, cast, { status: "draft" });
    const all = await db.transfer.groupBy({ by: ["status"], where: { territoryId: cast.territoryId, status: { not: "draft" } }, _count: { _all: true } });
    const view = (await listTerritoryTransfers(db, cast.coordinator, cast.territoryId, parseTerritoryTransferFilters({})))!;
    expect(view.byStatus).toEqual(Object.fromEntries(all.map((row) => [row.status, row._count._all])));
    expect(view.byStatus.draft).toBeUndefined();
    expect(view.byLevel.simple).toBeGreaterThanOrEqual(1);
    expect(view.byReceivingStructure.find((row) => row.structureId === cast.toStructureId)?.name).toBe("Espace France Services du Val de Lise");
    expect(view.rows.length).toBeGreaterThan(0);
    for (const row of view.rows) {
      expect(Object.keys(row)).not.toEqual(expect.arrayContaining(["personLabel"]));
      expect(row).not.toHaveProperty("personalDetailsEncrypted");
      expect(row).not.toHaveProperty("noteForPartner");
    }
    expect(JSON.stringify(view)).not.toContain("José");

    const filtered = (await listTerritoryTransfers(db, cast.coordinator, cast.territoryId, parseTerritoryTransferFilters({ statut: "completed" })))!;
    expect(filtered.rows.every((row) => row.status === "completed")).toBe(true);
    expect(filtered.total).toBe(view.byStatus.completed);

    expect(await listTerritoryTransfers(db, cast.platformAdmin, cast.territoryId, parseTerritoryTransferFilters({}))).not.toBeNull();
    for (const actor of [cast.mediator, cast.receiverAdmin, cast.third]) {
      expect(await listTerritoryTransfers(db, actor, cast.territoryId, parseTerritoryTransferFilters({}))).toBeNull();
    }
  });
});
