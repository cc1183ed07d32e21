/**
 * Offer.territoryId is a copy the public search starts from (issue 5): the structure's territory.
 * Writers set it, the migration that added it filled it for existing offers, and the database
 * refuses any other value (a foreign key from (structureId, territoryId) to the structure).
 */
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations } from "@/lib/database/schema-engine";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { createEmptyDatabase } from "@/tests/support/test-database";
import { loadOffer, saveOffer } from "./editing";
import { offerSchema } from "./schemas";

const term = async (vocabularyKey: string, code: string) =>
  (await db.vocabularyTerm.findUniqueOrThrow({ where: { vocabularyKey_code: { vocabularyKey, code } } })).id;

/** Offers whose territory is not their structure's (none expected). */
async function driftingOffers() {
  const offers = await db.offer.findMany({ select: { id: true, territoryId: true, structure: { select: { territoryId: true } } } });
  return offers.filter((offer) => offer.territoryId !== offer.structure.territoryId);
}

beforeAll(async () => {
  await seedDemoTerritory(db);
});

describe("an offer's territory", () => {
  it("is its structure's territory for every demo offer", async () => {
    expect(await db.offer.count()).toBeGreaterThan(5);
    expect(await driftingOffers()).toEqual([]);
  });

  it("is set when an offer is created, and stays when its terms change", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } }, include: { places: true } });
    const actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
    const service = await term("lmn.services", "Maîtrise des outils numériques du quotidien");
    const workshop = await term("toile.modes_acces", "atelier-collectif");
    const dropIn = await term("toile.modes_acces", "sans-rendez-vous");
    const created = await saveOffer(
      db,
      offerSchema.parse({ structureId: structure.id, title: "Atelier tablette", termIds: [service, workshop], placeIds: [structure.places[0]!.id], redirects: [] }),
      actorId,
    );
    if (!created.ok) throw new Error("not created");
    const offer = await db.offer.findUniqueOrThrow({ where: { id: created.offerId } });
    expect(offer.territoryId).toBe(structure.territoryId);

    const loaded = (await loadOffer(db, structure.id, created.offerId))!;
    const edited = await saveOffer(
      db,
      offerSchema.parse({
        ...Object.fromEntries(Object.entries(loaded.values).map(([key, value]) => [key, value ?? ""])),
        documentsToBring: "",
        isSaturated: undefined,
        acceptsTransfers: undefined,
        redirects: [],
        structureId: structure.id,
        offerId: created.offerId,
        version: loaded.version,
        termIds: [service, dropIn],
      }),
      actorId,
    );
    expect(edited).toMatchObject({ ok: true, changed: ["termIds"] });
    expect((await db.offer.findUniqueOrThrow({ where: { id: created.offerId } })).territoryId).toBe(structure.territoryId);
    expect(await driftingOffers()).toEqual([]);
  });
});

describe("the database", () => {
  it("refuses an offer whose territory is not its structure's, created or changed, by Prisma or SQL", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } } });
    const elsewhere = await db.territory.create({ data: { slug: "ailleurs", name: "Ailleurs", country: "FR" } });
    await expect(db.offer.create({ data: { structureId: structure.id, territoryId: elsewhere.id, title: "Égarée" } })).rejects.toThrow(/Offer_structureId_territoryId_fkey/);
    await expect(
      db.$executeRaw`INSERT INTO "Offer" (id, "structureId", "territoryId", title, "updatedAt") VALUES (gen_random_uuid(), ${structure.id}::uuid, ${elsewhere.id}::uuid, 'Égarée', now())`,
    ).rejects.toThrow(/Offer_structureId_territoryId_fkey/);
    const offer = await db.offer.create({ data: { structureId: structure.id, territoryId: structure.territoryId, title: "À sa place" } });
    await expect(db.offer.update({ where: { id: offer.id }, data: { territoryId: elsewhere.id } })).rejects.toThrow(/Offer_structureId_territoryId_fkey/);
    expect(await db.offer.count({ where: { title: "Égarée" } })).toBe(0);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).territoryId).toBe(structure.territoryId);
    await db.offer.delete({ where: { id: offer.id } });
    await db.territory.delete({ where: { id: elsewhere.id } });
  });
});

describe("the migration that added it", () => {
  let scratch: string;
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("fills it in for the offers that already exist", async () => {
    const target = await createEmptyDatabase();
    const client = new pg.Client({ connectionString: target.url });
    try {
      // The migrations up to the one before offer_territory, and a structure with an offer and its terms.
      scratch = await mkdtemp(path.join(os.tmpdir(), "toile-migrations-"));
      const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map(({ name }) => name).sort();
      const added = names.findIndex((name) => name.endsWith("_offer_territory"));
      expect(added).toBeGreaterThan(0);
      for (const name of names.slice(0, added)) await cp(path.join(MIGRATIONS_DIR, name), path.join(scratch, name), { recursive: true });
      await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(scratch, "migration_lock.toml")).catch(() => undefined);
      await applyMigrations({ url: target.url, migrationsDir: scratch });

      await client.connect();
      const { rows: [territory] } = await client.query(`INSERT INTO "Territory" (id, slug, name, country, "updatedAt") VALUES (gen_random_uuid(), 'avant', 'Avant', 'FR', now()) RETURNING id`);
      const { rows: [structure] } = await client.query(`INSERT INTO "Structure" (id, "territoryId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Structure', now()) RETURNING id`, [territory.id]);
      const { rows: [offer] } = await client.query(`INSERT INTO "Offer" (id, "structureId", title, "updatedAt") VALUES (gen_random_uuid(), $1, 'Offre', now()) RETURNING id`, [structure.id]);

      // offer_territory and every migration after it.
      expect(await applyMigrations({ url: target.url })).toEqual(names.slice(added));
      const { rows: [after] } = await client.query(`SELECT "territoryId" FROM "Offer" WHERE id = $1`, [offer.id]);
      expect(after.territoryId).toBe(territory.id);
    } finally {
      await client.end().catch(() => undefined);
      await target.drop();
    }
  });
});
