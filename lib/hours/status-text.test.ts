import { describe, expect, it } from "vitest";
import { offerScheduleAt } from "./offer-schedule";
import { openingStatus, type Schedule } from "./rules";
import { describeOpeningStatus } from "./status-text";

const ZONE = "Europe/Paris";
// Tuesday 10 to 12, Thursday 14 to 17 (by appointment).
const schedule: Schedule = {
  slots: [
    { weekday: 2, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false },
    { weekday: 4, opensAtMinute: 840, closesAtMinute: 1020, appointmentOnly: true },
  ],
  exceptions: [],
  publicHolidays: "closed",
  timeZone: ZONE,
  country: "FR",
};
const say = (isoInstant: string, locale: "fr" | "en" | "ar", s: Schedule = schedule) => {
  const now = new Date(isoInstant);
  return describeOpeningStatus(openingStatus(s, now), now, ZONE, locale);
};

describe("describeOpeningStatus", () => {
  it("says until when it is open", () => {
    expect(say("2026-11-24T10:30:00+01:00", "fr")).toEqual({ open: true, text: "Ouvert maintenant, jusqu'à 12 h" });
    expect(say("2026-11-24T10:30:00+01:00", "en").text).toBe("Open now, until 12:00");
    expect(say("2026-11-24T10:30:00+01:00", "ar").text).toBe("مفتوح الآن، حتى الساعة 12:00");
  });

  it("says when it opens next: later today, tomorrow, on a weekday, by appointment", () => {
    expect(say("2026-11-24T08:00:00+01:00", "fr").text).toBe("Fermé pour le moment, ouvre aujourd'hui à 10 h");
    expect(say("2026-11-23T18:00:00+01:00", "fr").text).toBe("Fermé, ouvre demain à 10 h");
    expect(say("2026-11-24T13:00:00+01:00", "fr").text).toBe("Fermé, ouvre jeudi à 14 h (sur rendez-vous)");
    expect(say("2026-11-24T13:00:00+01:00", "en").text).toBe("Closed, opens Thursday at 14:00 (by appointment)");
  });

  it("gives a date beyond the coming week, and says when nothing is planned", () => {
    const closedForAMonth: Schedule = { ...schedule, exceptions: [{ startsOn: "2026-11-23", endsOn: "2026-12-20", closed: true, label: "travaux" }] };
    expect(say("2026-11-24T10:30:00+01:00", "fr", closedForAMonth).text).toBe("Fermé, ouvre le 22 décembre à 10 h");
    expect(say("2026-11-24T10:30:00+01:00", "fr", { ...schedule, slots: [] }).text).toBe("Pas d'ouverture prévue pour le moment");
  });
});

describe("offerScheduleAt", () => {
  const place = {
    openingSlots: [{ weekday: 1, opensAtMinute: 540, closesAtMinute: 1020, appointmentOnly: false }],
    openingExceptions: [
      { startsOn: new Date("2026-12-24T00:00:00Z"), endsOn: new Date("2026-12-31T00:00:00Z"), closed: true, label: "congés" },
      { startsOn: "2026-07-01", endsOn: "2026-08-31", closed: false, opensAtMinute: 540, closesAtMinute: 720, label: "été" },
    ],
    publicHolidays: "closed" as const,
  };
  const territory = { timeZone: ZONE, country: "FR" as const };

  it("uses the place's hours when the offer has none of its own there", () => {
    const result = offerScheduleAt({ openingSlots: [], openingExceptions: [], publicHolidays: null, place }, territory);
    expect(result.slots).toEqual([{ ...place.openingSlots[0], validFrom: null, validUntil: null }]);
    expect(result.exceptions[0]).toMatchObject({ startsOn: "2026-12-24", endsOn: "2026-12-31" });
    expect(result.exceptions).toHaveLength(2);
    expect(result.publicHolidays).toBe("closed");
  });

  it("uses the offer's own hours, its own holiday rule, and still the place's closures", () => {
    const own = [{ weekday: 3, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false }];
    const result = offerScheduleAt({ openingSlots: own, openingExceptions: [], publicHolidays: "open_as_usual", place }, territory);
    expect(result.slots.map((slot) => slot.weekday)).toEqual([3]);
    expect(result.exceptions.map((exception) => exception.label)).toEqual(["congés"]);
    expect(result.publicHolidays).toBe("open_as_usual");
  });
});
