import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { IndicatorMatrix, IndicatorTable } from "@/lib/indicators/types";
import { BarChart } from "./BarChart";
import { ChartFigure } from "./ChartFigure";
import { ColumnChart } from "./ColumnChart";
import { HeatTable } from "./HeatTable";

const LONG = "Centre communal d'action sociale de Château-Thierry et de sa communauté";

const table = (series: IndicatorTable["series"], chart: IndicatorTable["chart"] = "bars"): IndicatorTable => ({
  id: "parcours-structures",
  title: "Structures par parcours",
  description: "Nombre de structures qui ont reçu au moins un transfert.",
  categoryLabel: "Parcours",
  categories: [
    { key: "a", label: "Démarches en ligne" },
    { key: "b", label: LONG },
    { key: "c", label: "Équipement" },
  ],
  series,
  unit: "count",
  chart,
});

const current = { key: "current", label: "Période choisie", values: [12, null, 1234], texts: ["12", "< 5", "1 234"] };
const previous = { key: "previous", label: "Période précédente", values: [8, 6, null], texts: ["8", "6", "—"] };

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("BarChart", () => {
  const html = render(createElement(BarChart, { table: table([current]) }));

  it("is an image named by its title and description, scaling to its container", () => {
    expect(html).toMatch(/^<svg role="img" aria-labelledby="parcours-structures-chart-title parcours-structures-chart-desc" viewBox="0 0 640 \d+(\.\d+)?" width="100%"/);
    expect(html).toContain('<title id="parcours-structures-chart-title">Structures par parcours</title>');
    expect(html).toContain('<desc id="parcours-structures-chart-desc">La plus grande valeur est celle de « Équipement » : 1 234.');
    expect(html).not.toContain("<script");
  });

  it("prints every value's text, draws no bar where the value is suppressed, and no legend for one series", () => {
    for (const text of ["12", "&lt; 5", "1 234"]) expect(html).toContain(`>${text}</text>`);
    expect(count(html, /<rect [^>]*data-series="0"/g)).toBe(2);
    expect(html).not.toContain("Période choisie");
    expect(html).not.toContain("<pattern");
  });

  it("cuts a long label in the SVG and keeps it whole in its tooltip", () => {
    expect(html).toContain(`<title>${LONG.replace(/'/g, "&#x27;")}</title>`);
    expect(html).toMatch(/Centre communal d&#x27;action s[^<]*…<\/text>/);
  });

  it("gives two series a legend and the second one hatching", () => {
    const two = render(createElement(BarChart, { table: table([current, previous]) }));
    expect(two).toContain(">Période choisie</text>");
    expect(two).toContain(">Période précédente</text>");
    expect(two).toContain('<pattern id="parcours-structures-hatch-1"');
    expect(count(two, /<rect [^>]*data-series="1"/g)).toBe(2);
    expect(two).toContain('fill="url(#parcours-structures-hatch-1)"');
  });
});

describe("ColumnChart", () => {
  it("draws columns with their texts, none where the value is suppressed", () => {
    const html = render(createElement(ColumnChart, { table: table([current], "columns") }));
    expect(html).toMatch(/^<svg role="img"/);
    expect(count(html, /<rect [^>]*data-series="0"/g)).toBe(2);
    expect(html).toContain(">&lt; 5</text>");
    expect(html).toContain(">1\u202f000</text>"); // an axis tick, in French
  });
});

describe("ChartFigure", () => {
  it("puts the title as figcaption, the chart, the data as a table and the CSV link", () => {
    const html = render(createElement(ChartFigure, { table: table([current, previous]), csvHref: "/territoires/demo/indicateurs/parcours-structures.csv" }));
    expect(html).toMatch(/^<figure [^>]*aria-labelledby="parcours-structures"/);
    expect(html).toContain('<figcaption id="parcours-structures"');
    expect(html).toContain("Nombre de structures qui ont reçu au moins un transfert.");
    expect(html).toContain('<svg role="img"');
    expect(html).toContain("<caption");
    expect(html).toMatch(/<th scope="col"[^>]*>Parcours<\/th><th scope="col"[^>]*>Période choisie<\/th><th scope="col"[^>]*>Période précédente<\/th>/);
    expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${LONG.replace(/'/g, "&#x27;")}</th><td[^>]*>&lt; 5</td><td[^>]*>6</td>`));
    expect(html).toContain('href="/territoires/demo/indicateurs/parcours-structures.csv" download=""');
  });

  it("draws columns when the table says so", () => {
    const html = render(createElement(ChartFigure, { table: table([current], "columns"), csvHref: "/x.csv" }));
    expect(html).toContain(`text-anchor="middle"`);
    expect(html).not.toContain(`text-anchor="end" dominant-baseline="central">Démarches`);
  });
});

describe("HeatTable", () => {
  const matrix: IndicatorMatrix = {
    id: "flux",
    title: "Qui envoie à qui",
    description: "Transferts envoyés sur la période.",
    rowLabel: "Structure qui envoie",
    columnLabel: "Structure qui reçoit",
    rows: [
      { key: "a", label: "CCAS" },
      { key: "b", label: "Mairie" },
    ],
    columns: [
      { key: "a", label: "CCAS" },
      { key: "c", label: "France services" },
    ],
    values: [
      [null, 40],
      [null, 6],
    ],
    texts: [
      ["0", "40"],
      ["< 5", "6"],
    ],
  };
  const html = render(createElement(HeatTable, { matrix, csvHref: "/flux.csv" }));

  it("is a figure (its id for anchors) holding a table with a caption and scoped headers, every value printed", () => {
    expect(html).toMatch(/^<figure [^>]*aria-labelledby="flux"/);
    expect(html).toContain('<figcaption id="flux"');
    expect(html).toContain("<caption");
    expect(html).toContain(">Qui envoie à qui</caption>");
    expect(count(html, /<th scope="col"/g)).toBe(3);
    expect(count(html, /<th scope="row"/g)).toBe(2);
    for (const text of [">0</td>", ">40</td>", ">&lt; 5</td>", ">6</td>"]) expect(html).toContain(text);
    expect(html).toContain('href="/flux.csv"');
  });

  it("shades cells by value with readable text, suppressed ones unshaded, and shows the scale", () => {
    expect(html).toContain('style="background-color:rgb(8, 48, 107);color:#FFFFFF">40</td>');
    expect(html).toContain('style="background-color:#FFFFFF;color:#000000">&lt; 5</td>');
    expect(html).toContain("Échelle des teintes");
  });
});
