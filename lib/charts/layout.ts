/**
 * The geometry of the indicators' charts (issue 19), as pure functions the server components draw
 * (components/charts/): bars per category (horizontal) and columns over time, one or two series
 * side by side, on a linear scale from zero with round ticks (d3-scale). A value that is null
 * (suppressed, not computable) gets no bar, only its text. Decision record 013.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import type { IndicatorTable } from "@/lib/indicators/types";

const CHART_WIDTH = 640;
const LABEL_WIDTH = 220;
const VALUE_ROOM = 56;
const BAR = 14;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const AXIS = 22;

export interface Bar {
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value's text goes, and the text. */
  textX: number;
  textY: number;
  text: string;
}

export interface Tick {
  position: number;
  text: string;
}

const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

function tickText(value: number, unit: IndicatorTable["unit"]): string {
  if (unit === "share") return `${number.format(Math.round(value * 100))} %`;
  if (unit === "days") return `${number.format(value)} j`;
  if (unit === "hours") return `${number.format(value)} h`;
  return number.format(value);
}

/** The largest drawn value, at least 1 so that a chart of zeros still has an axis. */
const maxOf = (table: IndicatorTable) => Math.max(1, ...table.series.flatMap((series) => series.values.filter((value): value is number => value !== null)));

/** A label cut to fit the label column, with an ellipsis; the table beside the chart has it whole. */
export function shortLabel(label: string, characters = 32): string {
  return label.length <= characters ? label : `${label.slice(0, characters - 1).trimEnd()}…`;
}

/** Horizontal bars: one row per category, the series stacked inside it. */
export function barLayout(table: IndicatorTable) {
  const seriesCount = table.series.length;
  const groupHeight = seriesCount * BAR + (seriesCount - 1) * BAR_GAP;
  const height = AXIS + table.categories.length * (groupHeight + GROUP_GAP) + GROUP_GAP;
  const x = scaleLinear()
    .domain([0, maxOf(table)])
    .nice()
    .range([LABEL_WIDTH, CHART_WIDTH - VALUE_ROOM])
    // A value below 0 (never expected) draws no bar rather than a negative width SVG refuses.
    .clamp(true);
  const bars: Bar[] = [];
  table.categories.forEach((_, category) => {
    const top = AXIS + GROUP_GAP + category * (groupHeight + GROUP_GAP);
    table.series.forEach((series, index) => {
      const value = series.values[category] ?? null;
      const y = top + index * (BAR + BAR_GAP);
      const width = value === null ? 0 : x(value) - LABEL_WIDTH;
      bars.push({ series: index, x: LABEL_WIDTH, y, width, height: BAR, textX: LABEL_WIDTH + width + 4, textY: y + BAR - 3, text: series.texts[category] ?? "" });
    });
  });
  return {
    width: CHART_WIDTH,
    height,
    labelX: LABEL_WIDTH - 6,
    labels: table.categories.map((category, index) => ({ text: shortLabel(category.label), y: AXIS + GROUP_GAP + index * (groupHeight + GROUP_GAP) + groupHeight / 2 + 4 })),
    bars,
    ticks: x.ticks(5).map((value): Tick => ({ position: x(value), text: tickText(value, table.unit) })),
    axisTop: AXIS - 6,
  };
}

/** Columns over time: one slot per category along the bottom, the series side by side in it. */
export function columnLayout(table: IndicatorTable) {
  const height = 260;
  const bottom = height - 40;
  const top = 24;
  const left = 48;
  const band = scaleBand()
    .domain(table.categories.map((category) => category.key))
    .range([left, CHART_WIDTH - 8])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const y = scaleLinear().domain([0, maxOf(table)]).nice().range([bottom, top]).clamp(true);
  const seriesWidth = band.bandwidth() / table.series.length;
  const bars: Bar[] = [];
  table.categories.forEach((category, index) => {
    table.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? null;
      const x = (band(category.key) ?? left) + seriesIndex * seriesWidth;
      const top = value === null ? bottom : y(value);
      bars.push({ series: seriesIndex, x, y: top, width: Math.max(seriesWidth - 1, 1), height: bottom - top, textX: x + seriesWidth / 2, textY: top - 4, text: series.texts[index] ?? "" });
    });
  });
  // Every label when they fit, else one in so many, so that they never overlap.
  const every = Math.max(1, Math.ceil(table.categories.length / Math.floor((CHART_WIDTH - left) / 60)));
  return {
    width: CHART_WIDTH,
    height,
    bottom,
    left,
    bars,
    /** Values are written above the columns only when the columns are wide enough to hold them. */
    showValues: seriesWidth >= 22,
    labels: table.categories
      .map((category, index) => ({ text: shortLabel(category.label, 14), x: (band(category.key) ?? left) + band.bandwidth() / 2, index }))
      .filter(({ index }) => index % every === 0),
    ticks: y.ticks(4).map((value): Tick => ({ position: y(value), text: tickText(value, table.unit) })),
  };
}
