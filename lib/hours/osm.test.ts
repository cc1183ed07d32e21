import { describe, expect, it } from "vitest";
import { daySelector, parseOpeningHours, toOpeningHours } from "./osm";
import type { Slot } from "./rules";

const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false): Slot => {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return { weekday, opensAtMinute: minute(opens), closesAtMinute: minute(closes), appointmentOnly };
};

const franceServices = [
  ...[2, 3, 5].flatMap((day) => [slot(day, "10:00", "12:00"), slot(day, "14:00", "17:00")]),
  slot(4, "10:00", "17:00"),
];

describe("toOpeningHours", () => {
  it("groups days with the same hours and closes on public holidays", () => {
    expect(toOpeningHours(franceServices, "closed")).toBe("Tu-We,Fr 10:00-12:00,14:00-17:00; Th 10:00-17:00; PH off");
  });

  it("adds appointment-only hours as additional rules with a comment", () => {
    const missionLocale = [
      ...[1, 2, 3, 4, 5].map((day) => slot(day, "09:00", "12:00")),
      ...[1, 2, 3, 4, 5].map((day) => slot(day, "13:30", "17:30", true)),
    ];
    expect(toOpeningHours(missionLocale, "unknown")).toBe('Mo-Fr 09:00-12:00, Mo-Fr 13:30-17:30 "sur rendez-vous"');
  });

  it("writes nothing for no hours", () => {
    expect(toOpeningHours([], "closed")).toBe("");
  });
});

describe("parseOpeningHours", () => {
  it("round-trips what it writes", () => {
    for (const [slots, holidays] of [
      [franceServices, "closed"],
      [[slot(1, "13:00", "17:00", true), slot(3, "09:00", "12:00", true), slot(3, "13:00", "17:00", true)], "unknown"],
      [[slot(6, "09:30", "12:30")], "unknown"],
    ] as const) {
      const parsed = parseOpeningHours(toOpeningHours([...slots], holidays));
      expect(parsed.problems).toEqual([]);
      expect(parsed.publicHolidays).toBe(holidays);
      expect(parsed.slots).toEqual([...slots].sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute));
    }
  });

  it("lets a later rule replace the days it selects (real Hinaura strings)", () => {
    const parsed = parseOpeningHours("Mo-Th 09:00-12:00,13:00-17:00; Fr 09:00-12:00; We off");
    expect(parsed.problems).toEqual([]);
    expect(parsed.slots.filter((s) => s.weekday === 3)).toEqual([]);
    expect(parsed.slots.filter((s) => s.weekday === 5)).toEqual([slot(5, "09:00", "12:00")]);
    const tuesday = parseOpeningHours("Mo-Th 09:00-12:00,13:30-18:00; Tu 13:30-18:00").slots.filter((s) => s.weekday === 2);
    expect(tuesday).toEqual([slot(2, "13:30", "18:00")]);
  });

  it("reads lists of days, 24/7 and a closing time of 24:00", () => {
    expect(parseOpeningHours("We,Sa 14:00-18:00").slots.map((s) => s.weekday)).toEqual([3, 6]);
    expect(parseOpeningHours("24/7").slots).toHaveLength(7);
    expect(parseOpeningHours("Fr 18:00-24:00").slots).toEqual([slot(5, "18:00", "00:00")].map((s) => ({ ...s, closesAtMinute: 1440 })));
  });

  it("reports what it cannot read instead of dropping it", () => {
    const parsed = parseOpeningHours("Mo-Fr 09:00-12:00; Jan 01 off; Sa 14:00-12:00; Xy 10:00-11:00");
    expect(parsed.slots).toHaveLength(5);
    expect(parsed.problems).toEqual([
      "Règle non comprise : « Jan 01 off »",
      "Règle non comprise : « Sa 14:00-12:00 »",
      "Règle non comprise : « Xy 10:00-11:00 »",
    ]);
  });
});

describe("daySelector", () => {
  it("writes runs of days as ranges", () => {
    expect(daySelector([1, 2, 3, 5, 7])).toBe("Mo-We,Fr,Su");
    expect(daySelector([4])).toBe("Th");
  });
});
