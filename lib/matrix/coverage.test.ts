import { describe, expect, it } from "vitest";
import { coverageTable, EVERYONE } from "./coverage";

const offers = [
  { structure: "France Services", needs: ["Démarches"], publics: [EVERYONE], postures: ["Faire avec", "Faire à la place"] },
  { structure: "CCAS", needs: ["Démarches"], publics: ["Seniors"], postures: ["Faire à la place"] },
  { structure: "Mission locale", needs: ["Emploi"], publics: ["Jeunes"], postures: ["Faire avec"] },
];

describe("coverageTable", () => {
  it("counts the offers of each need × public, an offer for everyone covering every public", () => {
    const table = coverageTable(offers, ["Démarches", "Emploi"], ["Seniors", "Jeunes"], "publics");
    expect(table[0]!.cells.map((cell) => [cell.count, cell.level])).toEqual([
      [2, "covered"],
      [1, "single"],
    ]);
    expect(table[1]!.cells.map((cell) => [cell.count, cell.level])).toEqual([
      [0, "none"],
      [1, "single"],
    ]);
    expect(table[1]!.cells[1]!.structures).toEqual(["Mission locale"]);
  });

  it("shows who does things for the person (faire à la place)", () => {
    const table = coverageTable(offers, ["Démarches", "Emploi"], ["Faire à la place"], "postures");
    expect(table.map((row) => row.cells[0]!.structures)).toEqual([["CCAS", "France Services"], []]);
  });
});
