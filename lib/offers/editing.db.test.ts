import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { loadOffer, saveOffer, setOfferStatus } from "./editing";
import { offerSchema } from "./schemas";

let structureId: string;
let otherStructureId: string;
let actorId: string;
let placeId: string;
let partnerPlaceId: string;
const term = async (vocabularyKey: string, code: string) =>
  (await db.vocabularyTerm.findUniqueOrThrow({ where: { vocabularyKey_code: { vocabularyKey, code } } })).id;

beforeAll(async () => {
  await seedDemoTerritory(db);
  const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } }, include: { places: true } });
  structureId = structure.id;
  placeId = structure.places[0]!.id;
  const other = await db.structure.findFirstOrThrow({ where: { name: { contains: "CCAS" } }, include: { places: true } });
  otherStructureId = other.id;
  partnerPlaceId = other.places[0]!.id;
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

async function newOfferForm(changes: Record<string, unknown> = {}) {
  return offerSchema.parse({
    structureId,
    title: "Atelier smartphone",
    termIds: [await term("lmn.services", "Maîtrise des outils numériques du quotidien"), await term("toile.modes_acces", "atelier-collectif")],
    placeIds: [placeId],
    documentsToBring: "Son smartphone\nSes identifiants",
    redirects: [{ notOffered: "Réparation de téléphone", redirectToStructureId: "", note: "" }, { notOffered: "", redirectToStructureId: "", note: "" }],
    ...changes,
  });
}

async function editForm(offerId: string, changes: Record<string, unknown>) {
  const loaded = (await loadOffer(db, structureId, offerId))!;
  return offerSchema.parse({
    ...loaded.values,
    minAge: loaded.values.minAge ?? "",
    maxAge: loaded.values.maxAge ?? "",
    typicalDelayDays: loaded.values.typicalDelayDays ?? "",
    documentsToBring: loaded.values.documentsToBring.join("\n"),
    isSaturated: loaded.values.isSaturated ? "on" : undefined,
    acceptsTransfers: loaded.values.acceptsTransfers ? "on" : undefined,
    redirects: loaded.values.redirects.map((row) => ({ ...row, redirectToStructureId: row.redirectToStructureId ?? "", note: row.note ?? "" })),
    professionalReferral: loaded.values.professionalReferral ?? "",
    residentAccess: loaded.values.residentAccess ?? "",
    residencyCondition: loaded.values.residencyCondition ?? "",
    otherConditions: loaded.values.otherConditions ?? "",
    feeDetails: loaded.values.feeDetails ?? "",
    structureId,
    offerId,
    version: loaded.version,
    ...changes,
  });
}

describe("saveOffer", () => {
  it("creates a draft with its terms, places, documents and redirects, verified by its author, in the history", async () => {
    const outcome = await saveOffer(db, await newOfferForm(), actorId);
    expect(outcome.ok).toBe(true);
    const offerId = outcome.ok ? outcome.offerId : "";
    const offer = await db.offer.findUniqueOrThrow({ where: { id: offerId }, include: { terms: true, places: true, redirects: true } });
    expect(offer).toMatchObject({ status: "draft", documentsToBring: ["Son smartphone", "Ses identifiants"], lastVerifiedById: actorId });
    expect(offer.terms).toHaveLength(2);
    expect(offer.places.map((place) => place.placeId)).toEqual([placeId]);
    expect(offer.redirects.map((row) => row.notOffered)).toEqual(["Réparation de téléphone"]);
    const record = await db.changeRecord.findFirstOrThrow({ where: { offerId }, orderBy: { createdAt: "desc" } });
    expect(record.summary).toBe("Offre « Atelier smartphone » créée (brouillon)");
  });

  it("saves what changed, keeps a kept place's own hours, and records the fields", async () => {
    const created = await saveOffer(db, await newOfferForm({ placeIds: [placeId, partnerPlaceId] }), actorId);
    const offerId = created.ok ? created.offerId : "";
    const atPartner = await db.offerPlace.findUniqueOrThrow({ where: { offerId_placeId: { offerId, placeId: partnerPlaceId } } });
    await db.openingSlot.create({ data: { offerPlaceId: atPartner.id, weekday: 3, opensAtMinute: 600, closesAtMinute: 720 } });

    const outcome = await saveOffer(db, await editForm(offerId, { placeIds: [partnerPlaceId], minAge: "16", title: "Atelier smartphone débutants" }), actorId);
    expect(outcome).toMatchObject({ ok: true, changed: ["title", "placeIds", "minAge"] });
    const places = await db.offerPlace.findMany({ where: { offerId }, include: { openingSlots: true } });
    expect(places).toHaveLength(1);
    expect(places[0]!.openingSlots).toHaveLength(1);
    const record = await db.changeRecord.findFirstOrThrow({ where: { offerId }, orderBy: { createdAt: "desc" } });
    expect(record.summary).toBe("Offre « Atelier smartphone débutants » modifiée : intitulé, lieux, âge minimum");
  });

  it("declares a phone line (an offer with no place), in the history", async () => {
    const created = await saveOffer(db, await newOfferForm({ title: "Ligne d'écoute numérique", placeIds: [] }), actorId);
    const offerId = created.ok ? created.offerId : "";
    const outcome = await saveOffer(db, await editForm(offerId, { phoneLine: "on" }), actorId);
    expect(outcome).toMatchObject({ ok: true, changed: ["phoneLine"] });
    expect((await loadOffer(db, structureId, offerId))!.values.phoneLine).toBe(true);
    const record = await db.changeRecord.findFirstOrThrow({ where: { offerId }, orderBy: { createdAt: "desc" } });
    expect(record.summary).toBe("Offre « Ligne d'écoute numérique » modifiée : ligne téléphonique");
  });

  it("refuses a save based on an old version and says which fields differ; nothing is overwritten", async () => {
    const created = await saveOffer(db, await newOfferForm(), actorId);
    const offerId = created.ok ? created.offerId : "";
    const first = await editForm(offerId, { title: "Atelier tablette" });
    const second = await editForm(offerId, { feeDetails: "2 € la séance" });
    expect((await saveOffer(db, first, actorId)).ok).toBe(true);
    const outcome = await saveOffer(db, second, actorId);
    expect(outcome).toMatchObject({ ok: false, reason: "conflict", changedMeanwhile: ["title", "feeDetails"], saved: { title: "Atelier tablette", feeDetails: null } });
    expect((await loadOffer(db, structureId, offerId))!.values.feeDetails).toBeNull();
  });

  it("refuses an offer id of another structure, and a place or term that is not the territory's", async () => {
    const foreign = await db.offer.findFirstOrThrow({ where: { structureId: otherStructureId } });
    const outcome = await saveOffer(db, { ...(await newOfferForm()), offerId: foreign.id, version: foreign.updatedAt.toISOString() }, actorId);
    expect(outcome).toEqual({ ok: false, reason: "not_found" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: foreign.id } })).title).toBe(foreign.title);

    const typology = await db.vocabularyTerm.findFirstOrThrow({ where: { vocabulary: { role: "typology" } } });
    const before = await db.offer.count();
    expect(await saveOffer(db, await newOfferForm({ termIds: [typology.id] }), actorId)).toMatchObject({ ok: false, reason: "invalid", field: "termIds", code: "offer.term_gone" });
    expect(await saveOffer(db, await newOfferForm({ placeIds: [crypto.randomUUID()] }), actorId)).toMatchObject({ ok: false, reason: "invalid", field: "placeIds", code: "offer.place_gone" });
    expect(
      await saveOffer(db, await newOfferForm({ redirects: [{ notOffered: "Réparation", redirectToStructureId: crypto.randomUUID(), note: "" }] }), actorId),
    ).toMatchObject({ ok: false, reason: "invalid", field: "redirects.0.redirectToStructureId", code: "offer.redirect_structure_gone" });
    expect(await db.offer.count()).toBe(before);
  });
});

describe("setOfferStatus", () => {
  it("refuses to publish an offer that says neither what nor how, and publishes it once complete", async () => {
    const created = await saveOffer(db, await newOfferForm({ termIds: [], placeIds: [] }), actorId);
    const offerId = created.ok ? created.offerId : "";
    const refused = await setOfferStatus(db, { structureId, offerId, status: "published" }, actorId);
    expect(refused).toMatchObject({ ok: false, reason: "not_ready" });
    expect(refused.ok ? [] : "problems" in refused ? refused.problems : []).toHaveLength(3);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("draft");

    await saveOffer(
      db,
      await editForm(offerId, {
        termIds: [await term("lmn.services", "Aide aux démarches administratives"), await term("toile.modes_acces", "a-distance")],
      }),
      actorId,
    );
    expect(await setOfferStatus(db, { structureId, offerId, status: "published" }, actorId)).toEqual({ ok: true, title: "Atelier smartphone" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("published");
    const record = await db.changeRecord.findFirstOrThrow({ where: { offerId }, orderBy: { createdAt: "desc" } });
    expect(record.action).toBe("offer.published");
  });

  it("does not touch another structure's offer", async () => {
    const foreign = await db.offer.findFirstOrThrow({ where: { structureId: otherStructureId } });
    expect(await setOfferStatus(db, { structureId, offerId: foreign.id, status: "archived" }, actorId)).toEqual({ ok: false, reason: "not_found" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe(foreign.status);
  });
});
