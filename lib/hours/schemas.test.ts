import { describe, expect, it } from "vitest";
import { hoursFormSchema, parseDate, parseTime, timeInputValue } from "./schemas";

const PLACE = "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";
const OFFER = "7a1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";
const base = {
  structureId: "5e1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f",
  version: "v1",
  owner: { kind: "place", placeId: PLACE },
  publicHolidays: "closed",
};
const slot = (weekday: number, opens: string, closes: string, appointmentOnly?: string) => ({
  weekday: String(weekday),
  opens,
  closes,
  ...(appointmentOnly ? { appointmentOnly } : {}),
});
const blankSlot = (weekday: number) => slot(weekday, "", "");
const exception = (fields: Record<string, string>) => ({ startsOn: "", endsOn: "", opens: "", closes: "", label: "", ...fields });

/** The field errors of a form, as the server action reports them: dotted path → first message. */
function errorsOf(form: object): Record<string, string> {
  const result = hoursFormSchema.safeParse(form);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("parseTime and timeInputValue", () => {
  it("reads times as typed in a time field or by hand", () => {
    expect(parseTime("09:30")).toBe(570);
    expect(parseTime("9h30")).toBe(570);
    expect(parseTime("14 h")).toBe(840);
    expect(parseTime("14:00:00")).toBe(840);
    expect(parseTime("25:00")).toBeNull();
    expect(parseTime("10:75")).toBeNull();
    expect(parseTime("midi")).toBeNull();
  });

  it("takes 00:00 as midnight when it closes a slot", () => {
    expect(parseTime("00:00")).toBe(0);
    expect(parseTime("00:00", true)).toBe(1440);
    expect(parseTime("24:00", true)).toBe(1440);
    expect(timeInputValue(1440)).toBe("00:00");
    expect(timeInputValue(570)).toBe("09:30");
  });

  it("reads dates from a date field or typed the French way", () => {
    expect(parseDate("2026-12-24")).toBe("2026-12-24");
    expect(parseDate("24/12/2026")).toBe("2026-12-24");
    expect(parseDate("2026-02-30")).toBeNull();
    expect(parseDate("demain")).toBeNull();
  });
});

describe("the hours form", () => {
  it("turns the rows into slots and exceptions, ignoring blank rows", () => {
    const parsed = hoursFormSchema.parse({
      ...base,
      slots: [slot(2, "10:00", "12:00"), blankSlot(2), slot(2, "14:00", "17:00", "on"), blankSlot(3), slot(4, "18:00", "00:00")],
      exceptions: [exception({ startsOn: "2026-12-24", endsOn: "2027-01-01", label: " congés " }), exception({})],
    });
    expect(parsed.slots).toEqual([
      { weekday: 2, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false },
      { weekday: 2, opensAtMinute: 840, closesAtMinute: 1020, appointmentOnly: true },
      { weekday: 4, opensAtMinute: 1080, closesAtMinute: 1440, appointmentOnly: false },
    ]);
    expect(parsed.exceptions).toEqual([
      { startsOn: "2026-12-24", endsOn: "2027-01-01", closed: true, opensAtMinute: null, closesAtMinute: null, label: "congés" },
    ]);
    expect(parsed.publicHolidays).toBe("closed");
    expect(parsed.usesPlaceHours).toBe(false);
  });

  it("accepts no rows at all (hours not known yet)", () => {
    expect(hoursFormSchema.parse(base)).toMatchObject({ slots: [], exceptions: [] });
  });

  it("points at a time that is not a time", () => {
    expect(errorsOf({ ...base, slots: [blankSlot(1), slot(1, "9h", "midi")] })).toEqual({
      "slots.1.closes": "Heure non reconnue : écrivez-la ainsi : 09:30.",
    });
  });

  it("asks for the missing end of a half-filled slot", () => {
    expect(errorsOf({ ...base, slots: [slot(1, "09:00", "")] })).toEqual({ "slots.0.closes": "Indiquez l'heure de fermeture." });
    expect(errorsOf({ ...base, slots: [slot(1, "", "12:00")] })).toEqual({ "slots.0.opens": "Indiquez l'heure d'ouverture." });
  });

  it("refuses a slot that ends before or when it starts, and says how to open past midnight", () => {
    const errors = errorsOf({ ...base, slots: [slot(5, "20:00", "02:00"), slot(6, "10:00", "10:00")] });
    expect(Object.keys(errors)).toEqual(["slots.0.closes", "slots.1.closes"]);
    expect(errors["slots.0.closes"]).toContain("faites deux créneaux");
  });

  it("flags the later of two overlapping slots of the same day, naming the other", () => {
    const errors = errorsOf({
      ...base,
      slots: [slot(2, "14:00", "17:00"), slot(2, "10:00", "12:00"), slot(2, "11:30", "13:00"), slot(3, "11:30", "13:00")],
    });
    expect(errors).toEqual({
      "slots.2.opens":
        "Ce créneau chevauche celui de 10 h à 12 h du mardi : corrigez l'un des deux, ou réunissez-les en un seul créneau.",
    });
  });

  it("lets a slot start when the previous one ends", () => {
    expect(errorsOf({ ...base, slots: [slot(2, "10:00", "12:00"), slot(2, "12:00", "13:00")] })).toEqual({});
  });

  it("refuses an exception that ends before it starts, and makes a one-day exception without an end date", () => {
    expect(errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-12-24", endsOn: "2026-12-20", label: "congés" })] })).toEqual({
      "exceptions.0.endsOn": "La fin de la période est avant son début.",
    });
    const parsed = hoursFormSchema.parse({ ...base, exceptions: [exception({ startsOn: "14/07/2026", label: "fête nationale" })] });
    expect(parsed.exceptions[0]).toMatchObject({ startsOn: "2026-07-14", endsOn: "2026-07-14" });
  });

  it("asks for the start date, and refuses dates out of range or periods over a year", () => {
    expect(errorsOf({ ...base, exceptions: [exception({ label: "travaux" })] })).toEqual({
      "exceptions.0.startsOn": "Indiquez la date de début.",
    });
    expect(Object.keys(errorsOf({ ...base, exceptions: [exception({ startsOn: "1999-12-31", label: "x" })] }))).toEqual([
      "exceptions.0.startsOn",
    ]);
    expect(errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-01-01", endsOn: "2027-06-01", label: "x" })] })).toHaveProperty(
      "exceptions.0.endsOn",
    );
    expect(errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-02-31", label: "x" })] })).toHaveProperty("exceptions.0.startsOn");
  });

  it("needs special hours, in the right order, when the exception is not a closure", () => {
    const special = (opens: string, closes: string) =>
      errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-07-14", kind: "special", opens, closes, label: "été" })] });
    expect(special("", "")).toEqual({
      "exceptions.0.opens": "Indiquez l'heure d'ouverture.",
      "exceptions.0.closes": "Indiquez l'heure de fermeture.",
    });
    expect(special("12:00", "10:00")).toEqual({ "exceptions.0.closes": "La fermeture doit être après l'ouverture." });
    const parsed = hoursFormSchema.parse({
      ...base,
      exceptions: [exception({ startsOn: "2026-07-14", kind: "special", opens: "10:00", closes: "12:00", label: "été" })],
    });
    expect(parsed.exceptions[0]).toMatchObject({ closed: false, opensAtMinute: 600, closesAtMinute: 720 });
  });

  it("requires a label without markup, and bounded", () => {
    expect(errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-07-14" })] })).toEqual({
      "exceptions.0.label": "Indiquez le motif (par exemple « congés » ou « travaux »).",
    });
    expect(errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-07-14", label: "<b>fermé</b>" })] })).toEqual({
      "exceptions.0.label": "Motif : les signes < et > ne sont pas acceptés.",
    });
    expect(errorsOf({ ...base, exceptions: [exception({ startsOn: "2026-07-14", label: "x".repeat(81) })] })).toEqual({
      "exceptions.0.label": "Motif : 80 caractères au plus.",
    });
  });

  it("accepts at most 50 slots and 50 exceptions", () => {
    const slots = Array.from({ length: 51 }, (_, index) => slot((index % 7) + 1, `${String(index % 8).padStart(2, "0")}:00`, "23:59"));
    // Same-day slots overlap here; the bound is checked on its own.
    expect(errorsOf({ ...base, slots })).toHaveProperty("slots", "50 créneaux au plus.");
    const exceptions = Array.from({ length: 51 }, () => exception({ startsOn: "2026-07-14", label: "x" }));
    expect(errorsOf({ ...base, exceptions })).toHaveProperty("exceptions", "50 exceptions au plus.");
  });

  it("asks for the public-holiday rule of a place, where 'same as the place' means nothing", () => {
    expect(errorsOf({ ...base, publicHolidays: undefined })).toEqual({ publicHolidays: "Choisissez ce qui se passe les jours fériés." });
    expect(errorsOf({ ...base, publicHolidays: "same_as_place" })).toHaveProperty("publicHolidays");
  });

  it("for an offer at a place: the place's hours ignore the rows; own hours need a slot and may follow the place's holidays", () => {
    const offerPlace = { ...base, owner: { kind: "offerPlace", offerId: OFFER, placeId: PLACE } };
    expect(
      hoursFormSchema.parse({ ...offerPlace, hoursSource: "place", slots: [slot(2, "12:00", "10:00")], publicHolidays: undefined }),
    ).toMatchObject({ usesPlaceHours: true, slots: [], exceptions: [], publicHolidays: null });
    expect(errorsOf({ ...offerPlace, hoursSource: "own", slots: [blankSlot(2)] })).toEqual({
      slots: "Indiquez au moins un créneau, ou choisissez « mêmes horaires que le lieu ».",
    });
    expect(
      hoursFormSchema.parse({ ...offerPlace, hoursSource: "own", publicHolidays: "same_as_place", slots: [slot(2, "10:00", "12:00")] }),
    ).toMatchObject({ usesPlaceHours: false, publicHolidays: null });
  });

  it("for an offer with no place: no public-holiday rule", () => {
    const parsed = hoursFormSchema.parse({ ...base, owner: { kind: "offer", offerId: OFFER }, publicHolidays: undefined });
    expect(parsed.publicHolidays).toBeNull();
  });

  it("refuses an owner without its ids", () => {
    expect(hoursFormSchema.safeParse({ ...base, owner: { kind: "offerPlace", offerId: OFFER } }).success).toBe(false);
    expect(hoursFormSchema.safeParse({ ...base, owner: { kind: "structure", placeId: PLACE } }).success).toBe(false);
  });
});
