/**
 * Every write of what the public search shows bumps Territory.searchVersion in its transaction
 * (the database's triggers do it), so the search's in-memory index of the territory is reloaded.
 * Each test searches first (the index is then held in memory), writes, and searches again:
 * without the bump, the second search would answer from the index loaded before the write.
 * First through each of the app's writers; then with no helper at all, plain Prisma calls and
 * SQL inserting, updating and deleting rows of every table the search reads: a writer that
 * forgets cannot produce a stale search.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { db } from "@/lib/db";
import { dayFromNextMonday, seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { confirmOfferUnchanged } from "@/lib/freshness/verify";
import { frenchCommunes } from "@/lib/places/communes";
import { createPlace, deletePlace, updatePlace } from "@/lib/places/editing";
import { placeFormValues, placeSchema, type PlaceInput } from "@/lib/places/schemas";
import { loadHours, saveHours } from "@/lib/hours/editing";
import { zonedInstant } from "@/lib/hours/rules";
import { hoursFormSchema, type HoursOwner } from "@/lib/hours/schemas";
import { loadOffer, saveOffer, setOfferStatus } from "@/lib/offers/editing";
import { offerSchema } from "@/lib/offers/schemas";
import { commitImport } from "@/lib/open-data/import/commit";
import { parseLmnCsv } from "@/lib/open-data/import/lmn";
import { planImport } from "@/lib/open-data/import/plan";
import { structureCreateSchema, structureIdentitySchema } from "@/lib/structures/schemas";
import { createStructure, loadStructureIdentity, saveStructureIdentity } from "@/lib/structures/update";
import { parseSearchFilters } from "./filters";
import { searchOffers } from "./queries";

let territoryId: string;
let actorId: string;

beforeAll(async () => {
  territoryId = (await seedDemoTerritory(db)).territoryId;
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

async function search(params: Record<string, string> = {}, at = new Date()) {
  const outcome = await searchOffers(db, DEMO_TERRITORY_SLUG, parseSearchFilters(params).filters, at);
  if (!outcome) throw new Error("the demo territory is missing");
  return outcome;
}
/** Every result of a search, all pages (the demo has few offers). */
async function allResults(params: Record<string, string> = {}, at = new Date()) {
  const first = await search(params, at);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, index) => search({ ...params, page: String(index + 2) }, at)));
  return [first, ...rest].flatMap(({ results }) => results);
}
const version = async () => (await db.territory.findUniqueOrThrow({ where: { id: territoryId }, select: { searchVersion: true } })).searchVersion;

/** Searches (the index is then in memory), writes, and checks the version went up. */
async function written<T>(write: () => Promise<T>): Promise<T> {
  await search();
  const before = await version();
  const outcome = await write();
  expect(await version()).toBeGreaterThan(before);
  return outcome;
}

const publishedOffer = (title: string) => db.offer.findFirstOrThrow({ where: { title, status: "published" } });

describe("offers", () => {
  it("creating a draft bumps the version; editing a published offer shows the new title", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } }, include: { places: true } });
    const term = await db.vocabularyTerm.findFirstOrThrow({ where: { vocabularyKey: "lmn.services" } });
    const created = await written(() =>
      saveOffer(db, offerSchema.parse({ structureId: structure.id, title: "Atelier brouillon", termIds: [term.id], placeIds: [structure.places[0]!.id], redirects: [] }), actorId),
    );
    expect(created.ok).toBe(true);

    const offer = await publishedOffer("Ordinateurs en accès libre");
    const loaded = (await loadOffer(db, offer.structureId, offer.id))!;
    const edited = await written(() =>
      saveOffer(
        db,
        offerSchema.parse({
          ...Object.fromEntries(Object.entries(loaded.values).map(([key, value]) => [key, value ?? ""])),
          documentsToBring: "",
          isSaturated: undefined,
          acceptsTransfers: undefined,
          redirects: [],
          structureId: offer.structureId,
          offerId: offer.id,
          version: loaded.version,
          title: "Ordinateurs en libre accès",
        }),
        actorId,
      ),
    );
    expect(edited).toMatchObject({ ok: true, changed: ["title"] });
    const titles = (await allResults()).map(({ title }) => title);
    expect(titles).toContain("Ordinateurs en libre accès");
    expect(titles).not.toContain("Ordinateurs en accès libre");
  });

  it("archiving an offer takes it out of the search, publishing it again brings it back", async () => {
    const offer = await publishedOffer("Réparer ensemble ordinateurs et smartphones");
    await written(() => setOfferStatus(db, { structureId: offer.structureId, offerId: offer.id, status: "archived" }, actorId));
    expect((await allResults()).map(({ id }) => id)).not.toContain(offer.id);
    await written(() => setOfferStatus(db, { structureId: offer.structureId, offerId: offer.id, status: "published" }, actorId));
    expect((await allResults()).map(({ id }) => id)).toContain(offer.id);
  });

  it("verifying an offer (« rien n'a changé ») clears « à vérifier »", async () => {
    const offer = await publishedOffer("Aide aux démarches administratives en ligne");
    await written(async () => {
      await db.offer.update({ where: { id: offer.id }, data: { lastVerifiedAt: new Date("2020-01-01T00:00:00Z") } });
    });
    expect((await allResults()).find(({ id }) => id === offer.id)?.stale).toBe(true);
    await written(() => confirmOfferUnchanged(db, offer.id, actorId));
    expect((await allResults()).find(({ id }) => id === offer.id)?.stale).toBe(false);
  });
});

describe("places", () => {
  const schema = placeSchema(frenchCommunes);
  const form = (structureId: string, changes: Record<string, string> = {}) =>
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

  it("a new place's commune can be searched; its deletion takes it away", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } } });
    expect((await search({ commune: "Fère-en-Tardenois" })).communeMatches).toEqual([]);
    const created = await written(() => createPlace(db, form(structure.id), actorId));
    if (!created.ok) throw new Error("not created");
    expect((await search({ commune: "Fère-en-Tardenois" })).communeMatches.map(({ code }) => code)).toEqual(["02305"]);
    await written(() => deletePlace(db, { structureId: structure.id, placeId: created.placeId }, actorId));
    expect((await search({ commune: "Fère-en-Tardenois" })).communeMatches).toEqual([]);
  });

  it("a place's new name shows on the offers held there", async () => {
    const offerPlace = await db.offerPlace.findFirstOrThrow({ where: { offer: { status: "published" } }, include: { place: true } });
    const { place } = offerPlace;
    // A demo place: its fictional commune is kept as stored.
    const values = placeFormValues(place, { structureId: place.structureId, placeId: place.id, version: place.updatedAt.toISOString() });
    const input = schema.parse({ ...values, name: "Le lieu renommé" }) as PlaceInput & { placeId: string };
    expect(await written(() => updatePlace(db, input, actorId))).toMatchObject({ ok: true });
    const result = (await allResults()).find(({ id }) => id === offerPlace.offerId)!;
    expect(result.places.map(({ name }) => name)).toContain("Le lieu renommé");
  });
});

// A Tuesday evening two weeks ahead (after the demo's closure next week): nothing is open.
const evening = () => zonedInstant(dayFromNextMonday(new Date(), 8).toISOString().slice(0, 10), 21 * 60 + 30, "Europe/Paris");
const openIds = async () => (await allResults({ ouvert: "maintenant" }, evening())).map(({ id }) => id);

describe("hours", () => {
  async function saveEveningHours(structureId: string, owner: HoursOwner) {
    const loaded = await loadHours(db, structureId, owner);
    const input = hoursFormSchema.parse({
      structureId,
      owner,
      version: loaded?.version ?? "none",
      publicHolidays: "closed",
      slots: [{ weekday: "2", opens: "21:00", closes: "22:00" }],
      exceptions: [],
    });
    return written(() => saveHours(db, input, actorId));
  }

  it("a place's hours open the offers held there", async () => {
    const offerPlace = await db.offerPlace.findFirstOrThrow({ where: { offer: { status: "published" }, openingSlots: { none: {} } }, include: { place: true } });
    expect(await openIds()).not.toContain(offerPlace.offerId);
    expect(await saveEveningHours(offerPlace.place.structureId, { kind: "place", placeId: offerPlace.placeId })).toMatchObject({ ok: true, changed: true });
    expect(await openIds()).toContain(offerPlace.offerId);
  });

  it("an offer's own hours at a place open it", async () => {
    const offerPlace = await db.offerPlace.findFirstOrThrow({ where: { offer: { title: "Permanence de l'informaticien public", status: "published" } }, include: { offer: true } });
    expect(await openIds()).not.toContain(offerPlace.offerId);
    const owner = { kind: "offerPlace" as const, offerId: offerPlace.offerId, placeId: offerPlace.placeId };
    expect(await saveEveningHours(offerPlace.offer.structureId, owner)).toMatchObject({ ok: true, changed: true });
    expect(await openIds()).toContain(offerPlace.offerId);
  });

  it("the hours of an offer with no place open it", async () => {
    const offer = await db.offer.findFirstOrThrow({ where: { status: "published", places: { none: {} } } });
    expect(await openIds()).not.toContain(offer.id);
    expect(await saveEveningHours(offer.structureId, { kind: "offer", offerId: offer.id })).toMatchObject({ ok: true, changed: true });
    expect(await openIds()).toContain(offer.id);
  });
});

describe("structures", () => {
  it("a structure's new phone shows on its offers", async () => {
    const offer = await publishedOffer("Aide aux démarches administratives en ligne");
    const { values, version: formVersion } = await loadStructureIdentity(db, offer.structureId);
    const fields = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ""]));
    const input = structureIdentitySchema.parse({ ...fields, phone: "03 23 00 00 99", structureId: offer.structureId, version: formVersion });
    expect(await written(() => saveStructureIdentity(db, input, actorId))).toMatchObject({ ok: true });
    expect((await allResults()).find(({ id }) => id === offer.id)?.phone).toBe("03 23 00 00 99");
  });

  it("creating a structure bumps the version", async () => {
    const input = structureCreateSchema.parse({ territoryId, name: "Nouvelle association", labelIds: [] });
    expect(await written(() => createStructure(db, input, actorId))).toMatchObject({ ok: true });
  });
});

describe("the open-data import", () => {
  it("shows the imported offers", async () => {
    const example = readFileSync(LMN_EXAMPLE_CSV, "utf8");
    const parsed = parseLmnCsv(example);
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    const before = (await search()).total;
    expect(await written(() => commitImport(db, { userId: actorId }, territoryId, plan, { origin: "le fichier d'exemple" }))).toMatchObject({ ok: true });
    expect((await search()).total).toBeGreaterThan(before);
  });
});

describe("a writer with no helper at all: plain Prisma calls and SQL on each table", () => {
  const sql = (query: TemplateStringsArray, ...values: unknown[]) => db.$executeRaw(query, ...values);
  const result = async (offerId: string) => (await allResults()).find(({ id }) => id === offerId);
  const term = (vocabularyKey: string, code: string) => db.vocabularyTerm.findUniqueOrThrow({ where: { vocabularyKey_code: { vocabularyKey, code } } });

  /** A published structure of the territory with a published offer and no place, written here. */
  async function freshOffer(title: string) {
    const structure = await db.structure.create({ data: { territoryId, name: `Structure de ${title}`, status: "published" } });
    const offer = await db.offer.create({ data: { structureId: structure.id, territoryId, title, status: "published" } });
    return { structure, offer };
  }

  it("Structure: insert, update, delete", async () => {
    const structure = await written(() => db.structure.create({ data: { territoryId, name: "Structure nouvelle", status: "draft" } }));
    await db.offer.create({ data: { structureId: structure.id, territoryId, title: "Offre d'une structure en brouillon", status: "published" } });
    expect((await allResults()).map(({ title }) => title)).not.toContain("Offre d'une structure en brouillon");
    await written(() => sql`UPDATE "Structure" SET status = 'published', phone = '03 23 11 22 33' WHERE id = ${structure.id}::uuid`);
    expect((await allResults()).find(({ title }) => title === "Offre d'une structure en brouillon")?.phone).toBe("03 23 11 22 33");
    await written(() => sql`DELETE FROM "Structure" WHERE id = ${structure.id}::uuid`);
    expect((await allResults()).map(({ title }) => title)).not.toContain("Offre d'une structure en brouillon");
  });

  it("Offer: insert, update, delete", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { territoryId, status: "published" } });
    const offer = await written(() => db.offer.create({ data: { structureId: structure.id, territoryId, title: "Offre écrite sans aide", status: "published" } }));
    expect((await result(offer.id))?.title).toBe("Offre écrite sans aide");
    await written(() => sql`UPDATE "Offer" SET title = 'Offre renommée sans aide' WHERE id = ${offer.id}::uuid`);
    expect((await result(offer.id))?.title).toBe("Offre renommée sans aide");
    await written(() => db.offer.delete({ where: { id: offer.id } }));
    expect(await result(offer.id)).toBeUndefined();
  });

  it("OfferTerm: insert, update, delete", async () => {
    const { offer } = await freshOffer("Offre aux termes écrits sans aide");
    const [dropIn, workshop] = [await term("toile.modes_acces", "sans-rendez-vous"), await term("toile.modes_acces", "atelier-collectif")];
    await written(() => db.offerTerm.create({ data: { offerId: offer.id, termId: dropIn.id } }));
    expect((await result(offer.id))?.accessModes).toEqual(["sans-rendez-vous"]);
    await written(() => sql`UPDATE "OfferTerm" SET "termId" = ${workshop.id}::uuid WHERE "offerId" = ${offer.id}::uuid`);
    expect((await result(offer.id))?.accessModes).toEqual(["atelier-collectif"]);
    await written(() => sql`DELETE FROM "OfferTerm" WHERE "offerId" = ${offer.id}::uuid`);
    expect((await result(offer.id))?.accessModes).toEqual([]);
  });

  it("VocabularyTerm: a term's new code shows on the offers that have it", async () => {
    const { offer } = await freshOffer("Offre au terme recodé");
    const online = await term("toile.modes_acces", "a-distance");
    await db.offerTerm.create({ data: { offerId: offer.id, termId: online.id } });
    expect((await result(offer.id))?.accessModes).toEqual(["a-distance"]);
    try {
      await written(() => sql`UPDATE "VocabularyTerm" SET code = 'a-distance-recode' WHERE id = ${online.id}::uuid`);
      expect((await result(offer.id))?.accessModes).toEqual(["a-distance-recode"]);
    } finally {
      await sql`UPDATE "VocabularyTerm" SET code = 'a-distance' WHERE id = ${online.id}::uuid`;
    }
    expect((await result(offer.id))?.accessModes).toEqual(["a-distance"]);
  });

  it("Place: insert, update, delete", async () => {
    const { structure, offer } = await freshOffer("Offre au lieu écrit sans aide");
    expect((await search({ commune: "Fère-en-Tardenois" })).communeMatches).toEqual([]);
    const place = await written(() =>
      db.place.create({
        data: { structureId: structure.id, name: "Lieu sans aide", address: "1 place du Marché", postalCode: "02130", communeCode: "02305", communeName: "Fère-en-Tardenois", country: "FR" },
      }),
    );
    expect((await search({ commune: "Fère-en-Tardenois" })).communeMatches.map(({ code }) => code)).toEqual(["02305"]);
    await db.offerPlace.create({ data: { offerId: offer.id, placeId: place.id } });
    await written(() => sql`UPDATE "Place" SET name = 'Lieu renommé sans aide' WHERE id = ${place.id}::uuid`);
    expect((await result(offer.id))?.places.map(({ name }) => name)).toEqual(["Lieu renommé sans aide"]);
    await written(() => db.place.delete({ where: { id: place.id } }));
    expect((await search({ commune: "Fère-en-Tardenois" })).communeMatches).toEqual([]);
    expect((await result(offer.id))?.places).toEqual([]);
  });

  it("OfferPlace: insert, update, delete", async () => {
    const { structure, offer } = await freshOffer("Offre aux lieux écrits sans aide");
    const place = (name: string) =>
      db.place.create({ data: { structureId: structure.id, name, address: "3 rue Haute", postalCode: "02400", communeCode: "02168", communeName: "Château-Thierry", country: "FR" } });
    const [first, second] = [await place("Premier lieu"), await place("Second lieu")];
    const offerPlace = await written(() => db.offerPlace.create({ data: { offerId: offer.id, placeId: first.id } }));
    expect((await result(offer.id))?.places.map(({ name }) => name)).toEqual(["Premier lieu"]);
    await written(() => sql`UPDATE "OfferPlace" SET "placeId" = ${second.id}::uuid WHERE id = ${offerPlace.id}::uuid`);
    expect((await result(offer.id))?.places.map(({ name }) => name)).toEqual(["Second lieu"]);
    await written(() => sql`DELETE FROM "OfferPlace" WHERE id = ${offerPlace.id}::uuid`);
    expect((await result(offer.id))?.places).toEqual([]);
  });

  it("OpeningSlot and OpeningException: insert, update, delete", async () => {
    const { offer } = await freshOffer("Offre aux horaires écrits sans aide");
    expect(await openIds()).not.toContain(offer.id);
    const slot = await written(() => db.openingSlot.create({ data: { offerId: offer.id, weekday: 2, opensAtMinute: 21 * 60, closesAtMinute: 22 * 60 } }));
    expect(await openIds()).toContain(offer.id);
    await written(() => sql`UPDATE "OpeningSlot" SET "closesAtMinute" = ${21 * 60 + 15} WHERE id = ${slot.id}::uuid`);
    expect(await openIds()).not.toContain(offer.id);
    await sql`UPDATE "OpeningSlot" SET "closesAtMinute" = ${22 * 60} WHERE id = ${slot.id}::uuid`;
    expect(await openIds()).toContain(offer.id);

    const day = new Date(`${evening().toISOString().slice(0, 10)}T00:00:00Z`);
    const closure = await written(() => db.openingException.create({ data: { offerId: offer.id, startsOn: day, endsOn: day, closed: true, label: "Fermé" } }));
    expect(await openIds()).not.toContain(offer.id);
    await written(() => sql`UPDATE "OpeningException" SET "startsOn" = "startsOn" + 1, "endsOn" = "endsOn" + 1 WHERE id = ${closure.id}::uuid`);
    expect(await openIds()).toContain(offer.id);
    await sql`UPDATE "OpeningException" SET "startsOn" = "startsOn" - 1, "endsOn" = "endsOn" - 1 WHERE id = ${closure.id}::uuid`;
    expect(await openIds()).not.toContain(offer.id);
    await written(() => sql`DELETE FROM "OpeningException" WHERE id = ${closure.id}::uuid`);
    expect(await openIds()).toContain(offer.id);
    await written(() => db.openingSlot.delete({ where: { id: slot.id } }));
    expect(await openIds()).not.toContain(offer.id);
  });

  it("a batched write bumps each territory once per statement, and a statement writing nothing bumps nothing", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { territoryId, status: "published" } });
    const before = await version();
    await db.offer.createMany({ data: Array.from({ length: 5 }, (_, index) => ({ structureId: structure.id, territoryId, title: `Lot ${index}`, status: "published" as const })) });
    expect(await version()).toBe(before + 1);
    await db.offer.deleteMany({ where: { title: "Aucune offre n'a ce titre" } });
    expect(await version()).toBe(before + 1);
    await db.offer.deleteMany({ where: { title: { startsWith: "Lot " } } });
    expect(await version()).toBe(before + 2);
  });
});
