import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { weeklyProgramme } from "@/lib/public-offer/programme";
import { getPlaceProgramme } from "@/lib/public-offer/queries";
import { getBookingPage, getOfferBooking, pageFrom } from "./queries";

const slug = DEMO_TERRITORY_SLUG;
const now = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris
let franceServices: { id: string; structureId: string; placeId: string };

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  // The demo's own agendas and settings aside: this file sets the availability it reads.
  await db.availabilityPattern.deleteMany({});
  await db.structure.updateMany({ data: { residentsBookOnline: false } });
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  franceServices = { id: offer.id, structureId: offer.structureId, placeId: offer.places[0]!.placeId };
  const mediatorId = (await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } })).id;
  await db.availabilityPattern.create({
    data: { structureId: offer.structureId, mediatorId, offerId: offer.id, placeId: franceServices.placeId, kind: "procedure", weekday: 3, startMinute: 600, endMinute: 720, slotMinutes: 30 },
  });
});

describe("the offer page's appointments block", () => {
  it("shows the next 5 free slots with their place, and says whether residents book online", async () => {
    const block = await getOfferBooking(db, slug, franceServices.id, now);
    expect(block).toMatchObject({ hasAgenda: true, bookOnline: false, permanences: [] });
    expect(block!.slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      "2026-11-25T09:00:00.000Z",
      "2026-11-25T09:30:00.000Z",
      "2026-11-25T10:00:00.000Z",
      "2026-11-25T10:30:00.000Z",
      "2026-12-02T09:00:00.000Z",
    ]);
    expect(block!.slots[0]!.placeName).toBe("Espace France Services");
  });

  it("lists a permanence's next occurrences at partner places, and no slot block without an agenda", async () => {
    const offer = await db.offer.findFirstOrThrow({ where: { title: "Permanence de l'informaticien public" } });
    const block = await getOfferBooking(db, slug, offer.id, now);
    expect(block!.hasAgenda).toBe(false);
    expect(block!.permanences.length).toBeGreaterThan(0);
    expect(block!.permanences.length).toBeLessThanOrEqual(6);
    const dates = block!.permanences.map((permanence) => permanence.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(block!.permanences.map((permanence) => permanence.placeName)).size).toBeGreaterThan(0);
    expect(await getOfferBooking(db, "another-territory", offer.id, now)).toBeNull();
  });

  it("the place's programme marks a partner's offer as a permanence", async () => {
    const place = await db.place.findFirstOrThrow({ where: { name: "Maison de quartier des Tilleuls" } });
    const programme = await getPlaceProgramme(db, slug, place.id);
    const entry = programme!.entries.find((item) => item.title === "Permanence de l'informaticien public");
    expect(entry).toMatchObject({ permanence: true });
    expect(programme!.entries.filter((item) => !item.permanence).every((item) => item.detail === null)).toBe(true);
    const items = weeklyProgramme(programme!.entries, "2026-11-24").flatMap((day) => [...day.periods.morning, ...day.periods.afternoon]);
    expect(items.some((item) => item.permanence)).toBe(true);
  });
});

describe("the booking page", () => {
  it("reads two weeks of slots by day, only where residents book online; ?semaine= goes further", async () => {
    expect((await getBookingPage(db, slug, franceServices.id, 0, now))!.days).toEqual([]);
    await db.structure.update({ where: { id: franceServices.structureId }, data: { residentsBookOnline: true } });
    const first = await getBookingPage(db, slug, franceServices.id, 0, now);
    expect(first).toMatchObject({ bookOnline: true, firstDay: "2026-11-23", lastDay: "2026-12-06" });
    expect(first!.days.map((day) => [day.date, day.slots.length])).toEqual([
      ["2026-11-25", 4],
      ["2026-12-02", 4],
    ]);
    const next = await getBookingPage(db, slug, franceServices.id, 1, now);
    expect(next).toMatchObject({ firstDay: "2026-12-07", lastDay: "2026-12-20" });
    expect(next!.days.map((day) => day.date)).toEqual(["2026-12-09", "2026-12-16"]);
    expect(await getBookingPage(db, slug, "not-an-id", 0, now)).toBeNull();
    expect([pageFrom("2"), pageFrom("99"), pageFrom("-1"), pageFrom(undefined)]).toEqual([2, 0, 0, 0]);
  });
});
