import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { frenchCommunes } from "./communes";
import { createPlace, deletePlace, loadPlace, updatePlace } from "./editing";
import { placeFormValues, placeSchema, type PlaceInput } from "./schemas";
import { hostedOffers, placesOfStructure } from "./queries";

const schema = placeSchema(frenchCommunes);
let structureId: string;
let otherStructureId: string;
let actorId: string;

beforeAll(async () => {
  await seedDemoTerritory(db);
  structureId = (await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } } })).id;
  otherStructureId = (await db.structure.findFirstOrThrow({ where: { name: { contains: "France Services" } } })).id;
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

const form = (changes: Record<string, string> = {}) =>
  schema.parse({
    structureId,
    name: "Salle des associations",
    address: "2 rue du Moulin",
    country: "FR",
    postalCode: "02130",
    commune: "Fère-en-Tardenois",
    latitude: "49,2",
    longitude: "3,52",
    wheelchairAccessible: "oui",
    ...changes,
  });

async function newPlace(name: string) {
  const outcome = await createPlace(db, form({ name }), actorId);
  if (!outcome.ok) throw new Error("not created");
  return outcome.placeId;
}

async function editForm(placeId: string, changes: Record<string, string>, forStructure = structureId) {
  const loaded = await loadPlace(db, structureId, placeId);
  return { ...form({ name: loaded!.values.name, ...changes, structureId: forStructure }), placeId, version: loaded!.version };
}

const lastRecord = () => db.changeRecord.findFirstOrThrow({ where: { structureId }, orderBy: { createdAt: "desc" } });

describe("creating a place", () => {
  it("stores it for the structure and records it in the history", async () => {
    const placeId = await newPlace("Salle des associations");
    const place = await db.place.findUniqueOrThrow({ where: { id: placeId } });
    expect(place).toMatchObject({ structureId, communeCode: "02305", communeName: "Fère-en-Tardenois", latitude: 49.2, wheelchairAccessible: true });
    const record = await lastRecord();
    expect(record).toMatchObject({ action: "place.created", summary: "Lieu ajouté : Salle des associations (Fère-en-Tardenois)", actorId });
    expect(record.changes).toMatchObject({ postalCode: { before: null, after: "02130" } });
    expect((await placesOfStructure(db, structureId)).map((p) => p.name)).toContain("Salle des associations");
  });
});

describe("updating a place", () => {
  it("saves the changed fields and records them, before and after", async () => {
    const placeId = await newPlace("Local jeunes");
    const outcome = await updatePlace(db, await editForm(placeId, { address: "4 rue du Moulin", wheelchairAccessible: "inconnu" }), actorId);
    expect(outcome).toEqual({ ok: true, placeId, changed: ["address", "wheelchairAccessible"] });
    const record = await lastRecord();
    expect(record.summary).toBe("Lieu « Local jeunes » modifié : adresse, accès en fauteuil roulant");
    expect(record.changes).toEqual({
      address: { before: "2 rue du Moulin", after: "4 rue du Moulin" },
      wheelchairAccessible: { before: true, after: null },
    });
  });

  it("refuses a save based on an old version and says which fields differ", async () => {
    const placeId = await newPlace("Salle polyvalente");
    const first = await editForm(placeId, { address: "1 place de la Mairie" });
    const second = await editForm(placeId, { accessibilityNotes: "Rampe côté parking" });
    expect((await updatePlace(db, first, actorId)).ok).toBe(true);
    const outcome = await updatePlace(db, second, actorId);
    expect(outcome).toMatchObject({ ok: false, reason: "conflict", changedMeanwhile: ["address", "accessibilityNotes"] });
    expect((await loadPlace(db, structureId, placeId))!.values).toMatchObject({ address: "1 place de la Mairie", accessibilityNotes: null });
  });

  it("writes nothing for a place of another structure (a forged id)", async () => {
    const othersPlace = await db.place.findFirstOrThrow({ where: { structureId: otherStructureId } });
    const records = await db.changeRecord.count();
    const forged = { ...form({ name: "Piraté" }), placeId: othersPlace.id, version: othersPlace.updatedAt.toISOString() };
    expect(await updatePlace(db, forged, actorId)).toEqual({ ok: false, reason: "not_found" });
    expect(await deletePlace(db, { structureId, placeId: othersPlace.id }, actorId)).toEqual({ ok: false, reason: "not_found" });
    expect(await db.place.findUniqueOrThrow({ where: { id: othersPlace.id } })).toEqual(othersPlace);
    expect(await db.changeRecord.count()).toBe(records);
  });
});

describe("a place whose commune is not in the reference list (as an import may bring)", () => {
  async function demoPlaceForm(changes: Record<string, string>) {
    // A commune code and name that the national list does not have (there is no river Lise).
    const place =
      (await db.place.findFirst({ where: { structureId, communeCode: "02999" } })) ??
      (await db.place.create({
        data: { structureId, name: "Local importé", address: "1 rue de la Lise", postalCode: "02400", communeCode: "02999", communeName: "Bourg-sur-Lise", country: "FR" },
      }));
    const values = placeFormValues(place, { structureId, placeId: place.id, version: place.updatedAt.toISOString() });
    return { place, input: schema.parse({ ...values, ...changes }) as PlaceInput & { placeId: string } };
  }

  it("can still be edited, its commune kept as stored", async () => {
    const { place, input } = await demoPlaceForm({ accessibilityNotes: "Sonnette à gauche de la porte" });
    expect(input.communeUnverified).toBe(true);
    expect(await updatePlace(db, input, actorId)).toEqual({ ok: true, placeId: place.id, changed: ["accessibilityNotes"] });
    expect(await db.place.findUniqueOrThrow({ where: { id: place.id } })).toMatchObject({ communeCode: place.communeCode, communeName: place.communeName });
  });

  it("refuses another unknown commune, and a forged one on creation", async () => {
    const { place, input } = await demoPlaceForm({ commune: "Ville-sur-Lise" });
    expect(await updatePlace(db, input, actorId)).toEqual({ ok: false, reason: "unknown_commune" });
    expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).communeName).toBe(place.communeName);
    expect(await createPlace(db, { ...input, placeId: null }, actorId)).toEqual({ ok: false, reason: "unknown_commune" });
  });
});

describe("deleting a place", () => {
  it("deletes a place where nothing is held, and records it", async () => {
    const placeId = await newPlace("Ancienne poste");
    expect(await deletePlace(db, { structureId, placeId }, actorId)).toEqual({ ok: true, name: "Ancienne poste" });
    expect(await db.place.findUnique({ where: { id: placeId } })).toBeNull();
    expect((await lastRecord()).summary).toBe("Lieu supprimé : Ancienne poste (Fère-en-Tardenois)");
  });

  it("refuses while offers are held there, and names them", async () => {
    const placeId = await newPlace("Salle du conseil");
    const otherOffer = await db.offer.findFirstOrThrow({ where: { structureId: otherStructureId }, include: { structure: true } });
    await db.offerPlace.create({ data: { offerId: otherOffer.id, placeId } });
    const records = await db.changeRecord.count();
    expect(await deletePlace(db, { structureId, placeId }, actorId)).toEqual({
      ok: false,
      reason: "has_offers",
      offers: [{ title: otherOffer.title, structureName: otherOffer.structure.name }],
    });
    expect(await db.place.findUnique({ where: { id: placeId } })).not.toBeNull();
    expect(await db.changeRecord.count()).toBe(records);
    // The other structure's offer is a permanence hosted here.
    expect(await hostedOffers(db, structureId, placeId)).toEqual([
      { offerId: otherOffer.id, title: otherOffer.title, structureName: otherOffer.structure.name },
    ]);
  });
});
