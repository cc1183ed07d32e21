/**
 * The charts' colours (issue 19): readable in greyscale and by colour-blind readers. The period
 * and the previous one are a dark and a light blue — far apart in lightness, so they differ on a
 * black-and-white print too — and the previous one is also hatched. The heat table runs from near
 * white to dark blue (one hue, lightness only), and every cell prints its number in black or
 * white, whichever contrasts more.
 */
import { scaleLinear } from "d3-scale";

export const SERIES_FILLS = ["#0b4f8a", "#a6cbe8"] as const;

/** WCAG relative luminance of "#rrggbb" or "rgb(r, g, b)". */
export function luminance(colour: string): number {
  const channels = colour.startsWith("#")
    ? [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16))
    : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = channels.map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour that reads best on `background`. */
export function textOn(background: string): "#000000" | "#ffffff" {
  return contrast(background, "#000000") >= contrast(background, "#ffffff") ? "#000000" : "#ffffff";
}

/** A heat cell's background for `value` out of `max` (0 is white; null — suppressed — is left to the caller). */
export function heatColour(value: number, max: number): string {
  if (value <= 0) return "#ffffff";
  return scaleLinear<string>().domain([0, Math.max(max, 1)]).range(["#e3eef9", "#08306b"])(value);
}
