import { describe, expect, it } from "vitest";
import { heatScale } from "./heat";
import { contrastRatio, INK, relativeLuminance, seriesStyle, textColourOn, WHITE } from "./palette";

describe("palette", () => {
  it("computes WCAG luminance and contrast", () => {
    expect(relativeLuminance("#000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBe(1);
    expect(relativeLuminance("rgb(255, 255, 255)")).toBe(1);
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21);
    expect(() => relativeLuminance("blue")).toThrow();
  });

  it("keeps the two series apart in greyscale by a clear margin, and the second also hatched and outlined", () => {
    const [current, previous] = [seriesStyle(0), seriesStyle(1)];
    expect(contrastRatio(current.fill, previous.fill)).toBeGreaterThanOrEqual(3);
    expect(current.hatch).toBeNull();
    expect(previous.hatch).not.toBeNull();
    expect(contrastRatio(previous.hatch ?? WHITE, previous.fill)).toBeGreaterThanOrEqual(3);
  });

  it("draws every bar distinct from the white page (3:1 for graphics), by its fill or its outline", () => {
    for (const style of [seriesStyle(0), seriesStyle(1)]) {
      expect(Math.max(contrastRatio(style.fill, WHITE), contrastRatio(style.stroke, WHITE))).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(INK, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it("chooses black or white text at 4.5:1 at least, whatever the background", () => {
    for (let grey = 0; grey <= 255; grey += 1) {
      const background = `rgb(${grey}, ${grey}, ${grey})`;
      expect(contrastRatio(background, textColourOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("heatScale", () => {
  const values = [
    [0, 3, null],
    [12, 40, 7],
  ];

  it("shades darker as the value grows (greyscale keeps the order), the largest darkest", () => {
    const scale = heatScale(values);
    expect(scale.max).toBe(40);
    const luminances = [0, 3, 7, 12, 40].map((value) => relativeLuminance(scale.shadeOf(value).background));
    for (let index = 1; index < luminances.length; index += 1) expect(luminances[index]).toBeLessThan(luminances[index - 1] ?? 0);
    expect(scale.shadeOf(40).background).toBe("rgb(8, 48, 107)");
    expect(scale.shadeOf(80)).toEqual(scale.shadeOf(40));
  });

  it("keeps every cell's text at 4.5:1 at least, and leaves nulls unshaded", () => {
    const scale = heatScale(values);
    for (let value = 0; value <= 40; value += 0.5) {
      const shade = scale.shadeOf(value);
      expect(contrastRatio(shade.background, shade.color)).toBeGreaterThanOrEqual(4.5);
    }
    expect(scale.shadeOf(null)).toEqual({ background: WHITE, color: "#000000" });
  });

  it("gives a legend from 0 to the largest value, and copes with an empty matrix", () => {
    expect(heatScale(values).legend.map((step) => step.label)).toEqual(["0", "10", "20", "30", "40"]);
    expect(heatScale([[null]]).max).toBe(0);
    expect(heatScale([]).legend[0]?.label).toBe("0");
  });
});
