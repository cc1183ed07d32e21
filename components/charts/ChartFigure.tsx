/**
 * One indicator as a figure: its title (the figcaption, whose id is the table's id, for anchors), its
 * description, its chart (bars or columns, per `table.chart`), the same data as an accessible table,
 * and a link to download it as CSV (the route serving it uses lib/charts/csv.ts). No client script.
 */
import type { IndicatorTable } from "@/lib/indicators/types";
import { BarChart } from "./BarChart";
import { ColumnChart } from "./ColumnChart";

export interface ChartFigureProps {
  table: IndicatorTable;
  /** Where the CSV of this table is served. */
  csvHref: string;
}

export function ChartFigure({ table, csvHref }: ChartFigureProps) {
  return (
    <figure className="chart-figure mt-6 max-w-3xl" aria-labelledby={table.id}>
      <figcaption id={table.id} className="text-xl font-bold">
        {table.title}
      </figcaption>
      <p className="mt-1 max-w-prose">{table.description}</p>
      <div className="mt-3">{table.chart === "columns" ? <ColumnChart table={table} /> : <BarChart table={table} />}</div>
      <DataTable table={table} />
      <p className="mt-2">
        <a href={csvHref} download className="text-accent underline">
          Télécharger ces données (CSV)<span className="sr-only"> : {table.title}</span>
        </a>
      </p>
    </figure>
  );
}

function DataTable({ table }: { table: IndicatorTable }) {
  return (
    <table className="chart-data mt-3 w-full max-w-xl border-collapse">
      <caption className="text-start font-semibold">Les données : {table.title}</caption>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className="py-1 pe-4 text-start">
            {table.categoryLabel}
          </th>
          {table.series.map((series) => (
            <th key={series.key} scope="col" className="py-1 ps-4 text-end">
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.categories.map((category, index) => (
          <tr key={category.key} className="border-b border-slate-200">
            <th scope="row" className="py-1 pe-4 text-start font-normal">
              {category.label}
            </th>
            {table.series.map((series) => (
              <td key={series.key} className="py-1 ps-4 text-end tabular-nums">
                {series.texts[index] ?? ""}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
