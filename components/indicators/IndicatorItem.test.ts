import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { IndicatorMatrix, IndicatorTable } from "@/lib/indicators/types";
import { IndicatorItem } from "./IndicatorItem";

const bars: IndicatorTable = {
  id: "refus-motifs",
  title: "Pourquoi les transferts sont refusés",
  description: "Le motif donné.",
  categoryLabel: "Motif",
  categories: [
    { key: "no_capacity", label: "Plus de place pour le moment" },
    { key: "other", label: "Autre raison" },
  ],
  series: [
    { key: "current", label: "Période choisie", values: [12, null], texts: ["12", "< 5"] },
    { key: "previous", label: "Période précédente", values: [6, 0], texts: ["6", "0"] },
  ],
  unit: "count",
  chart: "bars",
};

const render = (item: IndicatorTable | IndicatorMatrix) => renderToStaticMarkup(createElement(IndicatorItem, { item, csvHref: "/x/refus-motifs.csv?periode=annee" }));

describe("a figure of the dashboard", () => {
  it("draws an SVG image with a title and a summary, then its data as a table, then its CSV link", () => {
    const html = render(bars);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="refus-motifs-svg-titre refus-motifs-svg-resume"/);
    expect(html).toContain('<title id="refus-motifs-svg-titre">Pourquoi les transferts sont refusés</title>');
    expect(html).toContain("Le plus élevé : Plus de place pour le moment (12).");
    expect(html).toContain("Période choisie en bleu foncé, Période précédente en bleu clair hachuré.");
    expect(html.indexOf("<svg")).toBeLessThan(html.indexOf("<table"));
    expect(html).toContain('<th scope="row" class="py-1 pe-4 text-start font-normal">Autre raison</th>');
    expect(html).toContain('href="/x/refus-motifs.csv?periode=annee"');
  });

  it("draws no bar for a suppressed count: its text alone, « < 5 »", () => {
    const html = render(bars);
    // Three bars drawn (12, 6 and… not 0, not the suppressed one): 12 and 6.
    expect(html.match(/<rect x="220"/g)).toHaveLength(2);
    expect(html).toContain("&lt; 5");
  });

  it("shows a matrix as a heat table whose cells print their numbers, the suppressed ones hatched", () => {
    const matrix: IndicatorMatrix = {
      id: "flux-matrice",
      title: "Qui envoie à qui",
      description: "…",
      rowLabel: "Structure qui envoie",
      columnLabel: "Structure qui reçoit",
      rows: [{ key: "a", label: "Médiathèque" }],
      columns: [
        { key: "b", label: "France Services" },
        { key: "c", label: "CCAS" },
      ],
      values: [[8, null]],
      texts: [["8", "< 5"]],
    };
    const html = render(matrix);
    expect(html).not.toContain("<svg");
    expect(html).toMatch(/<td[^>]*style="background:rgb\(8, 48, 107\);color:#ffffff"[^>]*>8<\/td>/);
    expect(html).toMatch(/<td[^>]*style="background:repeating-linear-gradient[^"]*;color:#000000"[^>]*>&lt; 5<\/td>/);
  });

  it("says when the period holds nothing, without a chart or a download", () => {
    const html = render({ ...bars, categories: [], series: bars.series.map((series) => ({ ...series, values: [], texts: [] })) });
    expect(html).toContain("Rien dans la période.");
    expect(html).not.toContain("<svg");
    expect(html).not.toContain(".csv");
  });
});
