import { describe, expect, it } from "vitest";
import type { IndicatorSeries, IndicatorTable } from "@/lib/indicators/types";
import { BAR_LABEL_CHARS, barsLayout } from "./bars";
import { columnsLayout } from "./columns";
import { chartSummary } from "./summary";

const series = (key: string, label: string, values: (number | null)[]): IndicatorSeries => ({ key, label, values, texts: values.map((value) => (value === null ? "< 5" : String(value))) });

const tableOf = (categories: string[], allSeries: IndicatorSeries[], chart: "bars" | "columns" = "bars"): IndicatorTable => ({
  id: "parcours-structures",
  title: "Structures par parcours",
  description: "Nombre de structures.",
  categoryLabel: "Parcours",
  categories: categories.map((label, index) => ({ key: `c${index}`, label })),
  series: allSeries,
  unit: "count",
  chart,
});

const widths = (table: IndicatorTable, seriesIndex = 0) => barsLayout(table).categories.map((category) => category.values[seriesIndex]?.bar?.width ?? null);

describe("barsLayout", () => {
  it("makes each bar's width proportional to its value, the largest within the plot", () => {
    const layout = barsLayout(tableOf(["A", "B", "C"], [series("current", "Période choisie", [10, 20, 40])]));
    const [a, b, c] = layout.categories.map((category) => category.values[0]?.bar?.width ?? 0);
    expect(b).toBeCloseTo(2 * (a ?? 0));
    expect(c).toBeCloseTo(4 * (a ?? 0));
    expect(c).toBeLessThanOrEqual(layout.plot.width);
    expect(c).toBeGreaterThan(layout.plot.width * 0.75);
    for (const category of layout.categories) expect(category.values[0]?.bar?.x).toBe(layout.plot.x);
    expect(layout.legend).toEqual([]);
  });

  it("prints each value's text at the end of its bar, and only the text where the value is null", () => {
    const layout = barsLayout(tableOf(["A", "B"], [series("current", "Période choisie", [12, null])]));
    const [drawn, suppressed] = layout.categories.map((category) => category.values[0]);
    expect(drawn?.text).toBe("12");
    expect(drawn?.textX).toBeGreaterThan((drawn?.bar?.x ?? 0) + (drawn?.bar?.width ?? 0));
    expect(suppressed?.bar).toBeNull();
    expect(suppressed?.text).toBe("< 5");
    expect(suppressed?.textX).toBeGreaterThanOrEqual(layout.plot.x);
  });

  it("puts two series side by side in each row, with a legend, the layout growing to hold them", () => {
    const one = barsLayout(tableOf(["A", "B"], [series("current", "Période choisie", [3, 8])]));
    const two = barsLayout(tableOf(["A", "B"], [series("current", "Période choisie", [3, 8]), series("previous", "Période précédente", [6, 4])]));
    expect(two.legend.map((entry) => entry.label)).toEqual(["Période choisie", "Période précédente"]);
    expect(two.height).toBeGreaterThan(one.height);
    const [current, previous] = two.categories[0]?.values ?? [];
    expect(previous?.bar?.y).toBeGreaterThanOrEqual((current?.bar?.y ?? 0) + (current?.bar?.height ?? 0));
    expect(previous?.bar?.width).toBeCloseTo(2 * (current?.bar?.width ?? 0));
    // the axis holds both series' values: 8 of the previous period is not the top
    expect(widths(tableOf(["A"], [series("current", "Période choisie", [8]), series("previous", "Période précédente", [16])]))[0]).toBeLessThan(two.plot.width * 0.6);
  });

  it("copes with no category, all nulls, zeros and a single category, never a negative width", () => {
    expect(barsLayout(tableOf([], [series("current", "Période choisie", [])])).categories).toEqual([]);
    expect(widths(tableOf(["A", "B"], [series("current", "Période choisie", [null, null])]))).toEqual([null, null]);
    expect(widths(tableOf(["A", "B"], [series("current", "Période choisie", [0, 0])]))).toEqual([0, 0]);
    const single = barsLayout(tableOf(["A"], [series("current", "Période choisie", [5])]));
    expect(single.categories[0]?.values[0]?.bar?.width).toBeCloseTo(single.plot.width);
    expect(widths(tableOf(["A", "B"], [series("current", "Période choisie", [-3, 4])]))[0]).toBe(0);
    expect(barsLayout(tableOf([], [])).height).toBeGreaterThan(0);
  });

  it("cuts very long labels in the chart, the whole label kept beside", () => {
    const long = "Centre communal d'action sociale de Château-Thierry et de sa communauté d'agglomération";
    const [category] = barsLayout(tableOf([long], [series("current", "Période choisie", [5])])).categories;
    expect(Array.from(category?.label ?? "").length).toBeLessThanOrEqual(BAR_LABEL_CHARS);
    expect(category?.label.endsWith("…")).toBe(true);
    expect(category?.fullLabel).toBe(long);
  });
});

describe("columnsLayout", () => {
  it("makes each column's height proportional to its value from one baseline, the tallest within the plot", () => {
    const layout = columnsLayout(tableOf(["janv.", "févr.", "mars"], [series("current", "Période choisie", [5, 10, null])], "columns"));
    const [first, second, third] = layout.categories.map((category) => category.values[0]);
    expect(second?.bar?.height).toBeCloseTo(2 * (first?.bar?.height ?? 0));
    expect(second?.bar?.height).toBeLessThanOrEqual(layout.plot.height);
    const baseline = layout.plot.y + layout.plot.height;
    expect((first?.bar?.y ?? 0) + (first?.bar?.height ?? 0)).toBeCloseTo(baseline);
    expect(third?.bar).toBeNull();
    expect(third?.text).toBe("< 5");
    expect(third?.textY).toBeLessThan(baseline);
    expect(first?.textY).toBeLessThan(first?.bar?.y ?? 0);
    const xs = layout.categories.map((category) => category.values[0]?.bar?.x ?? category.labelX);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it("keeps two series' columns side by side within their month, with a legend", () => {
    const layout = columnsLayout(tableOf(["janv.", "févr."], [series("current", "Période choisie", [5, 10]), series("previous", "Période précédente", [2, 0])], "columns"));
    const [current, previous] = layout.categories[0]?.values ?? [];
    expect(previous?.bar?.x).toBeCloseTo((current?.bar?.x ?? 0) + (current?.bar?.width ?? 0));
    expect(layout.categories[1]?.values[1]?.bar?.height).toBe(0);
    expect(layout.legend).toHaveLength(2);
  });
});

describe("chartSummary", () => {
  it("names the largest category and its text, and the series when there are two", () => {
    expect(chartSummary(tableOf(["A", "B"], [series("current", "Période choisie", [3, 9])]))).toBe("La plus grande valeur est celle de « B » : 9. Les nombres sont dans le tableau qui suit.");
    expect(chartSummary(tableOf(["A", "B"], [series("current", "Période choisie", [3, 9]), series("previous", "Période précédente", [12, null])]))).toContain("« A » : 12 (période précédente)");
    expect(chartSummary(tableOf(["A"], [series("current", "Période choisie", [null])]))).toMatch(/^Aucune valeur à dessiner/);
  });
});
