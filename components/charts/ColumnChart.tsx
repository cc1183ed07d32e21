/** Columns over time (months, a permanence's occurrences), drawn on the server like BarChart. */
import { columnLayout } from "@/lib/charts/layout";
import type { IndicatorTable } from "@/lib/indicators/types";
import { ChartFrame, seriesFill } from "./parts";

export function ColumnChart({ table }: { table: IndicatorTable }) {
  const layout = columnLayout(table);
  return (
    <ChartFrame table={table} width={layout.width} height={layout.height}>
      {layout.ticks.map((tick) => (
        <g key={tick.position}>
          <line x1={layout.left} x2={layout.width} y1={tick.position} y2={tick.position} stroke="#cbd5e1" />
          <text x={layout.left - 6} y={tick.position + 4} textAnchor="end" fontSize="11" fill="#334155">
            {tick.text}
          </text>
        </g>
      ))}
      {layout.bars.map((bar, index) => (
        <g key={index}>
          {bar.height > 0 && <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={seriesFill(table.id, bar.series)} stroke="#0b4f8a" strokeWidth="0.75" />}
          {(layout.showValues || bar.height === 0) && bar.text !== "0" && (
            <text x={bar.textX} y={bar.textY} textAnchor="middle" fontSize="10" fill="#0f172a">
              {bar.text}
            </text>
          )}
        </g>
      ))}
      {layout.labels.map((label) => (
        <text key={label.index} x={label.x} y={layout.bottom + 16} textAnchor="middle" fontSize="11" fill="#0f172a">
          {label.text}
        </text>
      ))}
    </ChartFrame>
  );
}
