import { describe, expect, it } from "vitest";
import { documentsOf } from "./documents";

describe("documentsOf", () => {
  it("reads the checklist rows, a missing or odd `ready` being not ready", () => {
    expect(
      documentsOf([
        { label: "CV", ready: true },
        { label: "Lettre de motivation", ready: false },
        { label: "Avis d'imposition" },
        { label: "Carte Vitale", ready: "yes" },
      ]),
    ).toEqual([
      { label: "CV", ready: true },
      { label: "Lettre de motivation", ready: false },
      { label: "Avis d'imposition", ready: false },
      { label: "Carte Vitale", ready: false },
    ]);
  });

  it("leaves out malformed rows and anything that is not a list", () => {
    expect(documentsOf([null, "CV", 3, ["CV"], { ready: true }, { label: 12 }, { label: "Justificatif de domicile", ready: true }])).toEqual([
      { label: "Justificatif de domicile", ready: true },
    ]);
    for (const value of [null, undefined, {}, "CV", 1, true]) expect(documentsOf(value)).toEqual([]);
  });
});
