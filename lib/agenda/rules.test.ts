import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/hours/rules";
import { describeDate, describeDayHours, describeHalfDay, describeWeeklyRange, firstOverlap, fitsWeeklyHours, rangesOverlap, weekToShow } from "./rules";

const tuesday = { weekday: 2, startMinute: 14 * 60, endMinute: 17 * 60 };

const hours = (slots: [number, number, number][]): Schedule => ({
  slots: slots.map(([weekday, opensAtMinute, closesAtMinute]) => ({ weekday, opensAtMinute, closesAtMinute, appointmentOnly: false })),
  exceptions: [],
  publicHolidays: "closed",
  timeZone: "Europe/Paris",
  country: "FR",
});

describe("two patterns of one mediator", () => {
  it("overlap on the same weekday when their times cross and their validities meet", () => {
    expect(rangesOverlap(tuesday, { weekday: 2, startMinute: 16 * 60, endMinute: 18 * 60 })).toBe(true);
    expect(rangesOverlap(tuesday, { weekday: 2, startMinute: 17 * 60, endMinute: 18 * 60 })).toBe(false);
    expect(rangesOverlap(tuesday, { weekday: 3, startMinute: 14 * 60, endMinute: 17 * 60 })).toBe(false);
    expect(rangesOverlap({ ...tuesday, validUntil: "2026-12-31" }, { ...tuesday, validFrom: "2027-01-01" })).toBe(false);
    expect(rangesOverlap({ ...tuesday, validUntil: "2027-01-01" }, { ...tuesday, validFrom: "2027-01-01" })).toBe(true);
    expect(firstOverlap(tuesday, [{ ...tuesday, weekday: 4, id: "a" }, { ...tuesday, id: "b" }])?.id).toBe("b");
  });
});

describe("a pattern and the offer's weekly hours", () => {
  it("fits inside one opening range of its weekday, ranges that touch being one", () => {
    const franceServices = hours([
      [2, 600, 720],
      [2, 840, 1020],
      [4, 600, 720],
      [4, 720, 1020],
    ]);
    expect(fitsWeeklyHours(franceServices, tuesday)).toEqual({ fits: true });
    expect(fitsWeeklyHours(franceServices, { weekday: 4, startMinute: 600, endMinute: 1020 })).toEqual({ fits: true });
    const refused = fitsWeeklyHours(franceServices, { weekday: 2, startMinute: 11 * 60, endMinute: 15 * 60 });
    expect(refused).toEqual({ fits: false, dayHours: [{ opensAtMinute: 600, closesAtMinute: 720 }, { opensAtMinute: 840, closesAtMinute: 1020 }] });
    expect(refused.fits ? "" : describeDayHours(refused.dayHours)).toBe("elle est ouverte de 10 h à 12 h et de 14 h à 17 h");
    const monday = fitsWeeklyHours(franceServices, { weekday: 1, startMinute: 600, endMinute: 660 });
    expect(monday.fits ? "" : describeDayHours(monday.dayHours)).toBe("elle n'est pas ouverte ce jour-là");
  });

  it("fits anything when the place has no hours at all", () => {
    expect(fitsWeeklyHours(hours([]), { weekday: 7, startMinute: 0, endMinute: 60 })).toEqual({ fits: true });
  });
});

describe("words and weeks", () => {
  it("says ranges, days and half-days in French", () => {
    expect(describeWeeklyRange({ weekday: 5, startMinute: 13 * 60 + 30, endMinute: 16 * 60 })).toBe("vendredi 13 h 30 – 16 h");
    expect(describeDate("2026-12-07")).toBe("lundi 7 décembre");
    expect(describeHalfDay({ date: "2026-12-10", half: "morning" })).toBe("jeudi matin");
    expect(describeHalfDay({ date: "2026-12-11", half: "afternoon" })).toBe("vendredi après-midi");
  });

  it("shows the Monday of the week asked, or of today's when the date is nonsense", () => {
    expect(weekToShow("2026-12-10", "2026-11-01")).toBe("2026-12-07");
    expect(weekToShow("2026-02-30", "2026-12-04")).toBe("2026-11-30");
    expect(weekToShow("n'importe quoi", "2026-12-04")).toBe("2026-11-30");
    expect(weekToShow(undefined, "2026-12-06")).toBe("2026-11-30");
  });
});
