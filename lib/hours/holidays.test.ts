import { describe, expect, it } from "vitest";
import { easterSunday, publicHolidayName, publicHolidays } from "./holidays";

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
  ])("%i: %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe("public holidays", () => {
  it("France has 11 national public holidays, Easter-dependent ones included", () => {
    const days = publicHolidays("FR", 2026);
    expect(days.size).toBe(11);
    expect(days.get("2026-04-06")).toBe("Lundi de Pâques");
    expect(days.get("2026-05-14")).toBe("Ascension");
    expect(days.get("2026-05-25")).toBe("Lundi de Pentecôte");
    expect(days.get("2026-05-08")).toBe("Victoire 1945");
    expect(days.get("2026-07-14")).toBe("Fête nationale");
  });

  it("Belgium has its own: 21 July, and no 8 May or 14 July", () => {
    expect(publicHolidayName("BE", "2026-07-21")).toBe("Fête nationale");
    expect(publicHolidayName("BE", "2026-05-08")).toBeUndefined();
    expect(publicHolidayName("BE", "2026-07-14")).toBeUndefined();
    expect(publicHolidays("BE", 2026).size).toBe(10);
  });

  it("an ordinary day is not a holiday", () => {
    expect(publicHolidayName("FR", "2026-11-24")).toBeUndefined();
  });
});
