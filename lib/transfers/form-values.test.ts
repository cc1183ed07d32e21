import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/forms/form-data";
import { transferValuesFromPosted } from "./form-values";
import { transferSchema, type TransferFormValues } from "./schemas";

const KEY = "7d9f2a4e-3b1c-4c8e-9f0a-1b2c3d4e5f60";
const STRUCTURE = "0b7e9c1a-2d3f-4e5a-8b6c-7d8e9f0a1b2c";
const OFFER = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

const defaults: TransferFormValues = {
  idempotencyKey: KEY,
  fromStructureId: STRUCTURE,
  offerId: OFFER,
  previousTransferId: "",
  sheetLineId: "",
  phoneCallId: "",
  level: "accompanied",
  intent: "send",
  needTermId: "",
  needDescription: "",
  difficulty: "",
  urgency: "normal",
  deadline: "",
  digitalEase: "",
  equipment: [],
  supportGoal: "",
  documents: [{ label: "CV", status: "missing" }],
  personPublicTermIds: [],
  ageBand: "",
  confirmWarnings: false,
  personLabel: "",
  consent: false,
  consentScope: [],
  phone: "",
  email: "",
  language: "",
  accessibilityNeeds: "",
  noteForPartner: "",
  appointmentDate: "",
  appointmentTime: "",
  appointmentPlaceId: "",
  askFor: "",
};

const posted = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return formDataToObject(data);
};

describe("transferValuesFromPosted: a refused post back as the form's values", () => {
  it("keeps everything typed: text, choices, groups, checkboxes and the documents' rows", () => {
    const values = transferValuesFromPosted(
      posted([
        ["idempotencyKey", KEY],
        ["fromStructureId", STRUCTURE],
        ["offerId", OFFER],
        ["level", "simple"],
        ["intent", "draft"],
        ["needDescription", "Refaire un CV"],
        ["difficulty", "complex"],
        ["urgency", "urgent"],
        ["equipment", "smartphone"],
        ["equipment", "computer"],
        ["ageBand", "60_plus"],
        ["consent", "on"],
        ["consentScope", "contact"],
        ["phone", "07 55 44 33 22"],
        ["documents.0.label", "CV"],
        ["documents.0.status", "ready"],
        ["documents.1.label", "Lettre"],
        ["documents.1.status", "not_needed"],
      ]),
      defaults,
    );
    expect(values).toMatchObject({
      level: "simple",
      intent: "draft",
      needDescription: "Refaire un CV",
      difficulty: "complex",
      urgency: "urgent",
      equipment: ["smartphone", "computer"],
      ageBand: "60_plus",
      consent: true,
      confirmWarnings: false,
      consentScope: ["contact"],
      phone: "07 55 44 33 22",
      documents: [
        { label: "CV", status: "ready" },
        { label: "Lettre", status: "not_needed" },
      ],
    });
  });

  it("falls back to the page's defaults (or « non précisé ») for a choice the form does not offer", () => {
    const values = transferValuesFromPosted(
      posted([
        ["level", "teleported"],
        ["urgency", "yesterday"],
        ["difficulty", "impossible"],
        ["ageBand", "200"],
        ["documents.0.label", "CV"],
        ["documents.0.status", "lost"],
      ]),
      defaults,
    );
    expect(values).toMatchObject({ level: "accompanied", urgency: "normal", difficulty: "", ageBand: "", documents: [{ label: "CV", status: "missing" }] });
    expect(values.idempotencyKey).toBe(KEY);
  });

  it("gives values the schema reads as the browser would post them", () => {
    const values = transferValuesFromPosted(posted([["needDescription", "Refaire un CV"]]), { ...defaults, fromStructureId: STRUCTURE });
    const parsed = transferSchema.safeParse({ ...values, fromStructureId: STRUCTURE });
    expect(parsed.success).toBe(true);
  });
});
