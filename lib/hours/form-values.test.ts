import { describe, expect, it } from "vitest";
import { formValuesFromHours, formValuesFromPosted, previewHours } from "./form-values";

const PLACE = "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";
const OFFER = "7a1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";
const STRUCTURE = "5e1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";

const values = formValuesFromHours({
  structureId: STRUCTURE,
  version: "v1",
  owner: { kind: "place", placeId: PLACE },
  slots: [
    { weekday: 2, opensAtMinute: 840, closesAtMinute: 1020, appointmentOnly: true },
    { weekday: 2, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false },
    { weekday: 5, opensAtMinute: 1080, closesAtMinute: 1440, appointmentOnly: false },
  ],
  exceptions: [{ startsOn: "2026-07-14", endsOn: "2026-07-14", closed: false, opensAtMinute: 600, closesAtMinute: 720, label: "été" }],
  publicHolidays: "closed",
});

describe("the editor's values", () => {
  it("lists each day's slots in time order followed by a blank one, and two blank exceptions", () => {
    expect(values.slots.map((slot) => `${slot.weekday} ${slot.opens}-${slot.closes}`)).toEqual([
      "1 -",
      "2 10:00-12:00",
      "2 14:00-17:00",
      "2 -",
      "3 -",
      "4 -",
      "5 18:00-00:00",
      "5 -",
      "6 -",
      "7 -",
    ]);
    expect(values.slots[2]!.appointmentOnly).toBe(true);
    expect(values.exceptions).toEqual([
      { startsOn: "2026-07-14", endsOn: "", kind: "special", opens: "10:00", closes: "12:00", label: "été" },
      { startsOn: "", endsOn: "", kind: "closed", opens: "", closes: "", label: "" },
      { startsOn: "", endsOn: "", kind: "closed", opens: "", closes: "", label: "" },
    ]);
  });

  it("gives back what was posted, checkboxes included", () => {
    const posted = formValuesFromPosted(
      {
        version: "v2",
        publicHolidays: "open_as_usual",
        slots: [{ weekday: "3", opens: "9h", closes: "", appointmentOnly: "on" }],
        exceptions: [{ startsOn: "2026-12-24", kind: "special", label: "<b>" }],
      },
      values,
    );
    expect(posted).toMatchObject({
      version: "v2",
      publicHolidays: "open_as_usual",
      owner: { kind: "place", placeId: PLACE },
      slots: [{ weekday: "3", opens: "9h", closes: "", appointmentOnly: true }],
      exceptions: [{ startsOn: "2026-12-24", endsOn: "", kind: "special", opens: "", closes: "", label: "<b>" }],
    });
  });

  it("previews what would be saved, leaving out rows with a problem", () => {
    const typed = { ...values, slots: [...values.slots, { weekday: "7", opens: "12:00", closes: "10:00", appointmentOnly: false }] };
    expect(previewHours(typed, null)).toBe(
      "le mardi de 10 h à 12 h ; le vendredi de 18 h à 24 h ; le mardi de 14 h à 17 h sur rendez-vous ; fermé les jours fériés ; le 14 juillet : de 10 h à 12 h (été)",
    );
  });

  it("previews an offer at a place that keeps the place's hours, or follows its holiday rule", () => {
    const place = { description: "le lundi de 9 h à 12 h", publicHolidays: "open_as_usual" as const };
    const offerPlace = { ...values, owner: { kind: "offerPlace" as const, offerId: OFFER, placeId: PLACE } };
    expect(previewHours({ ...offerPlace, hoursSource: "place" }, place)).toBe("mêmes horaires que le lieu (le lundi de 9 h à 12 h)");
    expect(previewHours({ ...offerPlace, hoursSource: "own", publicHolidays: "same_as_place", exceptions: [] }, place)).toContain(
      "ouvert aussi les jours fériés",
    );
  });
});
