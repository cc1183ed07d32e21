/**
 * A results page is written once a minute per territory and query, until the territory's
 * published data changes; never with the free-slot filter (agendas change outside the version).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { parseSearchFilters } from "./filters";
import { loadPublicTerritory, loadResultsPage } from "./page-data";

beforeAll(async () => {
  await seedDemoTerritory(db);
});

const search = async (query: Record<string, string>, now: Date) => {
  const territory = (await loadPublicTerritory(DEMO_TERRITORY_SLUG))!;
  const { filters, ignored } = parseSearchFilters(query);
  return loadResultsPage(territory, filters, ignored, now);
};

describe("loadResultsPage", () => {
  it("keeps a page for the minute, per query and language; writes it again the next minute or when the data changes", async () => {
    const now = new Date("2026-12-07T09:30:10Z");
    const first = await search({ besoin: "demarches-administratives" }, now);
    expect(await search({ besoin: "demarches-administratives" }, new Date(now.getTime() + 40_000))).toBe(first);
    expect(await search({ besoin: "demarches-administratives", lang: "en" }, now)).not.toBe(first);
    expect(await search({ besoin: "demarches-administratives", page: "2" }, now)).not.toBe(first);
    expect(await search({ besoin: "demarches-administratives" }, new Date(now.getTime() + 60_000))).not.toBe(first);

    const offer = await db.offer.findFirstOrThrow({ where: { status: "published", terms: { some: { term: { code: "Aide aux démarches administratives" } } } }, select: { id: true, title: true } });
    const renamed = `${offer.title} (nouveau nom)`;
    await db.offer.update({ where: { id: offer.id }, data: { title: renamed } });
    try {
      const after = await search({ besoin: "demarches-administratives" }, now);
      expect(after).not.toBe(first);
      expect(after.main.value).toContain(renamed);
      expect(first.main.value).not.toContain(renamed);
    } finally {
      await db.offer.update({ where: { id: offer.id }, data: { title: offer.title } });
    }
  });

  it("writes the free-slot search for each request", async () => {
    const now = new Date("2026-12-07T09:30:10Z");
    const first = await search({ creneau: "semaine" }, now);
    expect(await search({ creneau: "semaine" }, now)).not.toBe(first);
  });
});
