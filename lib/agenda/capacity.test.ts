import { describe, expect, it } from "vitest";
import { firstWeekOverCapacity, halfDaysInWeek, halfDaysOf } from "./capacity";

const tuesdayAfternoon = { weekday: 2, startMinute: 14 * 60, endMinute: 17 * 60 };
const thursdayMorning = { weekday: 4, startMinute: 9 * 60, endMinute: 12 * 60 };
const fridayAfternoon = { weekday: 5, startMinute: 13 * 60 + 30, endMinute: 16 * 60 };

describe("the capacity rule: half-days of appointments per mediator per week", () => {
  it("counts the half-days a time range touches, noon being the line", () => {
    expect(halfDaysOf(9 * 60, 12 * 60)).toEqual(["morning"]);
    expect(halfDaysOf(12 * 60, 13 * 60)).toEqual(["afternoon"]);
    expect(halfDaysOf(11 * 60, 14 * 60)).toEqual(["morning", "afternoon"]);
  });

  it("counts one half-day once, however many patterns fill it", () => {
    const twoOffersSameAfternoon = [tuesdayAfternoon, { weekday: 2, startMinute: 17 * 60, endMinute: 18 * 60 }];
    expect(halfDaysInWeek("2026-12-09", twoOffersSameAfternoon)).toEqual([{ date: "2026-12-08", half: "afternoon" }]);
  });

  it("refuses a third half-day in a week and names the week and its half-days", () => {
    expect(firstWeekOverCapacity("2026-12-04", [tuesdayAfternoon, thursdayMorning], { limit: 2 })).toBeNull();
    expect(firstWeekOverCapacity("2026-12-04", [tuesdayAfternoon, thursdayMorning, fridayAfternoon], { limit: 2 })).toEqual({
      monday: "2026-11-30",
      halfDays: [
        { date: "2026-12-01", half: "afternoon" },
        { date: "2026-12-03", half: "morning" },
        { date: "2026-12-04", half: "afternoon" },
      ],
      limit: 2,
    });
  });

  it("finds the week where patterns valid at different times meet, and a dated booking counts too", () => {
    const fromJanuary = { ...fridayAfternoon, validFrom: "2027-01-04" };
    const over = firstWeekOverCapacity("2026-12-04", [tuesdayAfternoon, thursdayMorning, fromJanuary], { limit: 2 });
    expect(over?.monday).toBe("2027-01-04");
    const booked = [{ date: "2026-12-10", startMinute: 14 * 60, endMinute: 15 * 60 }];
    expect(firstWeekOverCapacity("2026-12-04", [tuesdayAfternoon, thursdayMorning], { limit: 2, dated: booked })?.monday).toBe("2026-12-07");
  });

  it("has no limit when the structure sets none", () => {
    expect(firstWeekOverCapacity("2026-12-04", [tuesdayAfternoon, thursdayMorning, fridayAfternoon], { limit: null })).toBeNull();
  });
});
