import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/hours/rules";
import { type AvailabilityRule, freeSlots, type FreeSlotsInput, slotKeyOf, withinHours } from "./slots";

const PARIS = "Europe/Paris";

const tuesdayAfternoon: AvailabilityRule = {
  id: "p1",
  mediatorId: "sophie",
  offerId: "offer",
  placeId: "place",
  kind: "procedure",
  weekday: 2,
  startMinute: 14 * 60,
  endMinute: 17 * 60,
  slotMinutes: 45,
};

const schedule = (changes: Partial<Schedule> = {}): Schedule => ({
  slots: [2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAtMinute: 9 * 60, closesAtMinute: 18 * 60, appointmentOnly: false })),
  exceptions: [],
  publicHolidays: "closed",
  timeZone: PARIS,
  country: "FR",
  ...changes,
});

const input = (changes: Partial<FreeSlotsInput> = {}): FreeSlotsInput => ({
  patterns: [tuesdayAfternoon],
  absences: [],
  busy: [],
  schedules: new Map([["place", schedule()]]),
  // Monday 7 to Monday 14 December 2026, Paris (UTC+1).
  from: new Date("2026-12-06T23:00:00Z"),
  until: new Date("2026-12-13T23:00:00Z"),
  timeZone: PARIS,
  country: "FR",
  ...changes,
});

const starts = (slots: { startsAt: Date }[]) => slots.map((slot) => slot.startsAt.toISOString());

describe("free slots of weekly patterns", () => {
  it("cuts a pattern into appointments of its length, in the territory's time zone", () => {
    const slots = freeSlots(input());
    expect(starts(slots)).toEqual(["2026-12-08T13:00:00.000Z", "2026-12-08T13:45:00.000Z", "2026-12-08T14:30:00.000Z", "2026-12-08T15:15:00.000Z"]);
    expect(slots[0]).toMatchObject({ date: "2026-12-08", startMinute: 840, patternId: "p1", placeId: "place", kind: "procedure" });
    expect(slots[0]!.endsAt.toISOString()).toBe("2026-12-08T13:45:00.000Z");
  });

  it("offers nothing on a public holiday the place closes on, and offers it when it opens as usual", () => {
    // Friday 25 December 2026 is Christmas.
    const friday = { ...tuesdayAfternoon, weekday: 5 };
    const week = { from: new Date("2026-12-20T23:00:00Z"), until: new Date("2026-12-27T23:00:00Z") };
    expect(freeSlots(input({ ...week, patterns: [friday] }))).toEqual([]);
    const open = freeSlots(input({ ...week, patterns: [friday], schedules: new Map([["place", schedule({ publicHolidays: "open_as_usual" })]]) }));
    expect(open).toHaveLength(4);
  });

  it("offers nothing on the days of an absence, both ends included", () => {
    const absent = freeSlots(input({ absences: [{ mediatorId: "sophie", startsOn: "2026-12-07", endsOn: "2026-12-08" }] }));
    expect(absent).toEqual([]);
    const someoneElse = freeSlots(input({ absences: [{ mediatorId: "lucas", startsOn: "2026-12-07", endsOn: "2026-12-08" }] }));
    expect(someoneElse).toHaveLength(4);
  });

  it("offers nothing during a closure of the place, and only what fits special hours", () => {
    const closed = schedule({ exceptions: [{ startsOn: "2026-12-08", endsOn: "2026-12-08", closed: true, label: "Travaux" }] });
    expect(freeSlots(input({ schedules: new Map([["place", closed]]) }))).toEqual([]);
    const shorter = schedule({ exceptions: [{ startsOn: "2026-12-08", endsOn: "2026-12-08", closed: false, opensAtMinute: 14 * 60, closesAtMinute: 15 * 60 + 30, label: "Horaires réduits" }] });
    expect(starts(freeSlots(input({ schedules: new Map([["place", shorter]]) })))).toEqual(["2026-12-08T13:00:00.000Z", "2026-12-08T13:45:00.000Z"]);
  });

  it("keeps the local hour across the daylight-saving changes (last Sundays of October and March)", () => {
    const sunday = { ...tuesdayAfternoon, weekday: 7, startMinute: 10 * 60, endMinute: 11 * 60, slotMinutes: 60 };
    const saturday = { ...sunday, id: "p2", weekday: 6 };
    const october = freeSlots(input({ patterns: [sunday, saturday], from: new Date("2026-10-23T22:00:00Z"), until: new Date("2026-10-26T00:00:00Z") }));
    // Saturday 24 October: summer time (UTC+2); Sunday 25: winter time (UTC+1).
    expect(starts(october)).toEqual(["2026-10-24T08:00:00.000Z", "2026-10-25T09:00:00.000Z"]);
    const march = freeSlots(input({ patterns: [sunday, saturday], from: new Date("2027-03-26T23:00:00Z"), until: new Date("2027-03-29T00:00:00Z") }));
    // Saturday 27 March 2027: winter time; Sunday 28: summer time.
    expect(starts(march)).toEqual(["2027-03-27T09:00:00.000Z", "2027-03-28T08:00:00.000Z"]);
  });

  it("leaves out every slot a booked appointment overlaps, even partly", () => {
    const busy = [{ mediatorId: "sophie", startsAt: new Date("2026-12-08T13:30:00Z"), endsAt: new Date("2026-12-08T14:15:00Z") }];
    expect(starts(freeSlots(input({ busy })))).toEqual(["2026-12-08T14:30:00.000Z", "2026-12-08T15:15:00.000Z"]);
    // Another mediator's appointment takes nothing from Sophie's.
    expect(freeSlots(input({ busy: [{ ...busy[0]!, mediatorId: "lucas" }] }))).toHaveLength(4);
  });

  it("follows a pattern's validity, both bounds included", () => {
    const week = { from: new Date("2026-12-06T23:00:00Z"), until: new Date("2026-12-20T23:00:00Z") };
    expect(freeSlots(input({ ...week, patterns: [{ ...tuesdayAfternoon, validFrom: "2026-12-15" }] })).map((slot) => slot.date)).toEqual(Array(4).fill("2026-12-15"));
    expect(freeSlots(input({ ...week, patterns: [{ ...tuesdayAfternoon, validUntil: "2026-12-08" }] })).map((slot) => slot.date)).toEqual(Array(4).fill("2026-12-08"));
  });

  it("keeps only what fits the offer's hours at the place", () => {
    const shortAfternoon = schedule({ slots: [{ weekday: 2, opensAtMinute: 14 * 60, closesAtMinute: 16 * 60, appointmentOnly: false }] });
    expect(starts(freeSlots(input({ schedules: new Map([["place", shortAfternoon]]) })))).toEqual(["2026-12-08T13:00:00.000Z", "2026-12-08T13:45:00.000Z"]);
  });

  it("orders by time then mediator, stops at the limit, and starts from `from`", () => {
    const lucas = { ...tuesdayAfternoon, id: "p3", mediatorId: "lucas", slotMinutes: 60 };
    const both = freeSlots(input({ patterns: [lucas, tuesdayAfternoon] }));
    expect(both.slice(0, 3).map((slot) => [slot.startsAt.toISOString(), slot.mediatorId])).toEqual([
      ["2026-12-08T13:00:00.000Z", "lucas"],
      ["2026-12-08T13:00:00.000Z", "sophie"],
      ["2026-12-08T13:45:00.000Z", "sophie"],
    ]);
    expect(freeSlots(input({ patterns: [lucas, tuesdayAfternoon], limit: 2 }))).toHaveLength(2);
    expect(starts(freeSlots(input({ from: new Date("2026-12-08T14:00:00Z") })))).toEqual(["2026-12-08T14:30:00.000Z", "2026-12-08T15:15:00.000Z"]);
  });

  it("says a slot's unique key, and that unknown hours only close on closures", () => {
    expect(slotKeyOf("sophie", new Date("2026-12-08T13:00:00Z"))).toBe("sophie|2026-12-08T13:00:00.000Z");
    const unknown = schedule({ slots: [], publicHolidays: "unknown" });
    expect(withinHours(unknown, "2026-12-08", 0, 24 * 60)).toBe(true);
    expect(withinHours(undefined, "2026-12-08", 0, 60)).toBe(true);
  });
});
