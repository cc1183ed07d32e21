import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/hours/rules";
import { printRows, PRINT_MIN_ROWS } from "./print";
import { mayRecordOutcome, occurrenceAt, occurrencesBetween, phaseOf, sliceOf, timeSlices } from "./rules";
import type { SheetLineView } from "./sheets";

const schedule: Schedule = {
  slots: [{ weekday: 2, opensAtMinute: 840, closesAtMinute: 1020, appointmentOnly: false }],
  exceptions: [{ startsOn: "2026-12-01", endsOn: "2026-12-01", closed: true, label: "Fermeture" }],
  publicHolidays: "closed",
  timeZone: "Europe/Paris",
  country: "FR",
};
const occurrence = { date: "2026-11-24", startMinute: 840, endMinute: 1020 };

describe("a permanence's occurrences", () => {
  it("follow the hours, closures and holidays applied", () => {
    expect(occurrencesBetween(schedule, "2026-11-23", 21).map((item) => item.date)).toEqual(["2026-11-24", "2026-12-08"]);
    expect(occurrenceAt(schedule, "2026-11-24", 840)).toEqual(occurrence);
    expect(occurrenceAt(schedule, "2026-11-24", 900)).toBeNull();
    expect(occurrenceAt(schedule, "2026-12-01", 840)).toBeNull();
  });

  it("propose slices of 20 minutes up to three hours, of 30 beyond", () => {
    expect(timeSlices(occurrence)).toEqual([840, 860, 880, 900, 920, 940, 960, 980, 1000]);
    expect(timeSlices({ startMinute: 600, endMinute: 1020 })).toHaveLength(14);
    expect(sliceOf(occurrence, 865)).toBe(860);
  });

  it("say where the clock stands, and allow outcomes from the day", () => {
    expect(phaseOf(occurrence, "Europe/Paris", new Date("2026-11-24T12:59:00Z"))).toBe("before");
    expect(phaseOf(occurrence, "Europe/Paris", new Date("2026-11-24T13:00:00Z"))).toBe("during");
    expect(phaseOf(occurrence, "Europe/Paris", new Date("2026-11-24T16:00:00Z"))).toBe("after");
    expect(mayRecordOutcome(occurrence, "Europe/Paris", new Date("2026-11-23T22:59:00Z"))).toBe(false);
    expect(mayRecordOutcome(occurrence, "Europe/Paris", new Date("2026-11-23T23:00:00Z"))).toBe(true);
  });
});

const lineAt = (index: number, timeMinute: number | null): SheetLineView => ({
  id: `line-${index}`,
  personLabel: `Personne ${index}`,
  timeMinute,
  request: "Une demande un peu longue pour voir si elle tient sur la feuille",
  walkIn: timeMinute === null,
  categoryId: null,
  categoryLabel: null,
  result: null,
  resultNote: null,
  transfer: null,
  erased: false,
});

describe("the printed sheet", () => {
  it("has a row per slice and at least twelve rows when empty", () => {
    const rows = printRows({ occurrence, slices: timeSlices(occurrence), lines: [] });
    expect(rows).toHaveLength(PRINT_MIN_ROWS + 1);
    expect(rows.slice(0, 9).map((row) => row.timeMinute)).toEqual(timeSlices(occurrence));
  });

  it("prints every line of a 60-line sheet, and still leaves free rows", () => {
    const lines = Array.from({ length: 60 }, (_, index) => lineAt(index, index % 3 === 0 ? null : 840 + (index % 9) * 20));
    const rows = printRows({ occurrence, slices: timeSlices(occurrence), lines });
    for (const line of lines) expect(rows.some((row) => row.personLabel === line.personLabel)).toBe(true);
    expect(rows.filter((row) => !row.personLabel && row.timeMinute === null).length).toBeGreaterThanOrEqual(4);
  });
});
