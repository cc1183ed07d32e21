import { describe, expect, it } from "vitest";
import { PUBLISHED_VOCABULARIES } from "@/lib/vocabularies/sources";
import { CROSSWALK_ALIASES, CROSSWALK_TABLES, VOCABULARY_CODES, canonicalCode, codesIn, lookup, reverseLookup } from "./crosswalks";


describe("the crosswalk tables", () => {
  it("only use codes that exist in the reference vocabularies (prisma/reference, the standards' values as published)", () => {
    const missing: string[] = [];
    const check = (vocabulary: string, code: string) => {
      if (!VOCABULARY_CODES.get(vocabulary)?.has(code)) missing.push(`${vocabulary} → ${code}`);
    };
    for (const table of CROSSWALK_TABLES) {
      for (const entry of table.entries) {
        check(table.from, entry.from);
        for (const [vocabulary, code] of entry.to) check(vocabulary, code);
      }
    }
    for (const alias of CROSSWALK_ALIASES) check(alias.vocabulary, alias.code);
    expect(missing).toEqual([]);
  });

  it("cover every value of the legacy LMN v0 vocabularies, so that old files import without gaps", () => {
    for (const vocabulary of ["lmn_v0.services", "lmn_v0.publics_accueillis", "lmn_v0.conditions_acces", "lmn_v0.modalites_accompagnement", "lmn_v0.labels_nationaux"]) {
      const table = CROSSWALK_TABLES.find((candidate) => candidate.from === vocabulary)!;
      expect(table.entries.map((entry) => entry.from).sort()).toEqual([...VOCABULARY_CODES.get(vocabulary)!].sort());
    }
  });

  it("translate into vocabularies Toile seeds (an import can store every target)", () => {
    const seeded = new Set([...PUBLISHED_VOCABULARIES.map((vocabulary) => vocabulary.key), "toile.postures", "toile.modes_acces"]);
    const importTables = CROSSWALK_TABLES.filter((table) => table.from.startsWith("lmn_v0."));
    const targets = new Set(importTables.flatMap((table) => table.entries.flatMap((entry) => entry.to.map(([vocabulary]) => vocabulary))));
    expect([...targets].filter((target) => !seeded.has(target))).toEqual([]);
  });

  it("state where each table comes from", () => {
    for (const table of CROSSWALK_TABLES) expect(table.source.length).toBeGreaterThan(10);
  });
});

describe("lookups", () => {
  it("translate a v0 value into LMN v1 and Toile terms", () => {
    expect(lookup("lmn_v0.modalites_accompagnement", "A ma place : une personne habilitée fait les démarches à ma place")).toEqual({
      status: "mapped",
      code: "A ma place : une personne habilitée fait les démarches à ma place",
      refs: [
        ["lmn.modalites_accompagnement", "Accompagnement individuel"],
        ["toile.postures", "faire-a-la-place"],
      ],
    });
    expect(lookup("lmn_v0.publics_accueillis", "Seniors (+ 65 ans)", ["lmn.publics_specifiquement_adresses"]).refs).toEqual([
      ["lmn.publics_specifiquement_adresses", "Seniors"],
    ]);
  });

  it("fold case, apostrophes, spaces and the published misspellings", () => {
    expect(canonicalCode("lmn.modalites_acces", "Ce lieu n’accueille pas de public")).toBe("Ce lieu n'accueille pas de public");
    expect(canonicalCode("lmn.services", "  aide aux démarches   administratives ")).toBe("Aide aux démarches administratives");
    expect(canonicalCode("lmn.services", "Comprehension du monde numérique")).toBe("Compréhension du monde numérique");
    expect(canonicalCode("lmn.services", "Cuisine")).toBeNull();
  });

  it("report unknown values and known-but-dropped values instead of throwing", () => {
    expect(lookup("lmn_v0.services", "Faire du vélo")).toEqual({ status: "unknown", value: "Faire du vélo", refs: [] });
    expect(lookup("lmn_v0.publics_accueillis", "Adultes")).toEqual({ status: "dropped", code: "Adultes", refs: [] });
    expect(lookup("no.such.vocabulary", "x").status).toBe("unknown");
  });

  it("share codes between LMN and data·inclusion v0 typologies", () => {
    expect(lookup("lmn.typologie", "EPN").refs).toEqual([["dataInclusion.v0.typologies_de_structures", "EPN"]]);
    expect(lookup("lmn.typologie", "FABRIQUE").status).toBe("dropped");
  });

  it("collect the codes of a target vocabulary from Toile terms, saying which gave nothing", () => {
    const result = codesIn("lmn.modalites_accompagnement", [
      ["lmn.modalites_accompagnement", "En autonomie"],
      ["toile.postures", "faire-avec"],
      ["toile.modes_acces", "atelier-collectif"],
      ["toile.postures", "apprendre-a-faire"],
      ["dataInclusion.v1.publics", "jeunes"],
    ]);
    expect(result.codes).toEqual(["En autonomie", "Accompagnement individuel", "Dans un atelier collectif"]);
    expect(result.untranslated).toEqual([
      ["toile.postures", "apprendre-a-faire"],
      ["dataInclusion.v1.publics", "jeunes"],
    ]);
  });

  it("look up both ways", () => {
    expect(reverseLookup("lmn.services", "Aide aux démarches administratives")).toEqual(
      expect.arrayContaining([
        ["lmn_v0.services", "Devenir autonome dans les démarches administratives"],
        ["dataInclusion.v1.thematiques", "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
      ]),
    );
    expect(lookup("lmn.services", "Aide aux démarches administratives", ["dataInclusion.v1.thematiques"]).refs).toContainEqual([
      "dataInclusion.v1.thematiques",
      "numerique--acceder-a-des-services-en-ligne",
    ]);
  });
});
