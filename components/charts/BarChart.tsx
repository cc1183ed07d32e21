/** Horizontal bars per category (one or two series), as a server-rendered SVG: see SvgChart. */
import type { IndicatorTable } from "@/lib/indicators/types";
import { barsLayout } from "@/lib/charts/bars";
import { chartSummary } from "@/lib/charts/summary";
import { SvgChart } from "./SvgChart";

export function BarChart({ table }: { table: IndicatorTable }) {
  return <SvgChart id={table.id} title={table.title} summary={chartSummary(table)} layout={barsLayout(table)} orientation="bars" seriesCount={table.series.length} />;
}
