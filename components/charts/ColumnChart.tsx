/** Columns over time (one or two series), as a server-rendered SVG: see SvgChart. */
import type { IndicatorTable } from "@/lib/indicators/types";
import { columnsLayout } from "@/lib/charts/columns";
import { chartSummary } from "@/lib/charts/summary";
import { SvgChart } from "./SvgChart";

export function ColumnChart({ table }: { table: IndicatorTable }) {
  return <SvgChart id={table.id} title={table.title} summary={chartSummary(table)} layout={columnsLayout(table)} orientation="columns" seriesCount={table.series.length} />;
}
