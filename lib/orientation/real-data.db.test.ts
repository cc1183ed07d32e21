/**
 * The orientation engine on real data: the Hinaura file (687 places, LMN v0.1) imported into a
 * territory. Whatever the situation, the answer is whole: ranked offers that answer the need, best
 * first, each score the sum of its reasons, every reason and exclusion said in French for mediators
 * and in plain words in the residents' three languages, and the distance asked respected.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { db } from "@/lib/db";
import { commitImport } from "@/lib/open-data/import/commit";
import { parseLmnJson } from "@/lib/open-data/import/lmn";
import { planImport } from "@/lib/open-data/import/plan";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { orient } from "./engine";
import { exclusionText, reasonText } from "./reason-text";
import { plainText, residentExclusionText, residentReasonText } from "./resident-reasons";
import { parseSituation } from "./situation";

const SLUG = "hinaura-orientation";
const IMPORTED = new Date("2026-11-22T10:00:00Z");
// A Tuesday morning in Lyon's time zone, a few weeks after the import.
const NOW = new Date("2026-12-08T09:30:00Z");
let postalCode: string;

beforeAll(async () => {
  const territoryId = (await db.territory.create({ data: { slug: SLUG, name: "Hinaura", country: "FR" } })).id;
  const actorId = (await db.user.create({ data: { email: "coordination@hinaura-orientation.exemple.fr", name: "Coordination" } })).id;
  const parsed = parseLmnJson(readFileSync(HINAURA_V0_JSON));
  const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
  expect((await commitImport(db, { userId: actorId }, territoryId, plan, { origin: "le fichier hinaura.json", now: IMPORTED })).ok).toBe(true);
  // The commune with the most places.
  const [busiest] = await db.$queryRaw<{ postalCode: string }[]>`
    SELECT p."postalCode" FROM "Place" p JOIN "Structure" s ON s.id = p."structureId" WHERE s."territoryId" = ${territoryId}::uuid
    GROUP BY p."postalCode" ORDER BY count(*) DESC, p."postalCode" LIMIT 1`;
  postalCode = busiest!.postalCode;
}, 120_000);

const SITUATIONS: Record<string, string | string[]>[] = [
  { besoin: "demarches-administratives", aisance: "none", equipement: "none" },
  { besoin: "apprendre-le-numerique", objectif: "apprendre-a-faire", age: "60_plus" },
  { q: "imprimer un document", urgence: "urgent" },
  { besoin: "impots", echeance: "2026-12-11", difficulte: "complex", langue: "en", fauteuil: "1" },
];

describe("the orientation engine on the Hinaura file", () => {
  it.each(SITUATIONS)("ranks whole answers for %o", async (params) => {
    const result = (await orient(db, SLUG, parseSituation({ ...params, commune: postalCode, distance: "10" }), NOW))!;
    expect(result.problems).toEqual([]);
    expect(result.communes.length).toBeGreaterThan(0);
    expect(result.ranked.length).toBeGreaterThan(0);
    expect(result.ranked.length).toBeLessThanOrEqual(20);
    const scores = result.ranked.map(({ score }) => score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const { reasons, score, distanceKm, offer } of result.ranked) {
      expect(score).toBeCloseTo(reasons.reduce((sum, { weight }) => sum + weight, 0), 5);
      expect(reasons.some(({ code }) => ["need_answered", "redirected_here", "text_matches", "digital_part_only"].includes(code))).toBe(true);
      if (!offer.remote && distanceKm !== null) expect(distanceKm).toBeLessThanOrEqual(10);
      for (const reason of reasons) {
        expect(reasonText(reason, result.territory.timeZone)).not.toMatch(/undefined|NaN|^\s*$/);
        for (const locale of LOCALES) expect(plainText(residentReasonText(reason, locale, result.territory.timeZone))).not.toMatch(/undefined|NaN|^\s*$/);
      }
    }
    for (const { exclusion } of result.excluded) {
      expect(exclusionText(exclusion, result.territory.timeZone)).not.toMatch(/undefined|NaN|^\s*$/);
      for (const locale of LOCALES) expect(plainText(residentExclusionText(exclusion, locale, result.territory.timeZone))).not.toMatch(/undefined|NaN|^\s*$/);
    }
  });

  it("leaves out what is farther than the person can go, and says how far", async () => {
    const result = (await orient(db, SLUG, parseSituation({ besoin: "apprendre-le-numerique", commune: postalCode, distance: "2" }), NOW))!;
    const tooFar = result.excluded.filter(({ exclusion }) => exclusion.code === "too_far");
    expect(tooFar.length).toBeGreaterThan(0);
    for (const { exclusion } of tooFar) expect(Number(exclusion.params.km)).toBeGreaterThan(2);
  });
});
