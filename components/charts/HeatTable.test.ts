import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { IndicatorMatrix } from "@/lib/indicators/types";
import { HeatTable } from "./HeatTable";

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

describe("HeatTable", () => {
  const html = renderToStaticMarkup(createElement(HeatTable, { matrix }));

  it("is a table named by its caption, with scoped headers for every row and column", () => {
    expect(html).toContain('<caption class="sr-only">Qui envoie à qui</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
  });

  it("prints every cell's text, « < 5 » and « 0 » included", () => {
    for (const text of [">0</td>", ">40</td>", ">&lt; 5</td>", ">6</td>"]) expect(html).toContain(text);
  });
});
