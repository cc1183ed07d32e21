/** A figure's data as an accessible table: every text is the suppressed one ("< 5", "—"). */
import type { IndicatorTable } from "@/lib/indicators/types";

export function FiguresTable({ table }: { table: IndicatorTable }) {
  return (
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
  );
}
