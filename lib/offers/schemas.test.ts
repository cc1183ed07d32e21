import { describe, expect, it } from "vitest";
import { offerSchema } from "./schemas";

const structureId = "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f";
const paths = (input: Record<string, unknown>) => {
  const result = offerSchema.safeParse({ structureId, title: "Aide aux démarches", ...input });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("the offer schema", () => {
  it("reads the form as posted: one checkbox or several, lines of documents, blank redirect rows dropped", () => {
    const offer = offerSchema.parse({
      structureId,
      offerId: "",
      title: " Aide aux démarches ",
      termIds: "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e50",
      languages: ["fr", "ar"],
      documentsToBring: "Pièce d'identité\r\n\r\n  Avis d'imposition  \n",
      minAge: " 16 ",
      acceptsTransfers: "on",
      redirects: [{ notOffered: "", redirectToStructureId: "", note: "" }, { notOffered: "Réparation PC", redirectToStructureId: "", note: "Voir le Repair café" }],
    });
    expect(offer).toMatchObject({
      offerId: null,
      title: "Aide aux démarches",
      termIds: ["6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e50"],
      languages: ["fr", "ar"],
      documentsToBring: ["Pièce d'identité", "Avis d'imposition"],
      minAge: 16,
      maxAge: null,
      acceptsTransfers: true,
      isSaturated: false,
      redirects: [{ notOffered: "Réparation PC", redirectToStructureId: null, note: "Voir le Repair café" }],
    });
  });

  it("points at each wrong field, rows included", () => {
    expect(
      paths({
        title: "<b>Aide</b>",
        minAge: "18",
        maxAge: "12",
        typicalDelayDays: "-3",
        languages: ["klingon"],
        redirects: [{ notOffered: "", redirectToStructureId: "", note: "Voir la mairie" }],
      }).sort(),
    ).toEqual(["languages.0", "maxAge", "redirects.0.notOffered", "title", "typicalDelayDays"]);
  });

  it("refuses a phone line with places: its hours are the phone permanences", () => {
    const placeId = "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e51";
    expect(paths({ phoneLine: "on", placeIds: [placeId] })).toEqual(["phoneLine"]);
    expect(paths({ phoneLine: "on" })).toEqual([]);
    expect(offerSchema.parse({ structureId, title: "Ligne d'accueil", phoneLine: "on" }).phoneLine).toBe(true);
    expect(offerSchema.parse({ structureId, title: "Ligne d'accueil" }).phoneLine).toBe(false);
  });

  it("refuses over-long text and too many documents", () => {
    expect(paths({ description: "x".repeat(2001) })).toEqual(["description"]);
    expect(paths({ documentsToBring: Array.from({ length: 31 }, (_, i) => `Document ${i}`).join("\n") })).toEqual(["documentsToBring"]);
    expect(paths({ minAge: "douze" })).toEqual(["minAge"]);
  });
});
