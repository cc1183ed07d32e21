/**
 * The value axis of a chart: a linear scale from 0 to a "nice" maximum above the largest drawn
 * value (d3-scale), and its ticks with French labels. Counts get whole ticks only.
 */
import { scaleLinear } from "d3-scale";
import type { IndicatorUnit } from "@/lib/indicators/types";
import { formatValue } from "./format";

export interface Tick {
  value: number;
  /** Position along the axis, from 0 to `length`. */
  position: number;
  label: string;
}

export interface ValueAxis {
  /** The axis's maximum (the largest value, rounded up to a nice number; 1 when nothing is drawn). */
  max: number;
  /** A value's length along the axis, never negative, never beyond `length`. */
  lengthOf: (value: number) => number;
  ticks: Tick[];
}

/** The largest drawn value over some series (0 when none: empty, all null). */
export function largestValue(series: { values: (number | null)[] }[]): number {
  let largest = 0;
  for (const { values } of series) for (const value of values) if (value !== null && Number.isFinite(value) && value > largest) largest = value;
  return largest;
}

export function valueAxis(largest: number, unit: IndicatorUnit, length: number, tickCount = 5): ValueAxis {
  const top = largest > 0 ? largest : 1;
  const scale = scaleLinear().domain([0, top]).range([0, length]).nice(tickCount).clamp(true);
  const max = scale.domain()[1] ?? top;
  const values = scale.ticks(tickCount).filter((value) => unit !== "count" || Number.isInteger(value));
  return {
    max,
    lengthOf: (value) => Math.max(0, scale(Math.max(0, value))),
    ticks: values.map((value) => ({ value, position: scale(value), label: formatValue(value, unit) })),
  };
}
