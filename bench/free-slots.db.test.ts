import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findFreeSlots } from "@/lib/agenda/free-slots";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { endOfWeek, offersWithFreeSlot } from "@/lib/resident-booking/free-this-week";
import { seedAgendaBench, seededRandom } from "./free-slots";

const now = new Date("2026-11-23T09:00:00Z"); // a Monday
let seeded: Awaited<ReturnType<typeof seedAgendaBench>>;

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  seeded = await seedAgendaBench(db, { now, mediators: 30, seed: 3 });
});

describe("the free-slots bench's agendas", () => {
  it("are the same for the same seed", () => {
    const [a, b] = [seededRandom(3), seededRandom(3)];
    const draws = Array.from({ length: 5 }, () => [a(), b()]);
    expect(draws.every(([x, y]) => x === y && x! >= 0 && x! < 1)).toBe(true);
    expect(seededRandom(4)()).not.toBe(seededRandom(3)());
  });

  it("give 3 mediators per offer, 2 to 4 weekly patterns each over 52 weeks, bookings and absences", async () => {
    const { counts, offerIds } = seeded;
    expect(counts).toMatchObject({ offers: 10, mediators: 30, absences: 60 });
    expect(counts.patterns).toBeGreaterThanOrEqual(60);
    expect(counts.patterns).toBeLessThanOrEqual(120);
    expect(await db.availabilityPattern.count({ where: { offerId: { in: offerIds } } })).toBe(counts.patterns);
    const pattern = await db.availabilityPattern.findFirstOrThrow({ where: { offerId: offerIds[0] } });
    expect((pattern.validUntil!.getTime() - pattern.validFrom!.getTime()) / 86_400_000).toBe(52 * 7 - 1);
    expect(counts.appointments).toBeGreaterThan(0);
    expect(await db.appointment.count({ where: { offerId: { in: offerIds } } })).toBe(counts.appointments);
  });

  it("still offer free slots, found by the offer's and by the territory's reads", async () => {
    const slots = await findFreeSlots(db, { offerId: seeded.offerIds[0]!, from: now, until: new Date(now.getTime() + 90 * 86_400_000), limit: 5 });
    expect(slots).toHaveLength(5);
    const free = await offersWithFreeSlot(db, { territoryId: seeded.territoryId, from: now, until: endOfWeek(now, seeded.timeZone) });
    expect(seeded.offerIds.some((id) => free.has(id))).toBe(true);
    // Besides the bench's copies, the demo's own agenda (Sophie Leroy's Tuesday and Thursday afternoons) is found.
    const demoOffer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne", territoryId: seeded.territoryId } });
    expect(free.has(demoOffer.id)).toBe(true);
    const other = [...free].filter((id) => id !== demoOffer.id && !seeded.offerIds.includes(id));
    expect(other).toEqual([]);
  });
});
