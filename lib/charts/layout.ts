/** What the bar and column layouts share: the marks the SVG components draw, in viewBox units. */
import type { IndicatorTable } from "@/lib/indicators/types";
import { seriesStyle, type SeriesStyle } from "./palette";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One series' value for one category: its bar (null when not drawn: "< 5", "—") and its text. */
export interface ValueMark {
  series: number;
  bar: Rect | null;
  text: string;
  textX: number;
  textY: number;
}

export interface CategoryMarks {
  key: string;
  /** Cut to fit the chart. */
  label: string;
  /** The whole label (the SVG's tooltip, the table). */
  fullLabel: string;
  labelX: number;
  labelY: number;
  values: ValueMark[];
}

export interface LegendEntry {
  series: number;
  label: string;
  style: SeriesStyle;
  x: number;
  y: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: Rect;
  /** Ticks of the value axis: where their grid line and label go. */
  ticks: { x1: number; y1: number; x2: number; y2: number; label: string; labelX: number; labelY: number }[];
  categories: CategoryMarks[];
  /** Empty with one series. */
  legend: LegendEntry[];
  valueFontSize: number;
  labelFontSize: number;
}

/** The legend's entries, side by side on the first line (two series or more). */
export function legendOf(table: IndicatorTable, x: number, y: number): LegendEntry[] {
  if (table.series.length < 2) return [];
  let left = x;
  return table.series.map((series, index) => {
    const entry = { series: index, label: series.label, style: seriesStyle(index), x: left, y };
    left += 40 + Array.from(series.label).length * 7;
    return entry;
  });
}

export const LEGEND_HEIGHT = 28;
