import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/hours/rules";
import { whyNotASlot, type WhyNotInput } from "./why-not";

const mediatorId = "mediator";
const now = new Date("2026-11-01T09:00:00Z");
// Tuesdays and Wednesdays 9:00–12:00 in 30-minute slots; the offer is open 10:00–12:00 those days.
const patterns = [2, 3].map((weekday) => ({ mediatorId, placeId: "place", weekday, startMinute: 540, endMinute: 720, slotMinutes: 30, validFrom: null, validUntil: null }));
const schedule = (changes: Partial<Schedule> = {}): Schedule => ({
  slots: [2, 3].map((weekday) => ({ weekday, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false })),
  exceptions: [],
  publicHolidays: "closed",
  timeZone: "Europe/Paris",
  country: "FR",
  ...changes,
});
const input = (startsAt: string, changes: Partial<WhyNotInput> = {}): WhyNotInput => ({
  mediatorId,
  startsAt: new Date(startsAt),
  now,
  patterns,
  absences: [],
  schedules: new Map([["place", schedule()]]),
  timeZone: "Europe/Paris",
  country: "FR",
  ...changes,
});

describe("whyNotASlot", () => {
  it("says the hour is past", () => {
    expect(whyNotASlot(input("2026-10-27T09:00:00Z"))).toBe("past");
  });

  it("says the mediator is absent that day", () => {
    expect(whyNotASlot(input("2026-12-08T09:00:00Z", { absences: [{ startsOn: "2026-12-07", endsOn: "2026-12-09" }] }))).toBe("mediator_absent");
  });

  it("says it is a public holiday the place closes on (11 November)", () => {
    expect(whyNotASlot(input("2026-11-11T09:00:00Z"))).toBe("holiday");
  });

  it("says the place is closed that day", () => {
    const closed = schedule({ exceptions: [{ startsOn: "2026-12-08", endsOn: "2026-12-08", closed: true, label: "Inventaire" }] });
    expect(whyNotASlot(input("2026-12-08T09:00:00Z", { schedules: new Map([["place", closed]]) }))).toBe("place_closed");
  });

  it("says it is outside the offer's hours", () => {
    // 9:00 in Paris: the mediator's pattern starts then, the offer opens at 10:00.
    expect(whyNotASlot(input("2026-12-08T08:00:00Z"))).toBe("outside_hours");
  });

  it("says the mediator offers nothing at that hour (off the slot grid, or another day)", () => {
    expect(whyNotASlot(input("2026-12-08T09:10:00Z"))).toBe("not_offered");
    expect(whyNotASlot(input("2026-12-10T09:00:00Z"))).toBe("not_offered");
  });
});
