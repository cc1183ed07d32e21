/** English identifiers in code, French in the UI (issue 15): tests/lint/french-identifiers.ts over lib/, app/, components/ and scripts/. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { frenchIdentifiers, wordsOf } from "./french-identifiers";

// Parsing every source file of the project: seconds, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const namesIn = (code: string, file = "lib/example.tsx") => frenchIdentifiers(file, code).map((hit) => hit.name);

describe("wordsOf", () => {
  it("splits every case style, in lower case, accents dropped", () => {
    expect(wordsOf("horairesDuLieu")).toEqual(["horaires", "du", "lieu"]);
    expect(wordsOf("OffreTransfert")).toEqual(["offre", "transfert"]);
    expect(wordsOf("MAX_DEMANDES_PAR_JOUR")).toEqual(["max", "demandes", "par", "jour"]);
    expect(wordsOf("créerFicheHTMLDemande")).toEqual(["creer", "fiche", "html", "demande"]);
  });
});

describe("frenchIdentifiers", () => {
  it("finds French words in every kind of declared name", () => {
    const code = `
      const lieuxOuverts = 1;
      let { horaires } = { horaires: [] };
      function creerTransfert(offre: string, { demande }: { demande: number }) { return offre + demande; }
      type TerritoireId = string;
      interface Place { heureOuverture: string; openingHours(jour: number): string }
      enum Statut { Brouillon }
      class Accueil { nomComplet = ""; }
      const options = { afficherTout: true };
    `;
    expect(namesIn(code)).toEqual([
      "lieuxOuverts", "horaires", "creerTransfert", "offre", "demande", "TerritoireId", "heureOuverture", "jour",
      "Statut", "Brouillon", "Accueil", "nomComplet", "afficherTout",
    ]);
  });

  it("leaves the UI and outside formats alone: strings, JSX text, quoted and lower-case keys, imports, English names", () => {
    const code = `
      import { lieu } from "./elsewhere";
      const label = "Horaires du lieu";
      const query = { besoin: "numerique", horaires_accueil: "Mo-Fr 09:00-12:00", "nom de la structure": "x" };
      type Row = { adresse: string; code_postal: string };
      export const Page = () => <p title="Offre">Transfert de la demande</p>;
      const structureName = "Espace public numérique", publicsServed = ["seniors"];
    `;
    expect(namesIn(code)).toEqual([]);
  });

  it("says where a name is", () => {
    expect(frenchIdentifiers("lib/a.ts", "\nconst offres = [];\n")).toEqual([{ file: "lib/a.ts", line: 2, name: "offres", words: ["offres"] }]);
  });
});

describe("the code base", () => {
  it("declares no French names in lib/, app/, components/ and scripts/", () => {
    const found: string[] = [];
    for (const root of ["lib", "app", "components", "scripts"]) {
      for (const relative of readdirSync(root, { recursive: true }) as string[]) {
        const file = path.join(root, relative);
        if (!/\.(ts|tsx|mts|mjs)$/.test(file) || file.endsWith(".d.ts") || file.startsWith(path.join("lib", "generated")) || file.includes(".lint-")) continue;
        for (const hit of frenchIdentifiers(file, readFileSync(file, "utf8"))) found.push(`${hit.file}: ${hit.name}`);
      }
    }
    expect(found.sort()).toEqual([]);
  });
});
