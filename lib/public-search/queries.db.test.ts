import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { dayFromNextMonday, seedDemoTerritory } from "@/lib/demo/seed";
import { zonedInstant } from "@/lib/hours/rules";
import { parseSearchFilters } from "./filters";
import { PAGE_SIZE, searchOffers, territoryCommunes } from "./queries";

const now = new Date();
const search = async (params: Record<string, string | string[]>, at = now) => {
  const outcome = await searchOffers(db, DEMO_TERRITORY_SLUG, parseSearchFilters(params).filters, at);
  if (!outcome) throw new Error("the demo territory is missing");
  return outcome;
};
const titles = async (params: Record<string, string | string[]>, at = now) => (await search(params, at)).results.map(({ title }) => title);

beforeAll(async () => {
  await seedDemoTerritory(db, now);
});

describe("searchOffers", () => {
  it("answers null for an unknown territory", async () => {
    expect(await searchOffers(db, "nulle-part", parseSearchFilters({}).filters, now)).toBeNull();
  });

  it("lists only published offers of published structures, by title, with the territory's communes", async () => {
    const outcome = await search({});
    const published = await db.offer.count({ where: { status: "published", structure: { status: "published", territory: { slug: DEMO_TERRITORY_SLUG } } } });
    expect(outcome.total).toBe(published);
    expect(outcome.total).toBeLessThan(await db.offer.count());
    const list = outcome.results.map(({ title }) => title);
    expect(list).toEqual([...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await territoryCommunes(db, outcome.territory.id)).map(({ postalCode }) => postalCode)).toContain("02400");
  });

  it("hides an offer once it is a draft, and offers of a structure that is not published", async () => {
    const offer = await db.offer.findFirstOrThrow({ where: { title: "Ordinateurs en accès libre" }, select: { id: true, structureId: true } });
    // Written here directly, not through the app's writers: the database bumps the version.
    await db.offer.update({ where: { id: offer.id }, data: { status: "draft" } });
    expect(await titles({ q: "ordinateur" })).not.toContain("Ordinateurs en accès libre");
    await db.offer.update({ where: { id: offer.id }, data: { status: "published" } });
    await db.structure.update({ where: { id: offer.structureId }, data: { status: "draft" } });
    expect(await titles({})).not.toContain("Ordinateurs en accès libre");
    await db.structure.update({ where: { id: offer.structureId }, data: { status: "published" } });
    expect(await titles({})).toContain("Ordinateurs en accès libre");
  });

  it("finds offers by need slug", async () => {
    const list = await titles({ besoin: "trouver-un-emploi" });
    expect(list).toContain("Accompagnement vers l'emploi et la formation des 16-25 ans");
    expect(list).not.toContain("Réparer ensemble ordinateurs et smartphones");
  });

  it("finds offers by free text with synonyms and without accents: mdp, impots, CV", async () => {
    const cv = await search({ q: "refaire mon CV" });
    expect(cv.needs[0]?.need.slug).toBe("trouver-un-emploi");
    expect(cv.results.map(({ title }) => title)).toContain("Accompagnement numérique des moins de 26 ans");
    expect(cv.results.map(({ title }) => title)).not.toContain("Fabrication numérique : impression 3D, découpe laser");
    expect(await titles({ q: "impots" })).toContain("Aide aux démarches administratives en ligne");
    expect(await titles({ q: "impôts" })).toEqual(await titles({ q: "IMPOTS" }));
    const password = await search({ q: "mdp" });
    expect(password.needs[0]?.need.slug).toBe("mot-de-passe");
    expect(password.total).toBeGreaterThan(0);
  });

  it("searches titles and descriptions when the text means no need, accents aside", async () => {
    const plain = await search({ q: "decoupe laser" });
    expect(plain.textFallback).toBe(true);
    expect(plain.results.map(({ title }) => title)).toEqual(["Fabrication numérique : impression 3D, découpe laser"]);
    expect((await search({ q: "DÉCOUPÉ" })).results.map(({ title }) => title)).toEqual(["Fabrication numérique : impression 3D, découpe laser"]);
    expect((await search({ q: "zzqx" })).total).toBe(0);
  });

  it("filters by commune, by postal code, and around a commune", async () => {
    const essomes = await search({ commune: "Essômes-sur-Marne" });
    expect(essomes.communeMatches.map(({ code }) => code)).toEqual(["02290"]);
    const places = essomes.results.flatMap(({ places, remote }) => (remote ? ["remote"] : places.map(({ communeName }) => communeName)));
    expect(places).toContain("Essômes-sur-Marne");
    for (const result of essomes.results) expect(result.remote || result.places.some(({ communeName }) => communeName === "Essômes-sur-Marne")).toBe(true);
    const charly = await titles({ commune: "02310" });
    expect(charly).toContain("Réparer ensemble ordinateurs et smartphones");
    expect(charly).not.toContain("Ordinateurs en accès libre");
    expect(await titles({ commune: "02310", distance: "20" })).toContain("Ordinateurs en accès libre");
  });

  it("says when the commune is unknown or the distance has no commune", async () => {
    const outcome = await search({ commune: "Paris", distance: "10" });
    expect(outcome.ignored).toEqual([{ filter: "commune", reason: "unknown" }, { filter: "distance", reason: "needsCommune" }]);
    expect(outcome.total).toBe((await search({})).total);
  });

  it("filters by access mode and by free of charge", async () => {
    const dropIn = await search({ acces: "sans-rendez-vous" });
    expect(dropIn.total).toBeGreaterThan(0);
    for (const result of dropIn.results) expect(result.accessModes).toContain("sans-rendez-vous");
    const free = await search({ gratuit: "1" });
    expect(free.total).toBeGreaterThan(0);
    for (const result of free.results) expect(result.free).toBe(true);
    expect(free.results.map(({ title }) => title)).not.toContain("Formation à la modélisation 3D");
  });

  it("filters by age and public", async () => {
    expect(await titles({ age: "70" })).not.toContain("Accompagnement numérique des moins de 26 ans");
    expect(await titles({ age: "20" })).toContain("Accompagnement numérique des moins de 26 ans");
    expect(await titles({ public: "seniors" })).not.toContain("Accompagnement vers l'emploi et la formation des 16-25 ans");
  });

  it("keeps offers open at a fixed instant, and says when the others open", async () => {
    // A Tuesday at 10:30 in Paris, two weeks ahead (after the demo's closure next week).
    const tuesday = zonedInstant(dayFromNextMonday(now, 8).toISOString().slice(0, 10), 10 * 60 + 30, "Europe/Paris");
    const sunday = zonedInstant(dayFromNextMonday(now, 13).toISOString().slice(0, 10), 10 * 60 + 30, "Europe/Paris");
    const open = await search({ ouvert: "maintenant" }, tuesday);
    expect(open.total).toBeGreaterThan(0);
    for (const result of open.results) expect(result.opening.status.open).toBe(true);
    expect((await search({ ouvert: "maintenant" }, sunday)).total).toBeLessThan(open.total);
    const all = await search({}, sunday);
    expect(all.results.some(({ opening }) => !opening.status.open && opening.status.nextOpensAt)).toBe(true);
  });

  it("says an offer is closed until the end of its closure", async () => {
    const closureMonday = zonedInstant(dayFromNextMonday(now, 0).toISOString().slice(0, 10), 11 * 60, "Europe/Paris");
    const closed = (await search({}, closureMonday)).results.filter(({ opening }) => opening.closedUntil);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed[0]!.opening.closedUntil).toEqual({ date: dayFromNextMonday(now, 2).toISOString().slice(0, 10), label: "Fermeture pour inventaire" });
  });

  it("pages by twenty, and brings a page beyond the last back to the last", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } } });
    await db.offer.createMany({
      data: Array.from({ length: PAGE_SIZE + 5 }, (_, index) => ({ structureId: structure.id, territoryId: structure.territoryId, title: `Zz atelier ${String(index).padStart(2, "0")}`, status: "published" as const })),
    });
    const first = await search({});
    expect(first.results).toHaveLength(PAGE_SIZE);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    const second = await search({ page: "2" });
    expect(second.page).toBe(2);
    expect(second.results.map(({ id }) => id)).not.toContain(first.results[0]!.id);
    const beyond = await search({ page: "499" });
    expect(beyond.page).toBe(first.pageCount);
    await db.offer.deleteMany({ where: { title: { startsWith: "Zz atelier" } } });
  });
});
