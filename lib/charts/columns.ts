/**
 * Columns over time (months, weeks), one group per category from left to right, the series side by
 * side within it: a column's height is proportional to its value on a 0-based axis, the tallest fits
 * the plot; each value's text is printed above its column (or above the axis where it is not drawn).
 */
import type { IndicatorTable } from "@/lib/indicators/types";
import { LEGEND_HEIGHT, legendOf, type CategoryMarks, type ChartLayout } from "./layout";
import { truncateLabel } from "./labels";
import { largestValue, valueAxis } from "./ticks";

const WIDTH = 640;
const LEFT = 64;
const RIGHT = 8;
const TOP = 8;
const VALUE_ROOM = 18;
const PLOT_HEIGHT = 200;
const BOTTOM = 28;
const GROUP_PADDING = 0.2;

export function columnsLayout(table: IndicatorTable): ChartLayout {
  const seriesCount = Math.max(1, table.series.length);
  const categoryCount = Math.max(1, table.categories.length);
  const legend = legendOf(table, LEFT, TOP + 14);
  const plot = { x: LEFT, y: TOP + (legend.length ? LEGEND_HEIGHT : 0) + VALUE_ROOM, width: WIDTH - LEFT - RIGHT, height: PLOT_HEIGHT };
  const axis = valueAxis(largestValue(table.series), table.unit, plot.height);
  const band = plot.width / categoryCount;
  const columnWidth = (band * (1 - GROUP_PADDING)) / seriesCount;
  const baseline = plot.y + plot.height;
  const longestText = Math.max(1, ...table.series.flatMap((series) => series.texts.map((text) => Array.from(text).length)));
  const valueFontSize = Math.round(Math.min(12, Math.max(7, columnWidth / (longestText * 0.6))));
  const labelFontSize = 12;

  const categories: CategoryMarks[] = table.categories.map((category, column) => {
    const groupLeft = plot.x + column * band + (band * GROUP_PADDING) / 2;
    return {
      key: category.key,
      label: truncateLabel(category.label, Math.max(2, Math.floor(band / (labelFontSize * 0.6)))),
      fullLabel: category.label,
      labelX: plot.x + column * band + band / 2,
      labelY: baseline + 18,
      values: table.series.map((series, index) => {
        const value = series.values[column] ?? null;
        const height = value === null ? 0 : axis.lengthOf(value);
        const x = groupLeft + index * columnWidth;
        return {
          series: index,
          bar: value === null ? null : { x, y: baseline - height, width: columnWidth, height },
          text: series.texts[column] ?? "",
          textX: x + columnWidth / 2,
          textY: baseline - height - 4,
        };
      }),
    };
  });

  return {
    width: WIDTH,
    height: baseline + BOTTOM,
    plot,
    ticks: axis.ticks.map((tick) => ({ x1: plot.x, y1: baseline - tick.position, x2: plot.x + plot.width, y2: baseline - tick.position, label: tick.label, labelX: plot.x - 6, labelY: baseline - tick.position })),
    categories,
    legend,
    valueFontSize,
    labelFontSize,
  };
}
