/**
 * The API on the real Hinaura file (687 places, LMN v0.1) imported into a territory: every page of
 * structures and offers, in every format, validates against the OpenAPI document; and an hours
 * edit of an imported place reaches `updated_since` and `updatedOn` (which gave the source's
 * `date_maj` until then).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadHours, saveHours } from "@/lib/hours/editing";
import { hoursFormSchema } from "@/lib/hours/schemas";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { conformance } from "@/tests/support/openapi-conformance";
import { commitImport } from "../import/commit";
import { parseLmnJson } from "../import/lmn";
import { planImport } from "../import/plan";
import { getOffer, getOffers, getStructure, getStructures } from "./handlers";

const ORIGIN = "http://toile.test";
const SLUG = "hinaura";
const IMPORTED = new Date("2026-11-22T10:00:00Z");
/** Every imported row's own dates are set back to this day, so that only the edit below is newer. */
const PAST = new Date("2020-01-01T00:00:00Z");
const EDITED = new Date("2027-03-01T09:00:00Z");
const API_NOW = new Date("2027-03-02T09:00:00Z");
let territoryId: string;
let actorId: string;

type Page = { items: { id: string }[]; next: string | null; format: string };

/** Every page of a list (following `next`), each checked against the document. */
async function allPages(kind: "structures" | "offers", query: string): Promise<{ ids: string[]; errors: unknown[] }> {
  const ids: string[] = [];
  const errors: unknown[] = [];
  let url: string | null = `${ORIGIN}/api/v1/territories/${SLUG}/${kind}?${query}`;
  while (url) {
    const response = await (kind === "offers" ? getOffers : getStructures)(db, new Request(url), SLUG, API_NOW);
    const body = (await response.clone().json()) as Page;
    errors.push(...(await conformance(`/api/v1/territories/{slug}/${kind}`, "get", response)));
    ids.push(...body.items.map(({ id }) => id));
    url = body.next;
  }
  return { ids: ids.sort(), errors };
}

beforeAll(async () => {
  territoryId = (await db.territory.create({ data: { slug: SLUG, name: "Hinaura", country: "FR" } })).id;
  actorId = (await db.user.create({ data: { email: "coordination@hinaura.exemple.fr", name: "Coordination" } })).id;
  const parsed = parseLmnJson(readFileSync(HINAURA_V0_JSON));
  const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
  const outcome = await commitImport(db, { userId: actorId }, territoryId, plan, { origin: "le fichier hinaura.json", now: IMPORTED });
  expect(outcome.ok).toBe(true);
  await db.structure.updateMany({ where: { territoryId }, data: { updatedAt: PAST } });
  await db.offer.updateMany({ where: { territoryId }, data: { updatedAt: PAST, lastVerifiedAt: PAST } });
  await db.place.updateMany({ where: { structure: { territoryId } }, data: { updatedAt: PAST } });
  // The import's records are dated by the real clock (after every write of the commit): put them
  // at the injected import date too, or an edit dated EDITED would count as older than the import
  // once the calendar passes EDITED.
  await db.importedRecord.updateMany({ where: { territoryId }, data: { importedAt: IMPORTED } });
}, 120_000);

describe("the API on the Hinaura data", () => {
  it("every page of structures and offers, in every format, validates against the OpenAPI document", async () => {
    const published = (await db.offer.findMany({ where: { territoryId, status: "published", structure: { status: "published" } }, select: { id: true } })).map(({ id }) => id).sort();
    expect(published.length).toBeGreaterThan(600);
    for (const format of ["toile", "data-inclusion", "hsds"]) {
      const offers = await allPages("offers", `format=${format}&limit=200`);
      expect(offers.errors, `offers ${format}`).toEqual([]);
      // data·inclusion leaves out what its model refuses (reported by the export); the others have every offer.
      if (format === "data-inclusion") expect(offers.ids.length).toBeGreaterThan(published.length * 0.9);
      else expect(offers.ids).toEqual(published);
      const structures = await allPages("structures", `format=${format}&limit=200`);
      expect(structures.errors, `structures ${format}`).toEqual([]);
      expect(structures.ids.length).toBeGreaterThan(300);
    }
    const offerId = published[0]!;
    const structureId = (await db.offer.findUniqueOrThrow({ where: { id: offerId } })).structureId;
    for (const format of ["toile", "data-inclusion", "hsds"]) {
      expect(await conformance("/api/v1/offers/{id}", "get", await getOffer(db, new Request(`${ORIGIN}/api/v1/offers/${offerId}?format=${format}`), offerId, API_NOW))).toEqual([]);
      expect(await conformance("/api/v1/structures/{id}", "get", await getStructure(db, new Request(`${ORIGIN}/api/v1/structures/${structureId}?format=${format}`), structureId, API_NOW))).toEqual([]);
    }
  });

  it("an imported place's hours saved in Toile: its offers and structure in updated_since, their updatedOn the edit's day", async () => {
    const place = await db.place.findFirstOrThrow({
      where: { structure: { territoryId, status: "published" }, offers: { some: { offer: { status: "published" } } }, openingSlots: { some: {} } },
      select: { id: true, structureId: true, offers: { select: { offerId: true } } },
    });
    const offerIds = place.offers.map(({ offerId }) => offerId).sort();
    const before = await (await getOffer(db, new Request(`${ORIGIN}/api/v1/offers/${offerIds[0]}`), offerIds[0]!, API_NOW)).json() as { updatedOn: string };
    expect(before.updatedOn < "2027-03-01").toBe(true);
    expect((await allPages("offers", "updated_since=2027-03-01")).ids).toEqual([]);

    const owner = { kind: "place" as const, placeId: place.id };
    const loaded = (await loadHours(db, place.structureId, owner))!;
    const input = hoursFormSchema.parse({ structureId: place.structureId, owner, version: loaded.version, publicHolidays: "closed", slots: [{ weekday: "2", opens: "09:00", closes: "12:00" }] });
    expect(await saveHours(db, input, actorId, EDITED)).toMatchObject({ ok: true, changed: true });

    expect((await allPages("offers", "updated_since=2027-03-01")).ids).toEqual(offerIds);
    expect((await allPages("structures", "updated_since=2027-03-01")).ids).toContain(place.structureId);
    const after = await (await getOffer(db, new Request(`${ORIGIN}/api/v1/offers/${offerIds[0]}`), offerIds[0]!, API_NOW)).json() as { updatedOn: string; places: { id: string; hours: { osm: string } }[] };
    expect(after.updatedOn).toBe("2027-03-01");
    expect(after.places.find(({ id }) => id === place.id)!.hours.osm).toMatch(/^Tu 09:00-12:00/);
  });
});
