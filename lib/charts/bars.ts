/**
 * Horizontal bars, one row per category, the series side by side within it (the chosen period
 * above the previous one): a bar's width is proportional to its value on a 0-based axis, the longest
 * fits the plot, and each value's text is printed at the end of its bar (where the bar is absent,
 * "< 5" or "—" is printed at the axis).
 */
import type { IndicatorTable } from "@/lib/indicators/types";
import { LEGEND_HEIGHT, legendOf, type CategoryMarks, type ChartLayout } from "./layout";
import { truncateLabel } from "./labels";
import { largestValue, valueAxis } from "./ticks";

const WIDTH = 640;
const LABEL_WIDTH = 200;
const VALUE_ROOM = 72;
const BAR_HEIGHT = 16;
const BAR_GAP = 2;
const ROW_PADDING = 12;
const AXIS_HEIGHT = 24;
const TOP = 8;
/** About what fits in LABEL_WIDTH at 13 px. */
export const BAR_LABEL_CHARS = 28;

export function barsLayout(table: IndicatorTable): ChartLayout {
  const seriesCount = Math.max(1, table.series.length);
  const legend = legendOf(table, LABEL_WIDTH, TOP + 14);
  const plotY = TOP + (legend.length ? LEGEND_HEIGHT : 0);
  const rowHeight = seriesCount * BAR_HEIGHT + (seriesCount - 1) * BAR_GAP + ROW_PADDING;
  const plotHeight = Math.max(1, table.categories.length) * rowHeight;
  const plot = { x: LABEL_WIDTH, y: plotY, width: WIDTH - LABEL_WIDTH - VALUE_ROOM, height: plotHeight };
  const axis = valueAxis(largestValue(table.series), table.unit, plot.width);

  const categories: CategoryMarks[] = table.categories.map((category, row) => {
    const rowTop = plot.y + row * rowHeight + ROW_PADDING / 2;
    return {
      key: category.key,
      label: truncateLabel(category.label, BAR_LABEL_CHARS),
      fullLabel: category.label,
      labelX: plot.x - 8,
      labelY: rowTop + (rowHeight - ROW_PADDING) / 2,
      values: table.series.map((series, index) => {
        const value = series.values[row] ?? null;
        const y = rowTop + index * (BAR_HEIGHT + BAR_GAP);
        const width = value === null ? 0 : axis.lengthOf(value);
        return {
          series: index,
          bar: value === null ? null : { x: plot.x, y, width, height: BAR_HEIGHT },
          text: series.texts[row] ?? "",
          textX: plot.x + width + 4,
          textY: y + BAR_HEIGHT / 2,
        };
      }),
    };
  });

  const axisY = plot.y + plot.height;
  return {
    width: WIDTH,
    height: axisY + AXIS_HEIGHT,
    plot,
    ticks: axis.ticks.map((tick) => ({ x1: plot.x + tick.position, y1: plot.y, x2: plot.x + tick.position, y2: axisY, label: tick.label, labelX: plot.x + tick.position, labelY: axisY + 16 })),
    categories,
    legend,
    valueFontSize: 12,
    labelFontSize: 13,
  };
}
