import { describe, expect, it } from "vitest";
import type { Schedule, Slot } from "@/lib/hours/rules";
import { weeklyProgramme, type ProgrammeEntry, weekRange } from "./programme";

const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false): Slot => {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return { weekday, opensAtMinute: minutes(opens), closesAtMinute: minutes(closes), appointmentOnly };
};
const schedule = (slots: Slot[], extra: Partial<Schedule> = {}): Schedule => ({
  slots,
  exceptions: [],
  publicHolidays: "closed",
  timeZone: "Europe/Paris",
  country: "FR",
  ...extra,
});
const entry = (title: string, sched: Schedule): ProgrammeEntry => ({ offerId: title, title, detail: null, schedule: sched });
const titles = (items: { title: string }[]) => items.map((item) => item.title);

// The week of Monday 2 March 2026 has no public holiday.
const WEDNESDAY = "2026-03-04";

describe("weeklyProgramme", () => {
  it("lays out Monday to Sunday, each offer in the periods its hours touch", () => {
    const days = weeklyProgramme(
      [
        entry("Accès libre", schedule([slot(1, "09:00", "12:00"), slot(1, "14:00", "17:00")])),
        entry("Atelier", schedule([slot(4, "18:30", "20:30")])),
      ],
      WEDNESDAY,
    );
    expect(days.map((day) => day.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
    expect(titles(days[0]!.periods.morning)).toEqual(["Accès libre"]);
    expect(days[0]!.periods.morning[0]!.ranges).toEqual([{ opensAtMinute: 540, closesAtMinute: 720, appointmentOnly: false }]);
    expect(titles(days[0]!.periods.afternoon)).toEqual(["Accès libre"]);
    expect(days[0]!.periods.evening).toEqual([]);
    expect(titles(days[3]!.periods.evening)).toEqual(["Atelier"]);
    expect(days[6]!.periods).toEqual({ morning: [], afternoon: [], evening: [] });
  });

  it("shows a slot across two periods in both, whole", () => {
    const [monday] = weeklyProgramme([entry("Permanence", schedule([slot(1, "10:00", "14:00", true)]))], WEDNESDAY);
    expect(titles(monday!.periods.morning)).toEqual(["Permanence"]);
    expect(titles(monday!.periods.afternoon)).toEqual(["Permanence"]);
    expect(monday!.periods.afternoon[0]!.ranges).toEqual([{ opensAtMinute: 600, closesAtMinute: 840, appointmentOnly: true }]);
    expect(monday!.periods.evening).toEqual([]);
  });

  it("puts a slot ending exactly at noon in the morning only", () => {
    const [monday] = weeklyProgramme([entry("Matin", schedule([slot(1, "08:00", "12:00")]))], WEDNESDAY);
    expect(titles(monday!.periods.morning)).toEqual(["Matin"]);
    expect(monday!.periods.afternoon).toEqual([]);
  });

  it("orders a cell by opening time", () => {
    const [monday] = weeklyProgramme(
      [entry("Tard", schedule([slot(1, "11:00", "12:00")])), entry("Tôt", schedule([slot(1, "08:00", "09:00")]))],
      WEDNESDAY,
    );
    expect(titles(monday!.periods.morning)).toEqual(["Tôt", "Tard"]);
  });

  it("applies this week's exceptions and public holidays, and says why a day is closed", () => {
    const closedTuesday = schedule([slot(2, "09:00", "12:00"), slot(3, "09:00", "12:00")], {
      exceptions: [{ startsOn: "2026-03-03", endsOn: "2026-03-03", closed: true, label: "Formation de l'équipe" }],
    });
    const days = weeklyProgramme([entry("Permanence", closedTuesday)], WEDNESDAY);
    expect(days[1]!.periods.morning).toEqual([]);
    expect(days[1]!.closures).toEqual([{ title: "Permanence", note: "Formation de l'équipe" }]);
    expect(titles(days[2]!.periods.morning)).toEqual(["Permanence"]);

    // Easter Monday 2026 is 6 April.
    const easter = weeklyProgramme([entry("Accès libre", schedule([slot(1, "09:00", "12:00")]))], "2026-04-08");
    expect(easter[0]!.periods.morning).toEqual([]);
    expect(easter[0]!.closures).toEqual([{ title: "Accès libre", note: "Lundi de Pâques" }]);
  });
});

describe("weekRange", () => {
  it("runs from Monday 00:00 to the next Monday in the territory's time zone, across a daylight-saving change", () => {
    // Summer time ends on Sunday 25 October 2026: that week starts at UTC+2 and ends at UTC+1.
    expect(weekRange("2026-10-21", "Europe/Paris")).toEqual({ from: new Date("2026-10-18T22:00:00Z"), until: new Date("2026-10-25T23:00:00Z") });
    expect(weekRange("2026-10-25", "Europe/Paris").from).toEqual(new Date("2026-10-18T22:00:00Z"));
  });
});
