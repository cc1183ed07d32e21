import { describe, expect, it } from "vitest";
import { calendarDaysFor, transferSettingsSchema } from "./settings";

const valid = {
  territoryId: "7d1f6c57-3a4f-4f0e-9d5b-7b9a8c2a1e10",
  version: "2026-11-22T10:00:00.000Z",
  ackReminderWorkingDays: "2",
  acceptReminderWorkingDays: "5",
  expiryDays: "14",
  retentionDays: "90",
};

/** The messages by field, as the form shows them. */
function errorsOf(input: Record<string, unknown>) {
  const result = transferSettingsSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("transferSettingsSchema", () => {
  it("reads the posted numbers (the defaults are valid)", () => {
    expect(transferSettingsSchema.parse(valid)).toEqual({
      territoryId: valid.territoryId,
      version: valid.version,
      ackReminderWorkingDays: 2,
      acceptReminderWorkingDays: 5,
      expiryDays: 14,
      retentionDays: 90,
    });
    expect(transferSettingsSchema.parse({ ...valid, expiryDays: " 30 ", retentionDays: 365 }).expiryDays).toBe(30);
  });

  it("accepts the bounds", () => {
    expect(transferSettingsSchema.safeParse({ ...valid, ackReminderWorkingDays: "1", acceptReminderWorkingDays: "1", expiryDays: "3", retentionDays: "7" }).success).toBe(true);
    expect(transferSettingsSchema.safeParse({ ...valid, ackReminderWorkingDays: "10", acceptReminderWorkingDays: "20", expiryDays: "90", retentionDays: "365" }).success).toBe(true);
  });

  it.each([
    ["ackReminderWorkingDays", "0", "Indiquez un nombre entier de jours ouvrés entre 1 et 10."],
    ["ackReminderWorkingDays", "11", "Indiquez un nombre entier de jours ouvrés entre 1 et 10."],
    ["ackReminderWorkingDays", "", "Indiquez un nombre entier de jours ouvrés entre 1 et 10."],
    ["ackReminderWorkingDays", "deux", "Indiquez un nombre entier de jours ouvrés entre 1 et 10."],
    ["acceptReminderWorkingDays", "21", "Indiquez un nombre entier de jours ouvrés entre 1 et 20."],
    ["acceptReminderWorkingDays", "4.5", "Indiquez un nombre entier de jours ouvrés entre 1 et 20."],
    ["expiryDays", "2", "Indiquez un nombre entier de jours entre 3 et 90."],
    ["expiryDays", "91", "Indiquez un nombre entier de jours entre 3 et 90."],
    ["retentionDays", "6", "Indiquez un nombre entier de jours entre 7 et 365."],
    ["retentionDays", "366", "Indiquez un nombre entier de jours entre 7 et 365."],
    ["retentionDays", "-90", "Indiquez un nombre entier de jours entre 7 et 365."],
  ])("refuses %s = %j with a message for that field", (field, value, message) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: [message] });
  });

  it("wants the accept reminder at or after the acknowledge reminder", () => {
    expect(errorsOf({ ...valid, ackReminderWorkingDays: "4", acceptReminderWorkingDays: "3" })).toEqual({
      acceptReminderWorkingDays: ["Le rappel d'acceptation vient après le rappel « Bien reçu » : indiquez au moins 4 jours ouvrés."],
    });
    expect(transferSettingsSchema.safeParse({ ...valid, ackReminderWorkingDays: "3", acceptReminderWorkingDays: "3" }).success).toBe(true);
  });

  it("wants expiry after the accept reminder, in calendar days", () => {
    expect(calendarDaysFor(5)).toBe(7);
    expect(calendarDaysFor(1)).toBe(2);
    expect(calendarDaysFor(20)).toBe(28);
    expect(errorsOf({ ...valid, expiryDays: "7" })).toEqual({
      expiryDays: ["Le transfert expirerait avant ou pendant le rappel d'acceptation (5 jours ouvrés, soit environ 7 jours) : indiquez au moins 8 jours."],
    });
    expect(transferSettingsSchema.safeParse({ ...valid, expiryDays: "8" }).success).toBe(true);
  });

  it("needs the territory and the version the form was loaded at", () => {
    expect(Object.keys(errorsOf({ ...valid, territoryId: "x", version: "" })).sort()).toEqual(["territoryId", "version"]);
  });
});
