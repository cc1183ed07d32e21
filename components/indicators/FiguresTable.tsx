/**
 * A table of figures (`chart: "table"`: key figures, details by dimension) as an accessible HTML
 * table, with its description and its CSV download. Every text is the suppressed one ("< 5", "—").
 */
import type { IndicatorTable } from "@/lib/indicators/types";

export function FiguresTable({ table, csvHref }: { table: IndicatorTable; csvHref: string }) {
  return (
    <figure id={table.id} className="indicator mt-6 break-inside-avoid" aria-labelledby={`${table.id}-titre`}>
      <figcaption>
        <h3 id={`${table.id}-titre`} className="text-xl font-semibold">
          {table.title}
        </h3>
        <p className="mt-1 max-w-prose text-slate-700">{table.description}</p>
      </figcaption>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${table.title} (tableau)`}>
        <table className="w-full max-w-4xl border-collapse text-start">
          <thead>
            <tr className="border-b-2 border-slate-500">
              <th scope="col" className="py-1 pe-4 text-start">
                {table.categoryLabel}
              </th>
              {table.series.map((series) => (
                <th key={series.key} scope="col" className="py-1 pe-2 text-end">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.categories.map((category, row) => (
              <tr key={category.key} className="border-b border-slate-200">
                <th scope="row" className="py-1 pe-4 text-start font-normal">
                  {category.label}
                </th>
                {table.series.map((series) => (
                  <td key={series.key} className="py-1 pe-2 text-end tabular-nums">
                    {series.texts[row]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.categories.length === 0 ? <p className="mt-1 text-slate-700">Rien dans la période.</p> : null}
      <p className="mt-1 print:hidden">
        <a href={csvHref} className="text-accent underline" download>
          Télécharger ces données (CSV)
          <span className="sr-only"> : {table.title}</span>
        </a>
      </p>
    </figure>
  );
}
