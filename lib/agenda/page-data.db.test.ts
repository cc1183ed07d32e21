import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import type { SignedInActor } from "@/lib/auth/actor";
import { bookSlot } from "@/lib/appointments/book";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { loadAgendaSettingsPage, loadAgendaWeekPage, loadAvailabilityPage } from "./page-data";

// A Sunday: the week shown by default is that of Monday 16 November; the demo's patterns start today.
const now = new Date("2026-11-22T10:00:00Z");
let franceServices: string;
let sophie: SignedInActor;
let karim: SignedInActor;
let nadia: SignedInActor;
let appointmentId: string;

const actor = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  sophie = await actor("accueil@franceservices.exemple.fr");
  karim = await actor("direction@franceservices.exemple.fr");
  nadia = await actor("accueil@tilleuls.exemple.org");
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" } });
  franceServices = offer.structureId;
  const booked = await bookSlot(db, { offerId: offer.id, mediatorId: sophie.userId, startsAt: new Date("2026-11-24T13:45:00Z"), channel: "staff", personLabel: "José" }, now);
  appointmentId = booked.ok ? booked.appointmentId : "";
  await db.agendaAbsence.create({
    data: { structureId: franceServices, mediatorId: sophie.userId, startsOn: new Date("2026-11-26T00:00:00Z"), endsOn: new Date("2026-11-26T00:00:00Z"), label: "Formation" },
  });
});

describe("the agenda's week", () => {
  it("shows each day's free slots, appointments and absences for the structure's members", async () => {
    const page = await loadAgendaWeekPage(sophie, franceServices, { semaine: "2026-11-25" }, now);
    expect(page?.week).toMatchObject({ monday: "2026-11-23", previous: "2026-11-16", next: "2026-11-30" });
    const tuesday = page!.week.days[1]!;
    expect(tuesday.date).toBe("2026-11-24");
    const entry = tuesday.mediators.find((mediator) => mediator.name === "Sophie Leroy")!;
    expect(entry.freeSlots.map((slot) => slot.startMinute)).toEqual([840, 930, 975]);
    expect(entry.freeSlots[0]).toMatchObject({ offerTitle: "Aide aux démarches administratives en ligne", placeName: "Espace France Services" });
    expect(entry.appointments).toEqual([
      { id: appointmentId, mediatorId: sophie.userId, startMinute: 885, endMinute: 930, personLabel: "José", offerTitle: "Aide aux démarches administratives en ligne", status: "booked" },
    ]);
    const thursday = page!.week.days[3]!.mediators.find((mediator) => mediator.name === "Sophie Leroy")!;
    expect(thursday).toMatchObject({ absence: "Formation", freeSlots: [] });
  });

  it("shows public holidays, filters by mediator, and answers the current week for nonsense", async () => {
    const christmas = await loadAgendaWeekPage(sophie, franceServices, { semaine: "2026-12-25", mediateur: sophie.userId }, now);
    expect(christmas!.week.days[4]).toMatchObject({ date: "2026-12-25", holiday: "Noël" });
    expect(christmas!.week.mediatorId).toBe(sophie.userId);
    const forged = await loadAgendaWeekPage(sophie, franceServices, { semaine: "pas-une-date", mediateur: nadia.userId }, now);
    expect(forged!.week).toMatchObject({ monday: "2026-11-16", mediatorId: undefined });
  });

  it("is a 404 for another structure's member, and for an id that is no id", async () => {
    expect(await loadAgendaWeekPage(nadia, franceServices, {}, now)).toBeNull();
    expect(await loadAvailabilityPage(nadia, franceServices, {})).toBeNull();
    expect(await loadAgendaWeekPage(sophie, "pas-un-id", {}, now)).toBeNull();
  });
});

describe("availability and settings pages", () => {
  it("shows a member's own patterns; an admin may pick another member, a member may not", async () => {
    const own = await loadAvailabilityPage(sophie, franceServices, { mediateur: karim.userId });
    expect(own!.mediator?.name).toBe("Sophie Leroy");
    expect(own!.availability!.patterns.map((pattern) => pattern.weekday)).toEqual([2, 4]);
    expect(own!.availability!.absences).toEqual([expect.objectContaining({ label: "Formation", startsOn: "2026-11-26", endsOn: "2026-11-26" })]);
    const editing = await loadAvailabilityPage(sophie, franceServices, { modifier: own!.availability!.patterns[0]!.id });
    expect(editing!.editing?.weekday).toBe(2);
    const byAdmin = await loadAvailabilityPage(karim, franceServices, { mediateur: sophie.userId });
    expect(byAdmin!.mediator?.name).toBe("Sophie Leroy");
    expect(byAdmin!.offers.map((offer) => offer.title)).toContain("Aide aux démarches administratives en ligne");
  });

  it("opens the settings to the structure's admins only", async () => {
    expect(await loadAgendaSettingsPage(karim, franceServices)).toMatchObject({ appointmentHalfDaysPerWeek: 2, residentsBookOnline: true });
    expect(await loadAgendaSettingsPage(sophie, franceServices)).toBeNull();
  });
});
