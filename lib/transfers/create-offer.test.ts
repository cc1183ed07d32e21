import { describe, expect, it } from "vitest";
import type { Schedule } from "@/lib/hours/rules";
import { nextOpening } from "./create-offer";

const schedule = (slots: Schedule["slots"]): Schedule => ({ slots, exceptions: [], publicHolidays: "unknown", timeZone: "Europe/Paris", country: "FR" });
const place = (slots: Schedule["slots"]) => ({ schedule: schedule(slots) }) as never;
const monday9 = new Date("2026-11-23T08:00:00Z"); // Monday 9:00 in Paris

describe("nextOpening", () => {
  it("is now when a place is open, else the soonest opening among the places", () => {
    const mondayMorning = { weekday: 1, opensAtMinute: 8 * 60, closesAtMinute: 12 * 60, appointmentOnly: false };
    const tuesday = { weekday: 2, opensAtMinute: 10 * 60, closesAtMinute: 12 * 60, appointmentOnly: false };
    const thursday = { weekday: 4, opensAtMinute: 14 * 60, closesAtMinute: 17 * 60, appointmentOnly: false };
    expect(nextOpening({ places: [place([thursday]), place([mondayMorning])], remoteSchedule: null }, monday9)).toEqual(monday9);
    expect(nextOpening({ places: [place([thursday]), place([tuesday])], remoteSchedule: null }, monday9)?.toISOString()).toBe("2026-11-24T09:00:00.000Z");
  });

  it("is undefined without any hours, and null when nothing opens in the coming weeks", () => {
    expect(nextOpening({ places: [place([])], remoteSchedule: null }, monday9)).toBeUndefined();
    const closedForMonths = {
      ...schedule([{ weekday: 2, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false }]),
      exceptions: [{ startsOn: "2026-11-01", endsOn: "2027-06-30", closed: true, label: "Travaux" }],
    };
    expect(nextOpening({ places: [{ schedule: closedForMonths } as never], remoteSchedule: null }, monday9)).toBeNull();
  });
});
