import { describe, expect, it } from "vitest";
import type { IndicatorTable } from "@/lib/indicators/types";
import { barLayout, columnLayout, shortLabel } from "./layout";

const table = (values: (number | null)[][], chart: IndicatorTable["chart"] = "bars"): IndicatorTable => ({
  id: "t",
  title: "T",
  description: "",
  categoryLabel: "C",
  categories: values[0]!.map((_, index) => ({ key: `k${index}`, label: `Catégorie ${index}` })),
  series: values.map((list, index) => ({ key: `s${index}`, label: `S${index}`, values: list, texts: list.map((value) => (value === null ? "< 5" : String(value))) })),
  unit: "count",
  chart,
});

describe("the charts' geometry", () => {
  it("draws bars in proportion to their values, the largest within the chart", () => {
    const layout = barLayout(table([[10, 20, 40]]));
    const [a, b, c] = layout.bars;
    expect(b!.width).toBeCloseTo(2 * a!.width, 5);
    expect(c!.width).toBeCloseTo(4 * a!.width, 5);
    expect(c!.x + c!.width).toBeLessThanOrEqual(layout.width);
    expect(layout.ticks[0]!.text).toBe("0");
  });

  it("draws no bar for a suppressed value, only its text", () => {
    const layout = barLayout(table([[null, 12]]));
    expect(layout.bars[0]).toMatchObject({ width: 0, text: "< 5" });
    expect(layout.bars[1]!.width).toBeGreaterThan(0);
  });

  it("puts two series side by side in each category, and keeps an axis for a chart of zeros", () => {
    const layout = barLayout(table([[3, 0], [5, 0]]));
    expect(layout.bars).toHaveLength(4);
    expect(layout.bars[1]!.y).toBeGreaterThan(layout.bars[0]!.y);
    const empty = barLayout(table([[0, 0]]));
    expect(empty.bars.every((bar) => bar.width === 0)).toBe(true);
    expect(empty.ticks.length).toBeGreaterThan(1);
  });

  it("draws columns up from the axis, and thins out labels that would overlap", () => {
    const layout = columnLayout(table([[1, 2, 4]], "columns"));
    expect(layout.bars[2]!.height).toBeCloseTo(2 * layout.bars[1]!.height, 5);
    expect(layout.bars.every((bar) => bar.y + bar.height === layout.bottom)).toBe(true);
    const many = columnLayout(table([Array.from({ length: 40 }, (_, index) => index)], "columns"));
    expect(many.labels.length).toBeLessThan(40);
    expect(many.showValues).toBe(false);
  });

  it("never draws a negative size, even from a negative value", () => {
    const bars = barLayout(table([[-3, 4]]));
    expect(bars.bars.map((bar) => bar.width)).toEqual([0, expect.any(Number)]);
    expect(bars.bars[1]!.width).toBeGreaterThan(0);
    const columns = columnLayout(table([[-3, 4]], "columns"));
    expect(columns.bars[0]!.height).toBe(0);
    expect(columns.bars[0]!.y).toBe(columns.bottom);
  });

    it("cuts long labels with an ellipsis", () => {
    expect(shortLabel("Maison départementale des solidarités — permanence du Val de Lise")).toBe("Maison départementale des solid…");
    expect(shortLabel("CCAS")).toBe("CCAS");
  });
});
