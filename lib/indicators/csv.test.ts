import { describe, expect, it } from "vitest";
import { indicatorCsv, indicatorDownload } from "./csv";
import type { IndicatorMatrix, IndicatorTable } from "./types";

const table: IndicatorTable = {
  id: "refus-motifs",
  title: "Pourquoi les transferts sont refusés",
  description: "…",
  categoryLabel: "Motif",
  categories: [
    { key: "no_capacity", label: "Plus de place pour le moment" },
    { key: "other", label: "=HYPERLINK(\"x\")" },
  ],
  series: [
    { key: "current", label: "Période choisie", values: [12, null], texts: ["12", "< 5"] },
    { key: "previous", label: "Période précédente", values: [0, 7], texts: ["0", "7"] },
  ],
  unit: "count",
  chart: "bars",
};

const matrix: IndicatorMatrix = {
  id: "flux-matrice",
  title: "Qui envoie à qui",
  description: "…",
  rowLabel: "Structure qui envoie",
  columnLabel: "Structure qui reçoit",
  rows: [{ key: "a", label: "Médiathèque" }],
  columns: [
    { key: "b", label: "France Services" },
    { key: "c", label: "CCAS; Château-Thierry" },
  ],
  values: [[8, null]],
  texts: [["8", "< 5"]],
};

describe("a figure's CSV", () => {
  it("gives the table's texts, « < 5 » as shown, in a French spreadsheet's CSV, formulas made inert", () => {
    expect(indicatorCsv(table)).toBe(
      "\uFEFFMotif;Période choisie;Période précédente\r\nPlus de place pour le moment;12;0\r\n\"'=HYPERLINK(\"\"x\"\")\";< 5;7\r\n",
    );
  });

  it("gives a matrix row by row, its two labels in the corner", () => {
    expect(indicatorCsv(matrix)).toBe("\uFEFFStructure qui envoie \\ Structure qui reçoit;France Services;\"CCAS; Château-Thierry\"\r\nMédiathèque;8;< 5\r\n");
  });

  it("answers 404 for a figure that is not on the dashboard, or no dashboard at all", async () => {
    const dashboard = { sections: [{ id: "transferts", title: "", intro: "", items: [table, matrix] }] };
    const response = indicatorDownload(dashboard, "flux-matrice.csv", "val-de-lise");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="indicateurs-val-de-lise-flux-matrice.csv"');
    expect(await response.text()).toContain("Médiathèque;8;< 5");
    expect(indicatorDownload(dashboard, "flux-matrice", "x").status).toBe(404);
    expect(indicatorDownload(dashboard, "autre.csv", "x").status).toBe(404);
    expect(indicatorDownload(null, "flux-matrice.csv", "x").status).toBe(404);
  });
});
