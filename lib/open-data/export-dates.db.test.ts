/**
 * Rows stamped "in the future" — the database's clock ahead of the app's, or a writer on another
 * instance whose clock runs fast — must not drop out of the exports: every exported date is capped
 * at the export's own day, in every format (issue 14).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { officialDiErrors } from "@/tests/support/datainclusion-schema";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_STRUCTURES } from "@/lib/demo/territory";
import { toDataInclusion } from "./datainclusion/export";
import { diServiceSchema, diStructureSchema } from "./datainclusion/schema";
import { territoryToday } from "./downloads";
import { toHsds } from "./hsds/export";
import { toLmnRows } from "./lmn/export";
import { loadTerritorySnapshot, type TerritorySnapshot } from "./snapshot";

// The app's clock; the rows are stamped three days after it.
const now = new Date("2030-06-15T10:00:00Z");
const future = new Date(now.getTime() + 3 * 24 * 3_600_000);
const today = territoryToday({ timeZone: "Europe/Paris" }, now);
let snapshot: TerritorySnapshot;

beforeAll(async () => {
  const { territoryId } = await seedDemoTerritory(db, now);
  await db.$executeRaw`UPDATE "Structure" SET "updatedAt" = ${future}, "lastVerifiedAt" = ${future} WHERE "territoryId" = ${territoryId}`;
  await db.$executeRaw`UPDATE "Place" SET "updatedAt" = ${future} WHERE "structureId" IN (SELECT id FROM "Structure" WHERE "territoryId" = ${territoryId})`;
  await db.$executeRaw`UPDATE "Offer" SET "updatedAt" = ${future}, "lastVerifiedAt" = ${future} WHERE "territoryId" = ${territoryId}`;
  snapshot = await loadTerritorySnapshot(db, territoryId, now);
});

describe("exports of rows stamped after the export's day", () => {
  it("date the snapshot's structures, places and offers today, not in the future", () => {
    expect(today).toBe("2030-06-15");
    const dates = [...snapshot.structures, ...snapshot.places, ...snapshot.offers].map((item) => item.updatedOn);
    expect(dates.length).toBeGreaterThan(10);
    expect(new Set(dates)).toEqual(new Set([today]));
  });

  it("keep every French structure and every service in data·inclusion, valid against its rules", () => {
    const exported = toDataInclusion(snapshot, { today });
    expect(exported.skipped).toEqual([]);
    // Every demo structure is published and French.
    expect(exported.structures.map((structure) => structure.id).sort()).toEqual(snapshot.structures.map((structure) => structure.id).sort());
    expect(exported.structures).toHaveLength(DEMO_STRUCTURES.length);
    // One service per offer and French place (an offer with no place is one service).
    const french = new Set(snapshot.places.filter((place) => place.country === "FR").map((place) => place.id));
    const perPlace = snapshot.offers.map((offer) => Math.max(1, offer.places.filter(({ placeId }) => french.has(placeId)).length));
    expect(exported.services).toHaveLength(perPlace.reduce((sum, count) => sum + count, 0));
    for (const record of exported.structures) expect(diStructureSchema(today).safeParse(record).error?.issues ?? []).toEqual([]);
    for (const record of exported.services) expect(diServiceSchema(today).safeParse(record).error?.issues ?? []).toEqual([]);
    expect(officialDiErrors("structure", exported.structures)).toEqual([]);
    expect(officialDiErrors("service", exported.services)).toEqual([]);
  });

  it("cap the exporters' dates at their own day, whatever the snapshot says", () => {
    // A snapshot built elsewhere (an import's round trip) may carry a later date: each exporter caps it too.
    const later = {
      ...snapshot,
      structures: snapshot.structures.map((structure) => ({ ...structure, updatedOn: "2030-07-01" })),
      places: snapshot.places.map((place) => ({ ...place, updatedOn: "2030-07-01" })),
      offers: snapshot.offers.map((offer) => ({ ...offer, updatedOn: "2030-07-01" })),
    };
    const di = toDataInclusion(later, { today });
    expect(di.skipped).toEqual([]);
    expect(new Set([...di.structures, ...di.services].map((record) => record.date_maj))).toEqual(new Set([today]));
    const lmn = toLmnRows(later, today);
    expect(lmn.rows.length).toBeGreaterThan(0);
    expect(new Set(lmn.rows.map((row) => row.date_maj))).toEqual(new Set([today]));
    const hsds = toHsds(later, { today });
    expect(new Set(hsds.services.map((service) => service.last_modified))).toEqual(new Set([`${today}T00:00:00Z`]));
  });
});
