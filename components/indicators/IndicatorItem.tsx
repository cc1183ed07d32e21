/**
 * One figure of the dashboard (issue 19): its title and what it counts, then the chart drawn on the
 * server (bars or columns) with its data as a table beside it — or, for a matrix, the heat table,
 * which is its own table — and its CSV download.
 */
import { BarChart } from "@/components/charts/BarChart";
import { ColumnChart } from "@/components/charts/ColumnChart";
import { HeatTable } from "@/components/charts/HeatTable";
import { Legend } from "@/components/charts/parts";
import { FiguresTable } from "./FiguresTable";
import { isMatrix, type IndicatorMatrix, type IndicatorTable } from "@/lib/indicators/types";

export function IndicatorItem({ item, csvHref }: { item: IndicatorTable | IndicatorMatrix; csvHref: string }) {
  const empty = isMatrix(item) ? item.rows.length === 0 || item.columns.length === 0 : item.categories.length === 0;
  return (
    <figure id={item.id} className="indicator mt-8 break-inside-avoid" aria-labelledby={`${item.id}-titre`}>
      <figcaption>
        <h3 id={`${item.id}-titre`} className="text-xl font-semibold">
          {item.title}
        </h3>
        <p className="mt-1 max-w-prose text-slate-700">{item.description}</p>
      </figcaption>
      {empty ? (
        <p className="mt-2">Rien dans la période.</p>
      ) : isMatrix(item) ? (
        <HeatTable matrix={item} />
      ) : (
        <>
          {item.chart === "bars" && <BarChart table={item} />}
          {item.chart === "columns" && <ColumnChart table={item} />}
          {item.chart !== "table" && <Legend table={item} />}
          <FiguresTable table={item} />
        </>
      )}
      {!empty && (
        <p className="mt-1 print:hidden">
          <a href={csvHref} className="text-accent underline" download>
            Télécharger ces données (CSV)
            <span className="sr-only"> : {item.title}</span>
          </a>
        </p>
      )}
    </figure>
  );
}
