import { beforeAll, describe, expect, it } from "vitest";
import { bookSlot } from "@/lib/appointments/book";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { deleteAbsence, deletePattern, saveAbsence, saveAgendaSettings, savePattern } from "./editing";
import { findFreeSlots } from "./free-slots";
import type { PatternInput } from "./schemas";

// A Sunday: the demo's patterns start today; next week is that of Monday 23 November 2026.
const now = new Date("2026-11-22T10:00:00Z");

let franceServices: string;
let offerId: string;
let placeId: string;
let sophie: string;
let ines: string;
let lucas: string;
let lienNumerique: string;
let centreSocial: string;

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  sophie = await userId("accueil@franceservices.exemple.fr");
  lucas = await userId("informaticien@lien-numerique.exemple.org");
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  offerId = offer.id;
  placeId = offer.places[0]!.placeId;
  franceServices = offer.structureId;
  lienNumerique = (await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } })).id;
  centreSocial = (await db.structure.findFirstOrThrow({ where: { name: "Centre social des Tilleuls" } })).id;
  // A second mediator at France Services, with an empty agenda.
  ines = (await db.user.create({ data: { email: "ines.agenda@franceservices.exemple.fr", name: "Inès Garcia" } })).id;
  await db.structureMembership.create({ data: { userId: ines, structureId: franceServices, role: "member" } });
});

const pattern = (changes: Partial<PatternInput> = {}): PatternInput => ({
  structureId: franceServices,
  patternId: null,
  mediatorId: ines,
  offerId,
  placeId,
  weekday: 2,
  start: 14 * 60,
  end: 17 * 60,
  slotMinutes: 45,
  kind: "procedure",
  validFrom: null,
  validUntil: null,
  ...changes,
});

const patternsOf = (mediatorId: string) => db.availabilityPattern.count({ where: { mediatorId } });

describe("saving a weekly pattern", () => {
  it("refuses an overlap with the mediator's own pattern, naming it, on the start", async () => {
    const before = await patternsOf(sophie);
    expect(await savePattern(db, pattern({ mediatorId: sophie, start: 15 * 60, end: 16 * 60 }), now)).toEqual({
      ok: false,
      code: "agenda.pattern_overlap",
      params: { whose: "votre", existing: "mardi 14 h – 17 h (offre « Aide aux démarches administratives en ligne »)" },
      field: "start",
    });
    // Said to an admin who edits it: "son" créneau.
    const byAdmin = await savePattern(db, pattern({ mediatorId: sophie, start: 15 * 60, end: 16 * 60 }), now, ines);
    expect(byAdmin).toMatchObject({ code: "agenda.pattern_overlap", params: { whose: "son" } });
    // A validity that ends before the other pattern starts does not overlap it… but the past is refused.
    expect(await savePattern(db, pattern({ mediatorId: sophie, start: 15 * 60, end: 16 * 60, validUntil: "2026-11-21" }), now)).toMatchObject({
      code: "agenda.validity_past",
      field: "validUntil",
    });
    expect(await patternsOf(sophie)).toBe(before);
  });

  it("refuses an overlap with the mediator's pattern in another structure", async () => {
    const permanence = await db.offer.findFirstOrThrow({ where: { title: "Permanence de l'informaticien public" }, include: { places: { include: { place: true } } } });
    const tilleuls = permanence.places.find((offerPlace) => offerPlace.place.name === "Maison de quartier des Tilleuls")!;
    const held = await savePattern(db, pattern({ structureId: lienNumerique, mediatorId: lucas, offerId: permanence.id, placeId: tilleuls.placeId, kind: "usages", slotMinutes: 60 }), now);
    expect(held.ok).toBe(true);
    const writer = await db.offer.findFirstOrThrow({ where: { title: { startsWith: "Écrivain public" } }, include: { places: true } });
    const refused = await savePattern(
      db,
      pattern({ structureId: centreSocial, mediatorId: lucas, offerId: writer.id, placeId: writer.places[0]!.placeId, start: 15 * 60, end: 16 * 60, slotMinutes: 30 }),
      now,
    );
    expect(refused).toMatchObject({ code: "agenda.pattern_overlap", params: { existing: "mardi 14 h – 17 h (offre « Permanence de l'informaticien public »)" } });
  });

  it("refuses hours outside the offer's at that place, saying that day's hours", async () => {
    expect(await savePattern(db, pattern({ start: 11 * 60, end: 15 * 60 }), now)).toEqual({
      ok: false,
      code: "agenda.outside_hours",
      params: { day: "mardi", hours: "elle est ouverte de 10 h à 12 h et de 14 h à 17 h" },
      field: "start",
    });
    expect(await savePattern(db, pattern({ weekday: 1 }), now)).toMatchObject({ params: { day: "lundi", hours: "elle n'est pas ouverte ce jour-là" } });
    expect(await patternsOf(ines)).toBe(0);
  });

  it("refuses a place that is not the offer's, another structure's offer, and a mediator who is not a member", async () => {
    const otherPlace = await db.place.findFirstOrThrow({ where: { name: "Médiathèque" } });
    expect(await savePattern(db, pattern({ placeId: otherPlace.id }), now)).toMatchObject({ code: "agenda.place_not_of_offer", field: "placeId" });
    const otherOffer = await db.offer.findFirstOrThrow({ where: { title: "Ateliers numériques du samedi" } });
    expect(await savePattern(db, pattern({ offerId: otherOffer.id }), now)).toMatchObject({ code: "not_found", field: "offerId" });
    expect(await savePattern(db, pattern({ mediatorId: lucas }), now)).toMatchObject({ code: "not_found" });
  });

  it("applies the capacity rule: a third half-day in a week is refused, naming the week, the half-days and the limit", async () => {
    const before = await patternsOf(sophie);
    expect(await savePattern(db, pattern({ mediatorId: sophie, weekday: 5 }), now)).toEqual({
      ok: false,
      code: "agenda.over_capacity",
      params: { week: "lundi 23 novembre", halfDays: ["mardi après-midi", "jeudi après-midi", "vendredi après-midi"], limit: 2 },
      field: "weekday",
    });
    // The same afternoon again (another hour of it) is no new half-day… but overlaps; a morning is one more.
    expect(await savePattern(db, pattern({ mediatorId: sophie, weekday: 4, start: 10 * 60, end: 12 * 60 }), now)).toMatchObject({ code: "agenda.over_capacity" });
    // From a date on, when one of the two afternoons has ended, it fits.
    await db.availabilityPattern.updateMany({ where: { mediatorId: sophie, weekday: 4 }, data: { validUntil: new Date("2027-01-31T00:00:00Z") } });
    const later = await savePattern(db, pattern({ mediatorId: sophie, weekday: 5, validFrom: "2027-02-01" }), now);
    expect(later.ok).toBe(true);
    expect(await patternsOf(sophie)).toBe(before + 1);
    await db.availabilityPattern.deleteMany({ where: { id: later.ok ? later.patternId : "" } });
    await db.availabilityPattern.updateMany({ where: { mediatorId: sophie, weekday: 4 }, data: { validUntil: null } });
  });

  it("counts a booked appointment outside the patterns in the capacity rule", async () => {
    const saved = await savePattern(db, pattern(), now);
    expect(saved.ok).toBe(true);
    // Booked by hand on Friday 27 November at 10:00, out of any pattern.
    await db.appointment.create({
      data: {
        territoryId: (await db.structure.findUniqueOrThrow({ where: { id: franceServices } })).territoryId,
        structureId: franceServices,
        offerId,
        placeId,
        mediatorId: ines,
        kind: "procedure",
        startsAt: new Date("2026-11-27T09:00:00Z"),
        endsAt: new Date("2026-11-27T09:45:00Z"),
        channel: "staff",
        personLabel: "Mireille",
        slotKey: `${ines}|2026-11-27T09:00:00.000Z`,
      },
    });
    expect(await savePattern(db, pattern({ weekday: 4 }), now)).toMatchObject({
      code: "agenda.over_capacity",
      params: { week: "lundi 23 novembre", halfDays: ["mardi après-midi", "jeudi après-midi", "vendredi matin"] },
    });
    // With no limit set, it is taken.
    await db.structure.update({ where: { id: franceServices }, data: { appointmentHalfDaysPerWeek: null } });
    const unlimited = await savePattern(db, pattern({ weekday: 4 }), now);
    expect(unlimited.ok).toBe(true);
    await db.availabilityPattern.deleteMany({ where: { id: unlimited.ok ? unlimited.patternId : "" } });
    await db.structure.update({ where: { id: franceServices }, data: { appointmentHalfDaysPerWeek: 2 } });
    await db.appointment.updateMany({ where: { mediatorId: ines }, data: { status: "cancelled", slotKey: null } });
  });

  it("changes a pattern of its own structure only, and deletes it", async () => {
    const created = await savePattern(db, pattern({ weekday: 3, start: 10 * 60, end: 12 * 60 }), now);
    expect(created.ok).toBe(true);
    const patternId = created.ok ? created.patternId : "";
    // Moving it onto its own former hours is no overlap with itself.
    expect(await savePattern(db, pattern({ patternId, weekday: 3, start: 10 * 60, end: 11 * 60, slotMinutes: 30 }), now)).toEqual({ ok: true, patternId });
    expect(await db.availabilityPattern.findUniqueOrThrow({ where: { id: patternId } })).toMatchObject({ endMinute: 11 * 60, slotMinutes: 30 });
    expect(await savePattern(db, pattern({ patternId, structureId: centreSocial }), now)).toMatchObject({ code: "not_found" });
    expect(await deletePattern(db, { structureId: centreSocial, patternId })).toBe(false);
    expect(await deletePattern(db, { structureId: franceServices, patternId })).toBe(true);
  });
});

describe("absences", () => {
  it("refuses an absence over booked appointments, listing them, then takes it once they are moved", async () => {
    const booked = await bookSlot(db, { offerId, mediatorId: sophie, startsAt: new Date("2026-11-24T13:00:00Z"), channel: "staff", personLabel: "José" }, now);
    expect(booked.ok).toBe(true);
    const absence = { structureId: franceServices, mediatorId: sophie, startsOn: "2026-11-23", endsOn: "2026-11-25", label: "Formation" };
    expect(await saveAbsence(db, absence)).toEqual({
      ok: false,
      code: "agenda.absence_has_appointments",
      params: { appointments: ["mardi 24 novembre à 14 h — Aide aux démarches administratives en ligne (José)"] },
      field: "startsOn",
    });
    expect(await db.agendaAbsence.count({ where: { mediatorId: sophie } })).toBe(0);
    await db.appointment.update({ where: { id: booked.ok ? booked.appointmentId : "" }, data: { status: "cancelled", slotKey: null } });
    const saved = await saveAbsence(db, absence);
    expect(saved.ok).toBe(true);
    // No slot that week on Tuesday or Thursday… the 26th is a Thursday after the absence.
    const slots = await findFreeSlots(db, { offerId, mediatorId: sophie, from: new Date("2026-11-23T00:00:00Z"), until: new Date("2026-11-27T00:00:00Z") });
    expect([...new Set(slots.map((slot) => slot.date))]).toEqual(["2026-11-26"]);
    expect(await deleteAbsence(db, { structureId: centreSocial, absenceId: saved.ok ? saved.absenceId : "" })).toBe(false);
    expect(await deleteAbsence(db, { structureId: franceServices, absenceId: saved.ok ? saved.absenceId : "" })).toBe(true);
  });
});

describe("agenda settings", () => {
  it("refuses a limit below what is published, naming the mediator and the week, and takes no limit", async () => {
    expect(await saveAgendaSettings(db, { structureId: franceServices, halfDaysPerWeek: 1, residentsBookOnline: true }, now)).toMatchObject({
      code: "agenda.capacity_below_published",
      params: { limit: 1, mediators: expect.arrayContaining(["Sophie Leroy, semaine du lundi 23 novembre : mardi après-midi, jeudi après-midi"]) },
      field: "halfDaysPerWeek",
    });
    expect((await db.structure.findUniqueOrThrow({ where: { id: franceServices } })).appointmentHalfDaysPerWeek).toBe(2);
    expect(await saveAgendaSettings(db, { structureId: franceServices, halfDaysPerWeek: null, residentsBookOnline: false }, now)).toEqual({ ok: true });
    expect(await db.structure.findUniqueOrThrow({ where: { id: franceServices } })).toMatchObject({ appointmentHalfDaysPerWeek: null, residentsBookOnline: false });
    expect(await saveAgendaSettings(db, { structureId: franceServices, halfDaysPerWeek: 3, residentsBookOnline: true }, now)).toEqual({ ok: true });
  });
});
