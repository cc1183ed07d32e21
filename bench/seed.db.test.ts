import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishProblems } from "@/lib/offers/rules";
import { communeHasPostalCode } from "@/lib/places/communes";
import { checkBce, checkSiret } from "@/lib/structures/identifiers";
import { generateDataset, plannedCounts, type TermIds } from "./dataset/generate";
import { RefusedDatabaseError, seedBenchmark } from "./dataset/seed-benchmark";

const SCALE = 0.002;
const referenceDate = new Date("2026-11-02T00:00:00Z");
const url = process.env.DATABASE_URL!;
let client: pg.Client;

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  return (await client.query<T>(sql, params)).rows;
}
async function count(sql: string) {
  return Number((await rows<{ count: string }>(sql))[0]!.count);
}
async function termIds(): Promise<TermIds> {
  const ids: TermIds = new Map();
  for (const row of await rows<{ id: string; vocabularyKey: string; code: string }>(`SELECT id, "vocabularyKey", code FROM "VocabularyTerm"`)) {
    if (!ids.has(row.vocabularyKey)) ids.set(row.vocabularyKey, new Map());
    ids.get(row.vocabularyKey)!.set(row.code, row.id);
  }
  return ids;
}

beforeAll(async () => {
  await seedBenchmark(url, { scale: SCALE, seed: 42, referenceDate });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe("the benchmark dataset", () => {
  it("has the planned counts, scaled", async () => {
    const planned = plannedCounts(SCALE);
    expect(planned).toMatchObject({ territories: 2, structures: 60, places: 90, offers: 200 });
    expect(await count(`SELECT count(*) FROM "Territory" WHERE slug LIKE 'bench-%'`)).toBe(planned.territories);
    expect(await count(`SELECT count(*) FROM "Territory" WHERE country = 'BE'`)).toBe(planned.belgianTerritories);
    expect(await count(`SELECT count(*) FROM "Structure"`)).toBe(planned.structures);
    expect(await count(`SELECT count(*) FROM "Place"`)).toBe(planned.places);
    expect(await count(`SELECT count(*) FROM "Offer"`)).toBe(planned.offers);
    expect(await count(`SELECT count(*) FROM "OpeningSlot"`)).toBeGreaterThan(planned.places);
    expect(await count(`SELECT count(*) FROM "OfferPlace" op JOIN "Place" p ON p.id = op."placeId" JOIN "Offer" o ON o.id = op."offerId" WHERE p."structureId" <> o."structureId"`)).toBeGreaterThan(0);
  });

  it("gives every place a real commune and a postal code of that commune", async () => {
    const places = await rows<{ country: string; postalCode: string; communeCode: string; latitude: number; longitude: number }>(
      `SELECT country, "postalCode", "communeCode", latitude, longitude FROM "Place"`,
    );
    for (const place of places) {
      if (place.country === "FR") expect(communeHasPostalCode(place.communeCode, place.postalCode), place.communeCode).toBe(true);
      else expect(place.communeCode).toMatch(/^\d{4}$/);
      expect(place.latitude).toBeGreaterThan(41);
      expect(place.latitude).toBeLessThan(51.5);
    }
  });

  it("writes valid, non-overlapping weekly slots, each with exactly one owner", async () => {
    expect(await count(`SELECT count(*) FROM "OpeningSlot" WHERE "opensAtMinute" >= "closesAtMinute" OR weekday NOT BETWEEN 1 AND 7 OR "opensAtMinute" < 0 OR "closesAtMinute" > 1440`)).toBe(0);
    expect(await count(`SELECT count(*) FROM "OpeningSlot" WHERE num_nonnulls("placeId", "offerPlaceId", "offerId") <> 1`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM "OpeningSlot" a JOIN "OpeningSlot" b
        ON a.id < b.id AND a.weekday = b.weekday
        AND coalesce(a."placeId", a."offerPlaceId", a."offerId") = coalesce(b."placeId", b."offerPlaceId", b."offerId")
        AND a."opensAtMinute" < b."closesAtMinute" AND b."opensAtMinute" < a."closesAtMinute"`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM "OpeningException" WHERE "startsOn" > "endsOn" OR (NOT closed AND "opensAtMinute" >= "closesAtMinute")`)).toBe(0);
    // As in the hours editor: an offer at a place has its own holiday rule and exceptions only with its own hours.
    expect(
      await count(`SELECT count(*) FROM "OfferPlace" op
        WHERE (op."publicHolidays" IS NOT NULL OR EXISTS (SELECT 1 FROM "OpeningException" e WHERE e."offerPlaceId" = op.id))
        AND NOT EXISTS (SELECT 1 FROM "OpeningSlot" s WHERE s."offerPlaceId" = op.id)`),
    ).toBe(0);
  });

  it("reads back through the application's public listing", async () => {
    const { getTerritoryOffers } = await import("@/lib/offers/queries");
    const [territory] = await rows<{ slug: string }>(`SELECT slug FROM "Territory" WHERE country = 'FR' LIMIT 1`);
    const listing = await getTerritoryOffers(territory!.slug);
    expect(listing?.offers.length).toBeGreaterThan(0);
    expect(listing?.offers.every((offer) => offer.labelsByRole.need?.length)).toBe(true);
  });

  it("publishes only offers the publishing rules accept", async () => {
    const offers = await rows<{ needs: string; accessModes: string[]; places: string }>(`
      SELECT
        (SELECT count(*) FROM "OfferTerm" ot JOIN "VocabularyTerm" t ON t.id = ot."termId" JOIN "Vocabulary" v ON v.key = t."vocabularyKey"
          WHERE ot."offerId" = o.id AND v.role = 'need') AS needs,
        ARRAY(SELECT t.code FROM "OfferTerm" ot JOIN "VocabularyTerm" t ON t.id = ot."termId"
          WHERE ot."offerId" = o.id AND t."vocabularyKey" = 'toile.modes_acces') AS "accessModes",
        (SELECT count(*) FROM "OfferPlace" op WHERE op."offerId" = o.id) AS places
      FROM "Offer" o WHERE o.status = 'published'`);
    expect(offers.length).toBeGreaterThan(100);
    for (const offer of offers) {
      expect(publishProblems({ needs: Number(offer.needs), accessModes: offer.accessModes, places: Number(offer.places) })).toEqual([]);
      expect(Number(offer.needs)).toBeLessThanOrEqual(4);
    }
    expect(await count(`SELECT count(*) FROM "Offer" WHERE "lastVerifiedAt" < '2026-05-02'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "Offer" WHERE "lastVerifiedAt" > '2026-05-02'`)).toBeGreaterThan(0);
  });

  it("gives identifiers with valid checksums", async () => {
    const identifiers = await rows<{ type: string; value: string }>(`SELECT type, value FROM "StructureIdentifier"`);
    expect(identifiers.some((identifier) => identifier.type === "SIRET")).toBe(true);
    for (const { type, value } of identifiers) {
      if (type === "SIRET") expect(checkSiret(value), value).toMatchObject({ ok: true });
      if (type === "BCE") expect(checkBce(value), value).toMatchObject({ ok: true });
      if (type === "RNA") expect(value).toMatch(/^W\d{9}$/);
    }
  });

  it("is the same for the same seed, and another for another seed", async () => {
    const ids = await termIds();
    const options = { scale: SCALE, seed: 42, referenceDate };
    const first = generateDataset(ids, options);
    expect(generateDataset(ids, options)).toEqual(first);
    const stored = (await rows<{ name: string }>(`SELECT name FROM "Structure"`)).map((row) => row.name).sort();
    expect(stored).toEqual(first.Structure.map((row) => row.name as string).sort());
    const other = generateDataset(ids, { ...options, seed: 43 });
    expect(other.Structure.map((row) => row.name)).not.toEqual(first.Structure.map((row) => row.name));
  });

  it("holds a year of transfers in parcours, with their events, ping-pong, and timestamps that agree with the statuses", async () => {
    const transfers = await count(`SELECT count(*) FROM "Transfer"`);
    expect(transfers).toBeGreaterThan(1_500);
    expect(await count(`SELECT count(*) FROM "Transfer" t WHERE NOT EXISTS (SELECT 1 FROM "Transfer" r WHERE r.id = t."parcoursId" AND r."territoryId" = t."territoryId")`)).toBe(0);
    // A later transfer continues its parcours from the previous receiver, after it was sent.
    expect(
      await count(`SELECT count(*) FROM "Transfer" t JOIN "Transfer" p ON p.id = t."previousTransferId"
                   WHERE p."parcoursId" <> t."parcoursId" OR p."toStructureId" <> t."fromStructureId" OR p."sentAt" >= t."sentAt"`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM "Transfer" WHERE "fromStructureId" = "toStructureId"`)).toBe(0);
    expect(await count(`SELECT count(*) FROM "Transfer" WHERE "sentAt" > '2026-11-02' OR "sentAt" < '2025-11-02'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM "Transfer" WHERE "acknowledgedAt" < "sentAt" OR "acceptedAt" < "acknowledgedAt" OR "closedAt" < "sentAt" OR "closedAt" > '2026-11-02'`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM "Transfer" WHERE (status IN ('completed', 'declined', 'expired', 'cancelled')) <> ("closedAt" IS NOT NULL)
                   OR (status = 'completed' AND (outcome IS NULL OR "acceptedAt" IS NULL)) OR (status = 'declined' AND "declineReason" IS NULL)`),
    ).toBe(0);
    for (const status of ["sent", "acknowledged", "accepted", "completed", "declined", "expired", "cancelled"]) {
      expect(await count(`SELECT count(*) FROM "Transfer" WHERE status = '${status}'`), status).toBeGreaterThan(0);
    }
    expect(
      await count(`SELECT count(*) FROM "Transfer" t WHERE t."parcoursId" <> t.id AND EXISTS (
                     SELECT 1 FROM "Transfer" e WHERE e."parcoursId" = t."parcoursId" AND e."sentAt" < t."sentAt" AND e."fromStructureId" = t."toStructureId")`),
    ).toBeGreaterThan(0);
    // Every transfer's events: created and sent, then one per timestamp, the last one its status.
    const EVENT_ORDER = `CASE e.type WHEN 'created' THEN 0 WHEN 'sent' THEN 1 WHEN 'acknowledged' THEN 2 WHEN 'accepted' THEN 3 ELSE 4 END`;
    expect(
      await count(`SELECT count(*) FROM "Transfer" t WHERE t.status <> (SELECT e."toStatus" FROM "TransferEvent" e WHERE e."transferId" = t.id ORDER BY ${EVENT_ORDER} DESC LIMIT 1)`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM "TransferEvent"`)).toBeGreaterThan(3 * transfers);
  });

  it("summarises the activity for the indicators, and writes the same transfers for the same seed", async () => {
    expect(await count(`SELECT count(*) FROM "IndicatorStaleMonth"`)).toBe(0);
    expect(await count(`SELECT sum(sent) AS count FROM "TransferMonthStat" WHERE dimension = 'all' AND "scopeId" = '00000000-0000-0000-0000-000000000000'`)).toBe(
      await count(`SELECT count(*) FROM "Transfer"`),
    );
    const fingerprint = () => rows<{ hash: string }>(`SELECT md5(string_agg(id::text || status || "sentAt"::text || "toStructureId"::text, ',' ORDER BY id)) AS hash FROM "Transfer"`);
    const before = await fingerprint();
    await seedBenchmark(url, { scale: SCALE, seed: 42, referenceDate });
    expect(await fingerprint()).toEqual(before);
  });

  it("replaces its previous dataset, and refuses a database holding real territories", async () => {
    await seedBenchmark(url, { scale: SCALE, seed: 42, referenceDate });
    expect(await count(`SELECT count(*) FROM "Structure"`)).toBe(plannedCounts(SCALE).structures);

    await client.query(`INSERT INTO "Territory" (id, slug, name, country, "updatedAt") VALUES (gen_random_uuid(), 'val-de-lise', 'Val de Lise', 'FR', now())`);
    await expect(seedBenchmark(url, { scale: SCALE, seed: 42, referenceDate })).rejects.toBeInstanceOf(RefusedDatabaseError);
    expect(await count(`SELECT count(*) FROM "Structure"`)).toBe(plannedCounts(SCALE).structures);
  });
});
