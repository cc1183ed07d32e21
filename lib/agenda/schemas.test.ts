import { describe, expect, it } from "vitest";
import { absenceSchema, patternSchema, settingsSchema, timeValue } from "./schemas";

const id = "0b6f1c52-8f0e-4c3e-9d8a-2b1c3d4e5f60";
const form = {
  structureId: id,
  patternId: "",
  mediatorId: id,
  offerId: id,
  placeId: "",
  weekday: "2",
  start: "14:00",
  end: "17:00",
  slotMinutes: "45",
  kind: "procedure",
  validFrom: "",
  validUntil: "",
};

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the pattern form's schema", () => {
  it("reads times as minutes, empty ids and dates as null", () => {
    expect(patternSchema.parse(form)).toMatchObject({ patternId: null, placeId: null, weekday: 2, start: 840, end: 1020, slotMinutes: 45, validFrom: null, validUntil: null });
  });

  it("refuses an end before the start, on the end", () => {
    expect(errorsOf(patternSchema.safeParse({ ...form, end: "13:00" }))).toEqual({ end: "La fin doit venir après le début (14 h) : corrigez l'heure de fin." });
  });

  it("refuses a length outside 15–240 minutes or longer than the range, on the length", () => {
    expect(errorsOf(patternSchema.safeParse({ ...form, slotMinutes: "10" })).slotMinutes).toContain("15 minutes au moins");
    expect(errorsOf(patternSchema.safeParse({ ...form, slotMinutes: "300" })).slotMinutes).toContain("240 minutes");
    expect(errorsOf(patternSchema.safeParse({ ...form, end: "14:30" })).slotMinutes).toContain("ne tient pas entre 14 h et 14 h 30");
  });

  it("refuses a validity that ends before it starts, and a missing offer", () => {
    expect(Object.keys(errorsOf(patternSchema.safeParse({ ...form, validFrom: "2027-01-10", validUntil: "2027-01-01" })))).toEqual(["validUntil"]);
    expect(errorsOf(patternSchema.safeParse({ ...form, offerId: "" })).offerId).toBe("Choisissez une offre.");
    expect(Object.keys(errorsOf(patternSchema.safeParse({ ...form, start: "25:00", weekday: "8" })))).toEqual(["weekday", "start"]);
  });
});

describe("the absence and settings schemas", () => {
  it("refuses an absence that ends before it starts, and asks for a label", () => {
    const absence = { structureId: id, mediatorId: id, startsOn: "2026-12-10", endsOn: "2026-12-09", label: "" };
    expect(Object.keys(errorsOf(absenceSchema.safeParse(absence))).sort()).toEqual(["endsOn", "label"]);
    expect(Object.keys(errorsOf(absenceSchema.safeParse({ ...absence, label: "Congés" })))).toEqual(["endsOn"]);
  });

  it("reads an empty limit as none and the checkbox as a boolean", () => {
    expect(settingsSchema.parse({ structureId: id, halfDaysPerWeek: "", residentsBookOnline: "on" })).toEqual({ structureId: id, halfDaysPerWeek: null, residentsBookOnline: true });
    expect(settingsSchema.parse({ structureId: id, halfDaysPerWeek: "3" })).toEqual({ structureId: id, halfDaysPerWeek: 3, residentsBookOnline: false });
    expect(settingsSchema.safeParse({ structureId: id, halfDaysPerWeek: "0" }).success).toBe(false);
  });

  it("writes minutes back as a time field's value", () => {
    expect(timeValue(14 * 60 + 5)).toBe("14:05");
  });
});
