import { describe, expect, it } from "vitest";
import { addCalendarDays, addWorkingDays, isWorkingDay, latestPossibleStart, workingDaysBetween, type WorkingCalendar } from "./working-days";

const paris: WorkingCalendar = { country: "FR", timeZone: "Europe/Paris" };
const brussels: WorkingCalendar = { country: "BE", timeZone: "Europe/Brussels" };

/** "2026-11-20T16:00" read as a Paris (or Brussels: same offsets) local time, with its offset given. */
const local = (isoWithOffset: string) => new Date(isoWithOffset);

describe("isWorkingDay", () => {
  it("is Monday to Friday except the country's public holidays", () => {
    expect(isWorkingDay("2026-11-20", "FR")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-21", "FR")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-22", "FR")).toBe(false); // Sunday
    expect(isWorkingDay("2026-05-14", "FR")).toBe(false); // Ascension
    expect(isWorkingDay("2026-07-14", "FR")).toBe(false);
    expect(isWorkingDay("2026-07-14", "BE")).toBe(true);
    expect(isWorkingDay("2026-07-21", "BE")).toBe(false);
    expect(isWorkingDay("2026-07-21", "FR")).toBe(true);
    expect(isWorkingDay("2026-05-08", "FR")).toBe(false);
    expect(isWorkingDay("2026-05-08", "BE")).toBe(true);
  });
});

describe("addWorkingDays", () => {
  it("skips the weekend: sent Friday 16:00, two working days later is Tuesday 16:00", () => {
    expect(addWorkingDays(local("2026-11-20T16:00:00+01:00"), 2, paris)).toEqual(local("2026-11-24T16:00:00+01:00"));
    expect(addWorkingDays(local("2026-11-20T16:00:00+01:00"), 1, paris)).toEqual(local("2026-11-23T16:00:00+01:00"));
    expect(addWorkingDays(local("2026-11-18T09:30:00+01:00"), 2, paris)).toEqual(local("2026-11-20T09:30:00+01:00"));
  });

  it("keeps the seconds and milliseconds", () => {
    expect(addWorkingDays(local("2026-11-20T16:00:07.250+01:00"), 5, paris)).toEqual(local("2026-11-27T16:00:07.250+01:00"));
  });

  it("skips public holidays: the day before Ascension, Easter Monday, Christmas and New Year", () => {
    // Wednesday 13 May 2026; Thursday 14 is Ascension.
    expect(addWorkingDays(local("2026-05-13T10:00:00+02:00"), 2, paris)).toEqual(local("2026-05-18T10:00:00+02:00"));
    // Friday 3 April 2026; Monday 6 is Easter Monday.
    expect(addWorkingDays(local("2026-04-03T16:00:00+02:00"), 2, paris)).toEqual(local("2026-04-08T16:00:00+02:00"));
    // Thursday 24 December; Friday 25 is Christmas.
    expect(addWorkingDays(local("2026-12-24T10:00:00+01:00"), 2, paris)).toEqual(local("2026-12-29T10:00:00+01:00"));
    // Wednesday 30 December; Friday 1 January is New Year's Day, in the next year.
    expect(addWorkingDays(local("2026-12-30T10:00:00+01:00"), 2, paris)).toEqual(local("2027-01-04T10:00:00+01:00"));
    // Five working days over the Whit Monday weekend: Fri 22, Tue 26, Wed 27, Thu 28, Fri 29.
    expect(addWorkingDays(local("2026-05-21T11:00:00+02:00"), 5, paris)).toEqual(local("2026-05-29T11:00:00+02:00"));
  });

  it("follows the territory's country: 21 July is a holiday in Belgium, 14 July in France", () => {
    expect(addWorkingDays(local("2026-07-20T09:00:00+02:00"), 1, brussels)).toEqual(local("2026-07-22T09:00:00+02:00"));
    expect(addWorkingDays(local("2026-07-20T09:00:00+02:00"), 1, paris)).toEqual(local("2026-07-21T09:00:00+02:00"));
    expect(addWorkingDays(local("2026-07-13T09:00:00+02:00"), 1, paris)).toEqual(local("2026-07-15T09:00:00+02:00"));
    expect(addWorkingDays(local("2026-07-13T09:00:00+02:00"), 1, brussels)).toEqual(local("2026-07-14T09:00:00+02:00"));
  });

  it("keeps the local time of day across daylight-saving changes", () => {
    // Clocks go forward on Sunday 29 March 2026: Friday 16:00 (UTC+1) → Tuesday 16:00 (UTC+2).
    const spring = addWorkingDays(local("2026-03-27T16:00:00+01:00"), 2, paris);
    expect(spring).toEqual(local("2026-03-31T16:00:00+02:00"));
    expect(spring.toISOString()).toBe("2026-03-31T14:00:00.000Z");
    // Clocks go back on Sunday 25 October 2026: Friday 16:00 (UTC+2) → Tuesday 16:00 (UTC+1).
    expect(addWorkingDays(local("2026-10-23T16:00:00+02:00"), 2, paris).toISOString()).toBe("2026-10-27T15:00:00.000Z");
  });

  it("counts days in the territory's time zone, not the server's", () => {
    // Friday 23:30 UTC is already Saturday 00:30 in Paris: the clock starts on Monday 00:00 there.
    const lateFriday = new Date("2026-11-20T23:30:00Z");
    expect(addWorkingDays(lateFriday, 2, paris)).toEqual(local("2026-11-25T00:00:00+01:00"));
    expect(addWorkingDays(lateFriday, 2, { country: "FR", timeZone: "UTC" })).toEqual(new Date("2026-11-24T23:30:00Z"));
  });

  it("starts on the next working day at midnight when sent on a weekend or a holiday", () => {
    expect(addWorkingDays(local("2026-11-21T10:00:00+01:00"), 2, paris)).toEqual(local("2026-11-25T00:00:00+01:00"));
    expect(addWorkingDays(local("2026-05-14T10:00:00+02:00"), 0, paris)).toEqual(local("2026-05-15T00:00:00+02:00"));
    expect(addWorkingDays(local("2026-11-20T16:00:00+01:00"), 0, paris)).toEqual(local("2026-11-20T16:00:00+01:00"));
  });

  it("refuses negative or fractional days", () => {
    expect(() => addWorkingDays(new Date(), -1, paris)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, paris)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  const friday = local("2026-11-20T16:00:00+01:00");

  it("counts whole working days, the inverse of addWorkingDays", () => {
    expect(workingDaysBetween(friday, local("2026-11-23T15:59:59+01:00"), paris)).toBe(0);
    expect(workingDaysBetween(friday, local("2026-11-23T16:00:00+01:00"), paris)).toBe(1);
    expect(workingDaysBetween(friday, local("2026-11-24T15:59:00+01:00"), paris)).toBe(1);
    expect(workingDaysBetween(friday, local("2026-11-24T16:00:00+01:00"), paris)).toBe(2);
    expect(workingDaysBetween(friday, local("2026-12-04T16:00:00+01:00"), paris)).toBe(10);
    for (const days of [0, 1, 2, 5, 9, 20]) {
      for (const from of [friday, local("2026-05-13T10:00:00+02:00"), local("2026-03-27T16:00:00+01:00"), local("2026-07-20T09:00:00+02:00")]) {
        expect(workingDaysBetween(from, addWorkingDays(from, days, brussels), brussels)).toBe(days);
      }
    }
  });

  it("is 0 before the start or over a weekend", () => {
    expect(workingDaysBetween(friday, local("2026-11-19T16:00:00+01:00"), paris)).toBe(0);
    expect(workingDaysBetween(local("2026-11-21T10:00:00+01:00"), local("2026-11-22T23:00:00+01:00"), paris)).toBe(0);
  });
});

describe("addCalendarDays", () => {
  it("adds days on the local calendar, keeping the local time across daylight-saving changes", () => {
    expect(addCalendarDays(local("2026-11-20T16:00:00+01:00"), 14, "Europe/Paris")).toEqual(local("2026-12-04T16:00:00+01:00"));
    expect(addCalendarDays(local("2026-03-20T16:00:00+01:00"), 14, "Europe/Paris")).toEqual(local("2026-04-03T16:00:00+02:00"));
    expect(addCalendarDays(local("2026-12-20T16:00:00+01:00"), 90, "Europe/Paris")).toEqual(local("2027-03-20T16:00:00+01:00"));
  });
});

describe("latestPossibleStart", () => {
  it("is never later than the real bound, whatever the calendar (a safe SQL pre-filter)", () => {
    const starts = Array.from({ length: 400 }, (_, index) => new Date(Date.UTC(2026, 0, 1) + index * 22 * 3_600_000 + index * 7_919));
    for (const days of [1, 2, 5, 14, 90]) {
      for (const start of starts) {
        const due = addWorkingDays(start, days, paris);
        expect(start.getTime()).toBeLessThanOrEqual(latestPossibleStart(due, days).getTime());
        const expiry = addCalendarDays(start, days, "Europe/Paris");
        expect(start.getTime()).toBeLessThanOrEqual(latestPossibleStart(expiry, days).getTime());
      }
    }
  });
});
