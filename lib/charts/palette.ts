/**
 * The charts' colours, safe for colour-blind readers (Okabe-Ito) and apart in greyscale: the chosen
 * period is a solid dark blue, the previous one a light yellow with a dark outline and dark hatching,
 * so that they differ by lightness, by pattern and by outline, not by hue alone.
 */

export interface SeriesStyle {
  fill: string;
  /** Outline of the bar (drawn on light fills so the bar stands out from the page). */
  stroke: string;
  /** Hatching drawn over the fill, or null for a solid fill. */
  hatch: string | null;
}

/** Okabe-Ito blue, solid: the chosen period. */
const CURRENT: SeriesStyle = { fill: "#0072B2", stroke: "#0072B2", hatch: null };
/** Okabe-Ito yellow, outlined and hatched in ink: the previous period. */
const PREVIOUS: SeriesStyle = { fill: "#F0E442", stroke: "#1F2933", hatch: "#1F2933" };

/** The style of the n-th series of a chart (the first is the chosen period, the second the previous one). */
export function seriesStyle(index: number): SeriesStyle {
  return index === 0 ? CURRENT : PREVIOUS;
}

export const INK = "#1F2933";
export const WHITE = "#FFFFFF";
const BLACK = "#000000";

/** Red, green, blue (0–255) of "#rrggbb", "#rgb" or "rgb(r, g, b)" (d3's interpolated colours). */
function parseColor(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const code = hex[1] ?? "";
    const digits = code.length === 3 ? Array.from(code, (digit) => digit + digit).join("") : code;
    return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/i.exec(color.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Unknown colour: ${color}`);
}

/** WCAG 2 relative luminance (0 = black, 1 = white): what a colour becomes in greyscale. */
export function relativeLuminance(color: string): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const [red, green, blue] = parseColor(color);
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** WCAG 2 contrast ratio between two colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const [one, other] = [relativeLuminance(first), relativeLuminance(second)];
  return (Math.max(one, other) + 0.05) / (Math.min(one, other) + 0.05);
}

/** Black or white, whichever reads better on a background (always at least 4.5:1). */
export function textColourOn(background: string): string {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? BLACK : WHITE;
}
