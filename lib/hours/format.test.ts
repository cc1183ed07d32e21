import { describe, expect, it } from "vitest";
import { formatTime, weeklyHours } from "./format";

const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false) => {
  const minutes = (time: string) => {
    const [h, m] = time.split(":").map(Number);
    return h! * 60 + m!;
  };
  return { weekday, opensAtMinute: minutes(opens), closesAtMinute: minutes(closes), appointmentOnly };
};

describe("formatTime", () => {
  it("writes hours the French way", () => {
    expect(formatTime(9 * 60)).toBe("9 h");
    expect(formatTime(13 * 60 + 30)).toBe("13 h 30");
    expect(formatTime(8 * 60 + 5)).toBe("8 h 05");
  });
});

describe("weeklyHours", () => {
  it("lists open days from Monday, each day's ranges in time order", () => {
    const days = weeklyHours([
      slot(4, "14:00", "17:00"),
      slot(2, "10:00", "12:00"),
      slot(4, "10:00", "12:00"),
      slot(1, "13:00", "17:00", true),
    ]);
    expect(days).toEqual([
      { weekday: 1, day: "lundi", ranges: ["13 h – 17 h (sur rendez-vous)"] },
      { weekday: 2, day: "mardi", ranges: ["10 h – 12 h"] },
      { weekday: 4, day: "jeudi", ranges: ["10 h – 12 h", "14 h – 17 h"] },
    ]);
  });

  it("returns nothing for a place with no slots", () => {
    expect(weeklyHours([])).toEqual([]);
  });
});
