import { describe, expect, it } from "vitest";
import { transferSchema } from "./schemas";

const uuid = (n: number) => `6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e${String(n).padStart(2, "0")}`;
const base = {
  idempotencyKey: uuid(1),
  fromStructureId: uuid(2),
  offerId: uuid(3),
  level: "accompanied",
  intent: "send",
  needDescription: "Refaire un CV pour une candidature",
};
const errors = (input: Record<string, unknown>) => {
  const result = transferSchema.safeParse({ ...base, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the transfer creation schema", () => {
  it("reads the form as posted: blanks are null, groups are arrays, the checklist keeps named rows the person needs", () => {
    const input = transferSchema.parse({
      ...base,
      previousTransferId: "",
      needTermId: "",
      difficulty: "",
      urgency: "urgent",
      deadline: "2026-11-27",
      equipment: "computer",
      documents: [
        { label: "CV", status: "ready" },
        { label: "Lettre de motivation", status: "missing" },
        { label: "Mandat Aidants Connect", status: "not_needed" },
        { label: "", status: "missing" },
      ],
      personLabel: " José ",
      consent: "on",
      consentScope: ["contact", "contact"],
      phone: "06 12 34 56 78",
      appointmentDate: "2026-11-26",
      appointmentTime: "10:30",
      appointmentPlaceId: uuid(4),
    });
    expect(input).toMatchObject({
      previousTransferId: null,
      needTermId: null,
      difficulty: null,
      urgency: "urgent",
      deadline: "2026-11-27",
      equipment: ["computer"],
      documents: [
        { label: "CV", ready: true },
        { label: "Lettre de motivation", ready: false },
      ],
      personLabel: "José",
      consent: true,
      consentScope: ["contact"],
      phone: "06 12 34 56 78",
      email: null,
      appointmentTime: "10:30",
    });
  });

  it("defaults the urgency to normal and refuses a missing or too long need description", () => {
    expect(transferSchema.parse(base).urgency).toBe("normal");
    expect(errors({ needDescription: "" })).toHaveProperty("needDescription");
    expect(errors({ needDescription: "x".repeat(201) })).toHaveProperty("needDescription");
    expect(errors({ needDescription: "<script>" })).toHaveProperty("needDescription");
    expect(errors({ level: "express", intent: "publish" })).toMatchObject({ level: expect.any(String), intent: expect.any(String) });
  });

  it("takes a first name or a nickname, not an email address or a phone number", () => {
    expect(errors({ personLabel: "Jean-Marc de la Tour" })).toEqual({});
    expect(errors({ personLabel: "jose@exemple.fr" })).toHaveProperty("personLabel");
    expect(errors({ personLabel: "José 06 12 34 56 78" })).toHaveProperty("personLabel");
    expect(errors({ personLabel: "x".repeat(41) })).toHaveProperty("personLabel");
  });

  it("accepts contact details, language and accessibility needs only with the person's consent to share them", () => {
    const withoutConsent = errors({ phone: "06 12 34 56 78", email: "jose@exemple.fr", language: "ar", accessibilityNeeds: "Malvoyant" });
    expect(Object.keys(withoutConsent).sort()).toEqual(["accessibilityNeeds", "email", "language", "phone"]);
    const contactOnly = errors({ consent: "on", consentScope: "contact", phone: "06 12 34 56 78", language: "ar" });
    expect(Object.keys(contactOnly)).toEqual(["language"]);
    // Scopes without the consent box, or the box without scopes.
    expect(errors({ consentScope: "contact" })).toHaveProperty("consent");
    expect(errors({ consent: "on" })).toHaveProperty("consentScope");
    expect(errors({ consent: "on", consentScope: "contact", phone: "pas un numéro", email: "pas une adresse" })).toMatchObject({
      phone: expect.stringContaining("téléphone"),
      email: expect.stringContaining("courriel"),
    });
  });

  it("wants a whole appointment (date and time), real dates and bounded text", () => {
    expect(errors({ appointmentTime: "10:30" })).toHaveProperty("appointmentDate");
    expect(errors({ appointmentDate: "2026-11-26" })).toHaveProperty("appointmentTime");
    expect(errors({ appointmentDate: "2026-02-30", appointmentTime: "25:00" })).toMatchObject({
      appointmentDate: expect.any(String),
      appointmentTime: expect.any(String),
    });
    expect(errors({ deadline: "vendredi" })).toHaveProperty("deadline");
    expect(errors({ noteForPartner: "x".repeat(501) })).toHaveProperty("noteForPartner");
    expect(errors({ askFor: "x".repeat(121) })).toHaveProperty("askFor");
    expect(errors({ appointmentPlaceId: "lieu-1" })).toHaveProperty("appointmentPlaceId");
    expect(errors({ equipment: ["computer", "spaceship"] })).toHaveProperty("equipment.1");
    expect(errors({ documents: [{ label: "", status: "ready" }] })).toHaveProperty("documents.0.label");
    expect(errors({ documents: Array.from({ length: 41 }, () => ({ label: "CV", status: "ready" })) })).toHaveProperty("documents");
  });
});
