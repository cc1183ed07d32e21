import { beforeAll, describe, expect, it } from "vitest";
import { findFreeSlots } from "@/lib/agenda/free-slots";
import { db } from "@/lib/db";
import { dayFromNextMonday, seedDemoTerritory } from "./seed";
import { DEMO_TERRITORY_SLUG } from "./territory";

// A Sunday: next Monday is 2026-11-23.
const now = new Date("2026-11-22T10:00:00Z");
let territoryId: string;

beforeAll(async () => {
  const result = await seedDemoTerritory(db, now);
  expect(result.created).toBe(true);
  territoryId = result.territoryId;
});

const inTerritory = () => ({ structure: { territoryId } });

describe("the demo territory", () => {
  it("holds the matrix of seed 001 with its real conditions and hours", async () => {
    const structures = await db.structure.findMany({ where: { territoryId }, select: { name: true } });
    const names = structures.map((structure) => structure.name).join(" | ");
    for (const expected of [
      "Espace France Services",
      "Médiathèque",
      "CCAS",
      "Bureau Information Jeunesse",
      "départementale des solidarités",
      "Repair café",
      "Mission locale",
      "Espace public numérique",
      "Fablab",
    ]) {
      expect(names).toContain(expected);
    }

    const ccas = await db.offer.findFirstOrThrow({
      where: { structure: { territoryId, name: { contains: "CCAS" } } },
      include: { places: { include: { place: { include: { openingSlots: true } } } } },
    });
    expect(ccas.minAge).toBe(60);
    const slots = ccas.places[0]!.place.openingSlots.map((s) => [s.weekday, s.opensAtMinute, s.closesAtMinute]);
    expect(slots.sort()).toEqual([
      [2, 13 * 60, 17 * 60],
      [4, 13 * 60, 17 * 60],
    ]);

    const departmentPlace = await db.place.findFirstOrThrow({
      where: { structure: { territoryId }, address: "12 rue des Cyclamens" },
      include: { openingSlots: true },
    });
    expect(departmentPlace.openingSlots.length).toBeGreaterThan(0);
    expect(departmentPlace.openingSlots.every((slot) => slot.appointmentOnly)).toBe(true);
  });

  it("has an itinerant permanence held at places of other structures", async () => {
    const permanence = await db.offer.findFirstOrThrow({
      where: { ...inTerritory(), title: { contains: "informaticien public" } },
      include: { places: { include: { place: true, openingSlots: true } } },
    });
    expect(permanence.places.length).toBeGreaterThanOrEqual(2);
    for (const held of permanence.places) {
      expect(held.place.structureId).not.toBe(permanence.structureId);
      expect(held.openingSlots.length).toBeGreaterThan(0);
    }
  });

  it("has a phone pre-diagnosis line with hours and no place", async () => {
    const line = await db.offer.findFirstOrThrow({
      where: { ...inTerritory(), title: { contains: "téléphone" } },
      include: { places: true, openingSlots: true, terms: { include: { term: true } } },
    });
    expect(line.places).toEqual([]);
    expect(line.openingSlots.length).toBeGreaterThan(0);
    expect(line.terms.map(({ term }) => term.code)).toContain("a-distance");
  });

  it("has a closure next week and two stale offers", async () => {
    const closure = await db.openingException.findFirstOrThrow({
      where: { closed: true, place: { structure: { territoryId } } },
    });
    expect(closure.startsOn.toISOString().slice(0, 10)).toBe("2026-11-23");
    expect(closure.endsOn.getTime()).toBeGreaterThanOrEqual(closure.startsOn.getTime());

    const sixMonthsAgo = new Date("2026-05-22T10:00:00Z");
    const stale = await db.offer.count({
      where: { ...inTerritory(), status: "published", lastVerifiedAt: { lt: sixMonthsAgo } },
    });
    expect(stale).toBe(2);
  });

  it("says what offers do not do, and where to go instead", async () => {
    const redirects = await db.offerRedirect.findMany({
      where: { offer: inTerritory() },
      include: { redirectToOffer: { include: { structure: true } } },
    });
    const repair = redirects.find((redirect) => redirect.notOffered === "Réparation d'ordinateur");
    expect(repair?.redirectToOffer?.structure.name).toContain("Repair café");
    expect(redirects.every((redirect) => redirect.redirectToOfferId || redirect.redirectToStructureId)).toBe(true);
  });

  it("is loaded once: a second run changes nothing", async () => {
    const offers = await db.offer.count();
    expect(await seedDemoTerritory(db, now)).toEqual({ territoryId, created: false });
    expect(await db.offer.count()).toBe(offers);
    expect(await db.territory.count({ where: { slug: DEMO_TERRITORY_SLUG } })).toBe(1);
  });
});

describe("demo accounts", () => {
  it("exist for each role, and come back on a demo loaded without them", async () => {
    const coordinator = await db.user.findUniqueOrThrow({
      where: { email: "coordination@val-de-lise.exemple.fr" },
      include: { coordinatedAreas: true },
    });
    expect(coordinator.coordinatedAreas.map((area) => area.territoryId)).toEqual([territoryId]);
    const itinerant = await db.user.findUniqueOrThrow({
      where: { email: "informaticien@lien-numerique.exemple.org" },
      include: { memberships: true },
    });
    expect(itinerant.memberships).toHaveLength(2);

    await db.user.deleteMany({ where: { email: { in: ["coordination@val-de-lise.exemple.fr", "admin@toile.exemple.fr"] } } });
    expect(await seedDemoTerritory(db, now)).toEqual({ territoryId, created: false });
    expect(await db.user.count({ where: { email: { in: ["coordination@val-de-lise.exemple.fr", "admin@toile.exemple.fr"] } } })).toBe(2);
  });
});

describe("the demo's agendas", () => {
  it("has Sophie Leroy receiving on Tuesday and Thursday afternoons at France Services, at the limit, with its slots free", async () => {
    const sophie = await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } });
    const patterns = await db.availabilityPattern.findMany({
      where: { mediatorId: sophie.id },
      include: { offer: { select: { title: true } }, place: { select: { name: true } }, structure: { select: { appointmentHalfDaysPerWeek: true, residentsBookOnline: true } } },
      orderBy: { weekday: "asc" },
    });
    expect(patterns.map((p) => [p.weekday, p.startMinute, p.endMinute, p.slotMinutes, p.kind, p.place?.name, p.offer.title])).toEqual([
      [2, 840, 1020, 45, "procedure", "Espace France Services", "Aide aux démarches administratives en ligne"],
      [4, 840, 1020, 45, "procedure", "Espace France Services", "Aide aux démarches administratives en ligne"],
    ]);
    expect(patterns[0]!.validFrom?.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(patterns[0]!.structure).toEqual({ appointmentHalfDaysPerWeek: 2, residentsBookOnline: true });
    // The place is open Tuesday 14–17: four appointments of 45 minutes, the first at 14:00 in Paris.
    const slots = await findFreeSlots(db, { offerId: patterns[0]!.offerId, from: new Date("2026-11-24T00:00:00Z"), until: new Date("2026-11-25T00:00:00Z") });
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual(["2026-11-24T13:00:00.000Z", "2026-11-24T13:45:00.000Z", "2026-11-24T14:30:00.000Z", "2026-11-24T15:15:00.000Z"]);
  });
});

describe("the demo's workshops", () => {
  it("has the Médiathèque's next four Saturdays, 10:00–12:00, eight seats, the first full with two people waiting", async () => {
    // The demo is seeded on Sunday 22 November 2026 (see `now` above): the Saturdays after it.
    const sessions = await db.workshopSession.findMany({
      where: { offer: { title: "Ateliers numériques du samedi" } },
      orderBy: { startsAt: "asc" },
      include: { registrations: { select: { status: true } } },
    });
    expect(sessions.map((session) => session.startsAt.toISOString())).toEqual([
      "2026-11-28T09:00:00.000Z",
      "2026-12-05T09:00:00.000Z",
      "2026-12-12T09:00:00.000Z",
      "2026-12-19T09:00:00.000Z",
    ]);
    expect(sessions.every((session) => session.capacity === 8 && session.residentsMayAsk)).toBe(true);
    const statuses = sessions[0]!.registrations.map((registration) => registration.status);
    expect(statuses.filter((status) => status === "confirmed")).toHaveLength(8);
    expect(statuses.filter((status) => status === "waitlisted")).toHaveLength(2);
    expect(sessions[1]!.registrations).toEqual([]);
  });
});

describe("dayFromNextMonday", () => {
  it("counts from the Monday after the given day", () => {
    expect(dayFromNextMonday(new Date("2026-11-22T10:00:00Z"), 0).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    // From a Monday, "next Monday" is a week later.
    expect(dayFromNextMonday(new Date("2026-11-23T10:00:00Z"), 2).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    // Monday 00:30 in Paris is still Sunday in UTC: the week is counted in Paris.
    expect(dayFromNextMonday(new Date("2026-11-22T23:30:00Z"), 0).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});
