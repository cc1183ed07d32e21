import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { resultsPage } from "./html/results-page";
import { parseSearchFilters } from "./filters";
import { searchOffers } from "./queries";

// A Monday at 10:00 in Paris: this week runs until Sunday night.
const now = new Date("2026-11-23T09:00:00Z");
let offerId: string;
let mediatorId: string;

const search = async (params: Record<string, string>) => {
  const { filters } = parseSearchFilters(params);
  return { outcome: (await searchOffers(db, DEMO_TERRITORY_SLUG, filters, now))!, filters };
};

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  // The demo's own agendas and settings aside: this file sets the availability it reads.
  await db.availabilityPattern.deleteMany({});
  await db.structure.updateMany({ data: { residentsBookOnline: false } });
  mediatorId = (await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } })).id;
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  offerId = offer.id;
  // One slot this week (Tuesday 10:00–10:30), and Thursdays from next week on.
  await db.availabilityPattern.createMany({
    data: [
      { structureId: offer.structureId, mediatorId, offerId, placeId: offer.places[0]!.placeId, kind: "procedure", weekday: 2, startMinute: 600, endMinute: 630, slotMinutes: 30, validUntil: new Date("2026-11-29") },
      { structureId: offer.structureId, mediatorId, offerId, placeId: offer.places[0]!.placeId, kind: "procedure", weekday: 4, startMinute: 600, endMinute: 630, slotMinutes: 30, validFrom: new Date("2026-11-30") },
    ],
  });
});

describe("the search's filter « avec un créneau libre cette semaine »", () => {
  it("keeps the offers with a free slot this week, says so on their card, and none once the slot is booked", async () => {
    const { outcome, filters } = await search({ creneau: "semaine" });
    expect(outcome.results.map((result) => result.id)).toEqual([offerId]);
    const html = String(resultsPage(outcome, filters, [], now).main);
    expect(html).toContain("Créneau libre cette semaine");
    expect(html).toContain('name="creneau" value="semaine" checked');

    expect((await search({})).outcome.total).toBeGreaterThan(1);
    await db.appointment.create({
      data: {
        territoryId: outcome.territory.id,
        structureId: (await db.offer.findUniqueOrThrow({ where: { id: offerId } })).structureId,
        offerId,
        mediatorId,
        kind: "procedure",
        startsAt: new Date("2026-11-24T09:00:00Z"),
        endsAt: new Date("2026-11-24T09:30:00Z"),
        slotKey: `${mediatorId}|2026-11-24T09:00:00.000Z`,
        channel: "staff",
      },
    });
    const full = await search({ creneau: "semaine" });
    expect(full.outcome.total).toBe(0);
    expect(String(resultsPage(full.outcome, full.filters, [], now).main)).toContain("Enlever\u00a0: Avec un créneau libre cette semaine");
  });
});
