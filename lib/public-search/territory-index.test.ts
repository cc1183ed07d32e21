import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createIndexCache, type IndexedTerritory, type TerritoryIndex } from "./territory-index";

const db = {} as PrismaClient;
const territory = (id: string, searchVersion = 0): IndexedTerritory => ({ id, searchVersion, timeZone: "Europe/Paris", country: "FR" });

/** A cache whose loads are counted, each index holding `sizes[id]` offers. */
function cacheOf(maxOffers: number, sizes: Record<string, number>) {
  const loads: string[] = [];
  const cache = createIndexCache({
    maxOffers,
    load: async (_, { id, searchVersion, timeZone, country }) => {
      loads.push(`${id}@${searchVersion}`);
      const offers = Array.from({ length: sizes[id]! }, () => ({})) as TerritoryIndex["offers"];
      return { territoryId: id, version: searchVersion, timeZone, country, offers, postings: new Map(), byCommune: new Map(), withoutPlace: new Int32Array(), communes: [], structureNames: new Map() };
    },
  });
  return { cache, loads };
}

describe("the indexes held in memory", () => {
  it("keep at most maxOffers offers, dropping the least recently searched territory first", async () => {
    const { cache, loads } = cacheOf(10, { a: 4, b: 4, c: 4 });
    await cache.get(db, territory("a"));
    await cache.get(db, territory("b"));
    await cache.get(db, territory("a"));
    await cache.get(db, territory("c"));
    expect(cache.territories()).toEqual(["a", "c"]);
    await cache.get(db, territory("a"));
    expect(loads).toEqual(["a@0", "b@0", "c@0"]);
  });

  it("keep a territory larger than the bound alone", async () => {
    const { cache } = cacheOf(10, { a: 4, big: 12 });
    await cache.get(db, territory("a"));
    await cache.get(db, territory("big"));
    expect(cache.territories()).toEqual(["big"]);
  });

  it("load once for concurrent searches, again for a newer version, not for an older one", async () => {
    const { cache, loads } = cacheOf(100, { a: 1 });
    const [first, second] = await Promise.all([cache.get(db, territory("a", 1)), cache.get(db, territory("a", 1))]);
    expect(first).toBe(second);
    const newer = await cache.get(db, territory("a", 2));
    expect(newer.version).toBe(2);
    // A search that read version 1 before the bump may use the index of version 2.
    expect(await cache.get(db, territory("a", 1))).toBe(newer);
    expect(loads).toEqual(["a@1", "a@2"]);
  });

  it("load again when the time zone changed, and after a failed load", async () => {
    let fail = true;
    const loads: string[] = [];
    const cache = createIndexCache({
      maxOffers: 100,
      load: async (_, { id, searchVersion, timeZone, country }) => {
        loads.push(timeZone);
        if (fail) throw new Error("database down");
        return { territoryId: id, version: searchVersion, timeZone, country, offers: [], postings: new Map(), byCommune: new Map(), withoutPlace: new Int32Array(), communes: [], structureNames: new Map() };
      },
    });
    await expect(cache.get(db, territory("a"))).rejects.toThrow("database down");
    fail = false;
    await cache.get(db, territory("a"));
    await cache.get(db, { ...territory("a"), timeZone: "Europe/Brussels" });
    expect(loads).toEqual(["Europe/Paris", "Europe/Paris", "Europe/Brussels"]);
  });
});
