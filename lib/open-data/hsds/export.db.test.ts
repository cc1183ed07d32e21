import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { db } from "@/lib/db";
import { getOffer, getOffers, getStructures, getTerritory } from "../api/handlers";
import { territoryDownload } from "../downloads";
import { commitImport } from "../import/commit";
import { parseLmnJson } from "../import/lmn";
import { planImport } from "../import/plan";
import { hsdsErrors, nullPaths } from "../testing/hsds-schemas";
import type { HsdsNestedOrganization } from "./nested";

// The 687 real Hinaura places imported into a fresh territory, then exported in HSDS 3.1.
const TODAY = "2026-11-22";
const now = new Date(`${TODAY}T10:00:00Z`);
const ORIGIN = "https://toile.example";
const SLUG = "hinaura-hsds";
let territory: { id: string; slug: string; name: string; timeZone: string };

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "hsds@exemple.fr" }, select: { id: true } });
  territory = await db.territory.create({ data: { slug: SLUG, name: "Hinaura", country: "FR" }, select: { id: true, slug: true, name: true, timeZone: true } });
  const parsed = parseLmnJson(readFileSync(HINAURA_V0_JSON));
  const plan = await planImport(db, territory.id, parsed.rows, parsed.issues);
  const outcome = await commitImport(db, { userId: user.id }, territory.id, plan, { origin: "le fichier hinaura.json", now });
  if (!outcome.ok) throw new Error("import du fichier Hinaura refusé");
});

describe("HSDS 3.1 on the real Hinaura data (issue 16, point 5)", () => {
  it("is HSDS's nested JSON, valid against the official compiled schema, with no null anywhere", async () => {
    const download = await territoryDownload(db, territory, "hsds-3.json", now, ORIGIN);
    const organizations = JSON.parse(download.body as string) as HsdsNestedOrganization[];
    expect(nullPaths(organizations)).toEqual([]);
    expect(hsdsErrors("organizations", organizations)).toEqual([]);

    // Everything published is there, nested: structures, their places (with hours) and offers.
    const [structures, places, offers] = await Promise.all([
      db.structure.count({ where: { territoryId: territory.id, status: "published" } }),
      db.place.count({ where: { structure: { territoryId: territory.id } } }),
      db.offer.count({ where: { territoryId: territory.id, status: "published" } }),
    ]);
    expect(structures).toBeGreaterThan(500);
    expect(organizations).toHaveLength(structures);
    expect(organizations.flatMap((organization) => organization.locations)).toHaveLength(places);
    expect(organizations.flatMap((organization) => organization.services)).toHaveLength(offers);
    const schedules = organizations.flatMap((organization) => organization.locations.flatMap((location) => location.schedules));
    expect(schedules.length).toBeGreaterThan(1000);
    expect(organizations.flatMap((organization) => organization.services.flatMap((service) => service.service_at_locations.map((at) => at.location?.id)))).not.toContain(undefined);

    // The API's whole-territory HSDS is the same file.
    expect(await (await getTerritory(db, new Request(`${ORIGIN}/api/v1/territories/${SLUG}?format=hsds`), SLUG, now)).json()).toEqual(organizations);
  });

  it("gives API pages and items that validate as the standard's organization and service", async () => {
    const structures = (await (await getStructures(db, new Request(`${ORIGIN}/api/v1/territories/${SLUG}/structures?limit=200&format=hsds`), SLUG, now)).json()) as { items: unknown[] };
    expect(structures.items).toHaveLength(200);
    for (const item of structures.items) expect(hsdsErrors("organization", item)).toEqual([]);
    const offers = (await (await getOffers(db, new Request(`${ORIGIN}/api/v1/territories/${SLUG}/offers?limit=200&format=hsds`), SLUG, now)).json()) as { items: { id: string }[] };
    expect(offers.items).toHaveLength(200);
    expect(nullPaths(offers.items)).toEqual([]);
    for (const item of offers.items) expect(hsdsErrors("service", item)).toEqual([]);
    const one = await (await getOffer(db, new Request(`${ORIGIN}/api/v1/offers/${offers.items[0]!.id}?format=hsds`), offers.items[0]!.id, now)).json();
    expect(hsdsErrors("service", one)).toEqual([]);
    expect(one).toMatchObject({ id: offers.items[0]!.id, organization: expect.objectContaining({ name: expect.any(String) }) });
  });
});
