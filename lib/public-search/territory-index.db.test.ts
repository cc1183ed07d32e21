import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { setOfferStatus } from "@/lib/offers/editing";
import { parseSearchFilters } from "./filters";
import { findPublicTerritory, searchOffers, territoryCommunes } from "./queries";
import { createIndexCache, loadTerritoryIndex, type TerritoryIndex } from "./territory-index";

let territoryId: string;
let actorId: string;

beforeAll(async () => {
  territoryId = (await seedDemoTerritory(db)).territoryId;
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

const territory = async () => (await findPublicTerritory(db, DEMO_TERRITORY_SLUG))!;
const ids = (index: TerritoryIndex) => index.offers.map(({ id }) => id);

describe("a territory's index", () => {
  it("holds the published offers of published structures, and the communes territoryCommunes reads", async () => {
    const index = await loadTerritoryIndex(db, await territory());
    const published = await db.offer.findMany({ where: { status: "published", structure: { status: "published", territoryId } }, select: { id: true } });
    expect(ids(index).sort()).toEqual(published.map(({ id }) => id).sort());
    expect(index.communes).toEqual(await territoryCommunes(db, territoryId));
  });

  it("is loaded once for concurrent searches", async () => {
    await db.territory.update({ where: { id: territoryId }, data: { searchVersion: { increment: 1 } } });
    // A load is one transaction; reading the territory is not.
    const transactions = vi.spyOn(db, "$transaction");
    try {
      const filters = parseSearchFilters({}).filters;
      const [first, second] = await Promise.all([searchOffers(db, DEMO_TERRITORY_SLUG, filters, new Date()), searchOffers(db, DEMO_TERRITORY_SLUG, filters, new Date())]);
      expect(second!.total).toBe(first!.total);
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      transactions.mockRestore();
    }
  });

  it("is never stale when a write commits while it loads: at worst it is loaded once more", async () => {
    const offer = await db.offer.findFirstOrThrow({ where: { title: "Ordinateurs en accès libre", status: "published" } });
    // The write commits after the version was read, right after the data was: this index, at
    // the version read before, still has the offer; the next search reads the new version and
    // reloads. Had the version been read after the data, the index would carry the new version
    // with the old data, and keep it.
    let writeDuringLoad: (() => Promise<unknown>) | null = () =>
      setOfferStatus(db, { structureId: offer.structureId, offerId: offer.id, status: "archived" }, actorId);
    let loads = 0;
    const cache = createIndexCache({
      maxOffers: 100_000,
      load: async (client, at) => {
        loads++;
        const index = await loadTerritoryIndex(client, at);
        await writeDuringLoad?.();
        writeDuringLoad = null;
        return index;
      },
    });
    const before = await cache.get(db, await territory());
    expect(ids(before)).toContain(offer.id);
    const after = await cache.get(db, await territory());
    expect(ids(after)).not.toContain(offer.id);
    expect(await cache.get(db, await territory())).toBe(after);
    expect(loads).toBe(2);
  });
});
