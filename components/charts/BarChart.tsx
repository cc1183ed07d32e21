/**
 * Horizontal bars drawn on the server (issue 19): an SVG that scales to the page, read by screen
 * readers as one image with a title and a summary (the table beside it has every number). A
 * suppressed value has no bar, only its text ("< 5"). The previous period is light and hatched.
 */
import { barLayout } from "@/lib/charts/layout";
import type { IndicatorTable } from "@/lib/indicators/types";
import { ChartFrame, seriesFill } from "./parts";

export function BarChart({ table }: { table: IndicatorTable }) {
  const layout = barLayout(table);
  return (
    <ChartFrame table={table} width={layout.width} height={layout.height}>
      {layout.ticks.map((tick) => (
        <g key={tick.position}>
          <line x1={tick.position} x2={tick.position} y1={layout.axisTop} y2={layout.height} stroke="#cbd5e1" />
          <text x={tick.position} y={layout.axisTop - 2} textAnchor="middle" fontSize="11" fill="#334155">
            {tick.text}
          </text>
        </g>
      ))}
      {layout.labels.map((label, index) => (
        <text key={index} x={layout.labelX} y={label.y} textAnchor="end" fontSize="12" fill="#0f172a">
          {label.text}
        </text>
      ))}
      {layout.bars.map((bar, index) => (
        <g key={index}>
          {bar.width > 0 && <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={seriesFill(table.id, bar.series)} stroke="#0b4f8a" strokeWidth="0.75" />}
          <text x={bar.textX} y={bar.textY} fontSize="11" fill="#0f172a">
            {bar.text}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
