import { describe, expect, it } from "vitest";
import { fixtureSnapshot, TODAY } from "../testing/snapshot-fixture";
import { toDataInclusion } from "./export";
import { fieldName, omissionsSummary } from "./report";

describe("what the data·inclusion file leaves out, in one sentence", () => {
  it("says nothing is left out when nothing is", () => {
    expect(omissionsSummary({ skipped: [], droppedFields: [] })).toBe("Ce fichier contient toute l'offre publiée, sans rien laisser de côté.");
  });

  it("counts the Belgian structures and the refused fields of the fixture", () => {
    const snapshot = fixtureSnapshot();
    snapshot.structures.find((structure) => structure.name === "Médiathèque d'Essômes-sur-Marne")!.email = "chambéry@exemple.fr";
    const exported = toDataInclusion(snapshot, { today: TODAY });
    const services = exported.services.length;
    expect(omissionsSummary(exported)).toBe(
      `Ce fichier laisse de côté : 1 structure belge (dans le fichier Open Referral) ; ${1 + services} informations refusées par le schéma data·inclusion (le reste de la fiche y est).`,
    );
  });

  it("counts records the schema refuses, in the singular", () => {
    const skipped = [{ kind: "service" as const, id: "a", name: "CV", reason: "invalid" as const, why: "nom : nom trop court (3 caractères au moins)" }];
    expect(omissionsSummary({ skipped, droppedFields: [] })).toBe("Ce fichier laisse de côté : 1 offre que le schéma data·inclusion refuse.");
  });

  it("names the fields in French", () => {
    expect(fieldName("courriel")).toBe("courriel");
    expect(fieldName("site_web")).toBe("site web");
    expect(fieldName("code_postal")).toBe("code postal");
  });
});
