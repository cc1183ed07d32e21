import { describe, expect, it } from "vitest";
import { contrast, heatColour, luminance, SERIES_FILLS, textOn } from "./palette";

describe("the charts' colours", () => {
  it("tells the period from the previous one in greyscale", () => {
    const [current, previous] = SERIES_FILLS.map(luminance) as [number, number];
    expect(previous - current).toBeGreaterThan(0.35);
    expect(contrast(SERIES_FILLS[0], "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("shades heat cells by lightness, and writes on each in the colour that keeps 4.5:1", () => {
    const shades = [1, 25, 50, 75, 100].map((value) => heatColour(value, 100));
    const lightness = shades.map(luminance);
    expect([...lightness].sort((a, b) => b - a)).toEqual(lightness);
    for (const shade of [...shades, "#ffffff"]) expect(contrast(shade, textOn(shade))).toBeGreaterThanOrEqual(4.5);
    expect(heatColour(0, 100)).toBe("#ffffff");
  });
});
