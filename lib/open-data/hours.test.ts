import { describe, expect, it } from "vitest";
import { toileStructure } from "./api/shapes";
import { toDataInclusion } from "./datainclusion/export";
import { toHsds } from "./hsds/export";
import { toLmnRows } from "./lmn/export";
import { fixtureSnapshot, TODAY } from "./testing/snapshot-fixture";
import { exceptionRule, mergeSlots, openingHoursWithExceptions, parseExceptionRule, parseOpeningHoursWithExceptions } from "./hours";

const slot = (weekday: number, opensAtMinute: number, closesAtMinute: number, appointmentOnly = false) => ({ weekday, opensAtMinute, closesAtMinute, appointmentOnly });
const closure = { startsOn: "2026-12-24", endsOn: "2027-01-01", closed: true, opensAtMinute: null, closesAtMinute: null, label: "Fermeture annuelle" };
const special = { startsOn: "2026-12-31", endsOn: "2026-12-31", closed: false, opensAtMinute: 600, closesAtMinute: 720, label: "Veille du \"jour de l'an\"" };

describe("openingHoursWithExceptions", () => {
  it("appends the closures still to come after the weekly rules, in date order", () => {
    const past = { ...closure, startsOn: "2026-08-01", endsOn: "2026-08-15", label: "Été" };
    expect(openingHoursWithExceptions([slot(2, 600, 720)], "closed", [special, past, closure], "2026-11-22")).toBe(
      `Tu 10:00-12:00; PH off; 2026 Dec 24-2027 Jan 01 off "Fermeture annuelle"; 2026 Dec 31 10:00-12:00 open "Veille du 'jour de l'an'"`,
    );
  });

  it("says nothing without weekly hours", () => {
    expect(openingHoursWithExceptions([], "closed", [closure], "2026-11-22")).toBe("");
  });
});

describe("parseOpeningHoursWithExceptions", () => {
  it("reads back what Toile writes: weekly slots and dated exceptions", () => {
    const text = openingHoursWithExceptions([slot(1, 540, 720), slot(3, 840, 1020, true)], "closed", [closure, special], "2026-11-22");
    const parsed = parseOpeningHoursWithExceptions(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.slots).toEqual([slot(1, 540, 720), slot(3, 840, 1020, true)]);
    expect(parsed.publicHolidays).toBe("closed");
    expect(parsed.exceptions).toEqual([closure, { ...special, label: "Veille du 'jour de l'an'" }]);
  });

  it("leaves other dated rules to the weekly parser, which reports them", () => {
    expect(parseExceptionRule("2026 Feb 30 off")).toBeNull();
    expect(parseExceptionRule("Aug off")).toBeNull();
    expect(parseOpeningHoursWithExceptions("Mo 09:00-12:00; Aug off").problems).toEqual([
      "Règle non comprise : « Aug off » (elle dépend de la date ; Toile garde des horaires par semaine et des fermetures datées)",
    ]);
  });

  it("writes a one-day closure without a range", () => {
    expect(exceptionRule({ ...closure, endsOn: closure.startsOn })).toBe(`2026 Dec 24 off "Fermeture annuelle"`);
  });
});

describe("mergeSlots", () => {
  it("joins several schedules, merging overlapping ranges of a day", () => {
    expect(mergeSlots([slot(2, 840, 960), slot(5, 540, 720)], [slot(2, 900, 1020), slot(2, 840, 960)])).toEqual([
      slot(2, 840, 1020),
      slot(5, 540, 720),
    ]);
  });
});

describe("appointment-only hours in every export (issue 16, point 7)", () => {
  it("are written open with their comment in LMN, data·inclusion, the API's Toile shape and HSDS", () => {
    const snapshot = fixtureSnapshot();
    const written = 'Sa 09:00-12:00 open "sur rendez-vous"';
    const mediatheque = snapshot.places.find((place) => place.name.startsWith("Médiathèque"))!;
    expect(mediatheque.hours.osm).toContain(written);
    expect(toLmnRows(snapshot, TODAY).rows.find((row) => row.nom.startsWith("Médiathèque"))!.horaires).toContain(written);
    expect(toDataInclusion(snapshot, { today: TODAY }).services.map((service) => service.horaires_accueil)).toContainEqual(expect.stringContaining(written));
    expect(toileStructure(snapshot.structures[0]!, snapshot, "https://toile.example").places[0]!.hours.osm).toContain(written);
    expect(toHsds(snapshot, { today: TODAY }).schedules).toContainEqual(expect.objectContaining({ location_id: mediatheque.id, byday: "SA", description: "Sur rendez-vous" }));
  });
});
