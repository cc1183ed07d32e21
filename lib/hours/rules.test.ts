import { describe, expect, it } from "vitest";
import { comingDays, hoursOn, isOpenAt, localTime, openingStatus, weekHours, zonedInstant, type Schedule, type Slot } from "./rules";

const slot = (weekday: number, opens: string, closes: string, extra: Partial<Slot> = {}): Slot => {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return { weekday, opensAtMinute: minute(opens), closesAtMinute: minute(closes), appointmentOnly: false, ...extra };
};

// Seed 001's Espace France Services: Tuesday to Friday 10–12 and 14–17, all day on Thursday.
const franceServices: Schedule = {
  slots: [
    ...[2, 3, 5].flatMap((day) => [slot(day, "10:00", "12:00"), slot(day, "14:00", "17:00")]),
    slot(4, "10:00", "17:00"),
  ],
  exceptions: [],
  publicHolidays: "closed",
  timeZone: "Europe/Paris",
  country: "FR",
};

// 2026-11-24 is a Tuesday; Paris is UTC+1 in winter.
const paris = (local: string) => zonedInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), "Europe/Paris");

describe("isOpenAt", () => {
  it("follows the week's slots in the territory's time zone", () => {
    expect(paris("2026-11-24T10:30").toISOString()).toBe("2026-11-24T09:30:00.000Z");
    expect(isOpenAt(franceServices, paris("2026-11-24T10:30"))).toBe(true);
    expect(isOpenAt(franceServices, paris("2026-11-24T12:30"))).toBe(false);
    expect(isOpenAt(franceServices, paris("2026-11-26T12:30"))).toBe(true); // journée continue
    expect(isOpenAt(franceServices, paris("2026-11-24T17:00"))).toBe(false); // closing time is closed
    expect(isOpenAt(franceServices, paris("2026-11-23T11:00"))).toBe(false); // Monday
  });
});

describe("openingStatus", () => {
  it("says until when it is open", () => {
    expect(openingStatus(franceServices, paris("2026-11-24T15:00"))).toEqual({
      open: true,
      closesAt: paris("2026-11-24T17:00"),
      appointmentOnly: false,
    });
  });

  it("finds the next opening later today, or on a later day", () => {
    expect(openingStatus(franceServices, paris("2026-11-24T12:15"))).toMatchObject({ open: false, nextOpensAt: paris("2026-11-24T14:00") });
    expect(openingStatus(franceServices, paris("2026-11-27T17:30"))).toMatchObject({ open: false, nextOpensAt: paris("2026-12-01T10:00") });
  });

  it("skips public holidays when the place closes on them", () => {
    // Christmas 2026 is a Friday; Monday is closed anyway.
    expect(hoursOn(franceServices, "2026-12-25")).toMatchObject({ ranges: [], note: "Noël" });
    expect(openingStatus(franceServices, paris("2026-12-24T17:30"))).toMatchObject({ nextOpensAt: paris("2026-12-29T10:00") });
    const openOnHolidays = { ...franceServices, publicHolidays: "open_as_usual" as const };
    expect(hoursOn(openOnHolidays, "2026-12-25").ranges).toHaveLength(2);
  });

  it("says nothing opens when there are no hours at all", () => {
    expect(openingStatus({ ...franceServices, slots: [] }, paris("2026-11-24T10:00"))).toEqual({
      open: false,
      nextOpensAt: null,
      appointmentOnly: false,
    });
  });

  it("reports appointment-only slots", () => {
    const permanence = { ...franceServices, slots: [slot(1, "13:00", "17:00", { appointmentOnly: true })] };
    expect(openingStatus(permanence, paris("2026-11-23T14:00"))).toMatchObject({ open: true, appointmentOnly: true });
  });
});

describe("exceptions", () => {
  const closedForInventory = {
    ...franceServices,
    exceptions: [{ startsOn: "2026-11-24", endsOn: "2026-11-25", closed: true, label: "Fermeture pour inventaire" }],
  };

  it("close the days they cover, with their label", () => {
    expect(hoursOn(closedForInventory, "2026-11-24")).toEqual({
      date: "2026-11-24",
      weekday: 2,
      ranges: [],
      note: "Fermeture pour inventaire",
    });
    expect(isOpenAt(closedForInventory, paris("2026-11-25T10:30"))).toBe(false);
    expect(openingStatus(closedForInventory, paris("2026-11-23T09:00"))).toMatchObject({ nextOpensAt: paris("2026-11-26T10:00") });
  });

  it("replace the usual hours by special ones", () => {
    const reduced = {
      ...franceServices,
      exceptions: [
        { startsOn: "2026-12-21", endsOn: "2027-01-03", closed: false, opensAtMinute: 14 * 60, closesAtMinute: 17 * 60, label: "Horaires des vacances" },
      ],
    };
    expect(hoursOn(reduced, "2026-12-22").ranges).toEqual([{ opensAtMinute: 840, closesAtMinute: 1020, appointmentOnly: false }]);
    expect(isOpenAt(reduced, paris("2026-12-22T10:30"))).toBe(false);
    // An exception prevails over the holiday rule: the special hours hold on Christmas Day too.
    expect(hoursOn(reduced, "2026-12-25").note).toBe("Horaires des vacances");
  });
});

describe("slots with validity dates", () => {
  it("apply only between their dates", () => {
    const summer = { ...franceServices, slots: [slot(6, "09:00", "12:00", { validFrom: "2027-06-01", validUntil: "2027-08-31" })] };
    expect(hoursOn(summer, "2027-06-05").ranges).toHaveLength(1);
    expect(hoursOn(summer, "2027-09-04").ranges).toHaveLength(0);
  });
});

describe("weekHours", () => {
  it("lists Monday to Sunday of the week of a day, holidays and exceptions applied", () => {
    const week = weekHours(franceServices, "2026-11-11"); // Armistice, a Wednesday
    expect(week.map((day) => day.date)).toEqual([
      "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15",
    ]);
    expect(week[2]).toMatchObject({ ranges: [], note: "Armistice" });
    expect(week[3]!.ranges).toHaveLength(1);
  });
});

describe("comingDays", () => {
  it("lists a day and the six after it, across a week's end, holidays applied", () => {
    const days = comingDays(franceServices, "2026-11-08"); // a Sunday: the coming week, not the past one
    expect(days.map((day) => day.date)).toEqual([
      "2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14",
    ]);
    expect(days[3]).toMatchObject({ ranges: [], note: "Armistice" });
  });
});

describe("daylight-saving changes (Europe/Paris)", () => {
  const tuesdayMorning = { ...franceServices, slots: [slot(2, "09:00", "12:00")] };

  it("opens at 9 h local time on both sides of the March change", () => {
    // 28 March 2027: clocks go from 02:00 to 03:00 (and Monday 29 is Easter Monday).
    expect(openingStatus(tuesdayMorning, new Date("2027-03-27T11:00:00Z"))).toMatchObject({
      nextOpensAt: new Date("2027-03-30T07:00:00Z"),
    });
    expect(openingStatus(tuesdayMorning, new Date("2027-03-20T11:00:00Z"))).toMatchObject({
      nextOpensAt: new Date("2027-03-23T08:00:00Z"),
    });
  });

  it("moves a local time skipped by the change forward by the gap, and reads local time right after October's", () => {
    // 02:30 does not exist that night: 03:30 local, as Temporal's "compatible" rule does.
    expect(zonedInstant("2027-03-28", 150, "Europe/Paris").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    // 31 October 2027: clocks go back from 03:00 to 02:00.
    expect(localTime(new Date("2027-10-31T09:00:00Z"), "Europe/Paris")).toEqual({ date: "2027-10-31", weekday: 7, minute: 600 });
    expect(localTime(new Date("2027-10-30T09:00:00Z"), "Europe/Paris").minute).toBe(660);
    // 02:30 happens twice that night: the winter-time one.
    expect(zonedInstant("2027-10-31", 150, "Europe/Paris").toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });

  it("uses each territory's own zone", () => {
    expect(localTime(new Date("2026-11-24T09:30:00Z"), "Europe/Brussels")).toEqual({ date: "2026-11-24", weekday: 2, minute: 630 });
    expect(localTime(new Date("2026-11-24T09:30:00Z"), "Indian/Reunion")).toEqual({ date: "2026-11-24", weekday: 2, minute: 810 });
  });

  it("answers the same instant asked again in another zone, and many instants in turn, each right (answers are remembered)", () => {
    const instant = new Date("2026-11-24T23:30:00Z");
    for (let round = 0; round < 3; round++) {
      expect(localTime(instant, "Europe/Paris")).toEqual({ date: "2026-11-25", weekday: 3, minute: 30 });
      expect(localTime(new Date(instant.getTime()), "America/Cayenne")).toEqual({ date: "2026-11-24", weekday: 2, minute: 1230 });
    }
    // More instants than are remembered: the oldest are forgotten, none is answered wrong.
    for (let minute = 0; minute < 5000; minute++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, minute));
      expect(localTime(at, "UTC").minute).toBe(minute % 1440);
    }
    expect(localTime(instant, "Europe/Paris").date).toBe("2026-11-25");
  });
});
