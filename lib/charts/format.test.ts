import { describe, expect, it } from "vitest";
import { formatValue } from "./format";
import { truncateLabel } from "./labels";
import { largestValue, valueAxis } from "./ticks";

describe("formatValue", () => {
  it("writes numbers as French readers read them", () => {
    expect(formatValue(1234, "count")).toBe("1\u202f234");
    expect(formatValue(0.42, "share")).toBe("42\u202f%");
    expect(formatValue(3.5, "days")).toBe("3,5\u202fj");
    expect(formatValue(2, "hours")).toBe("2\u202fh");
    expect(formatValue(0, "count")).toBe("0");
  });
});

describe("valueAxis", () => {
  it("starts at 0 and ends at a nice maximum at or above the largest value, which fits", () => {
    const axis = valueAxis(87, "count", 400);
    expect(axis.max).toBe(100);
    expect(axis.lengthOf(0)).toBe(0);
    expect(axis.lengthOf(87)).toBeCloseTo(348);
    expect(axis.lengthOf(87)).toBeLessThanOrEqual(400);
    expect(axis.ticks.map((tick) => tick.label)).toEqual(["0", "20", "40", "60", "80", "100"]);
    expect(axis.ticks.at(-1)?.position).toBe(400);
  });

  it("gives counts whole ticks only, and shares as percents", () => {
    expect(valueAxis(2, "count", 100).ticks.map((tick) => tick.value)).toEqual([0, 1, 2]);
    expect(valueAxis(0.5, "share", 100).ticks.map((tick) => tick.label)).toEqual(["0\u202f%", "10\u202f%", "20\u202f%", "30\u202f%", "40\u202f%", "50\u202f%"]);
  });

  it("never gives a negative or overflowing length, and has an axis when nothing is drawn", () => {
    const axis = valueAxis(10, "count", 200);
    expect(axis.lengthOf(-5)).toBe(0);
    expect(axis.lengthOf(50)).toBe(200);
    const empty = valueAxis(0, "count", 200);
    expect(empty.max).toBe(1);
    expect(empty.ticks.map((tick) => tick.label)).toEqual(["0", "1"]);
  });

  it("reads the largest drawn value, nulls and non-numbers left out", () => {
    expect(largestValue([{ values: [3, null, 7] }, { values: [null, 12, Number.NaN] }])).toBe(12);
    expect(largestValue([{ values: [null, null] }])).toBe(0);
    expect(largestValue([])).toBe(0);
  });
});

describe("truncateLabel", () => {
  it("keeps short labels and cuts long ones with an ellipsis, within the length", () => {
    expect(truncateLabel("Médiathèque", 28)).toBe("Médiathèque");
    const cut = truncateLabel("Centre communal d'action sociale de Château-Thierry", 20);
    expect(cut).toBe("Centre communal d'a…");
    expect(Array.from(cut)).toHaveLength(20);
  });
});
