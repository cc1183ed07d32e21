/**
 * The shade of a matrix cell from its value: a sequential scale from almost white (0) to dark blue
 * (the largest value), by d3-scale, with black or white text, whichever keeps the better contrast.
 * A null value (suppressed, or no transfer) is not shaded.
 */
import { scaleLinear } from "d3-scale";
import { formatValue } from "./format";
import { textColourOn, WHITE } from "./palette";

/** ColorBrewer "Blues", light to dark: lightness grows steadily, so greyscale keeps the order. */
const BLUES = ["#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"];

export interface CellShade {
  background: string;
  color: string;
}

export interface HeatScale {
  max: number;
  shadeOf: (value: number | null) => CellShade;
  /** A few steps of the scale, from 0 to the maximum, for the legend. */
  legend: { value: number; label: string; shade: CellShade }[];
}

const UNSHADED: CellShade = { background: WHITE, color: "#000000" };

export function heatScale(values: (number | null)[][]): HeatScale {
  let max = 0;
  for (const row of values) for (const value of row) if (value !== null && Number.isFinite(value) && value > max) max = value;
  const top = max > 0 ? max : 1;
  const domain = BLUES.map((_, index) => (top * index) / (BLUES.length - 1));
  const scale = scaleLinear<string>().domain(domain).range(BLUES).clamp(true);
  const shadeOf = (value: number | null): CellShade => {
    if (value === null || !Number.isFinite(value)) return UNSHADED;
    const background = scale(Math.max(0, value));
    return { background, color: textColourOn(background) };
  };
  const steps = [...new Set(domain.map((value) => Math.round(value)))];
  return { max, shadeOf, legend: steps.map((value) => ({ value, label: formatValue(value, "count"), shade: shadeOf(value) })) };
}
