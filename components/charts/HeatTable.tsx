/**
 * A matrix as a heat table (issue 19): an HTML table whose cells are shaded by their count (one
 * hue, darker when larger) and always print it, in black or white for contrast. A suppressed cell
 * ("< 5") is hatched grey: no shade that would give its size away. It is its own data table.
 */
import { heatColour, textOn } from "@/lib/charts/palette";
import type { IndicatorMatrix } from "@/lib/indicators/types";

const SUPPRESSED = "repeating-linear-gradient(45deg, #f1f5f9 0 4px, #e2e8f0 4px 8px)";

export function HeatTable({ matrix }: { matrix: IndicatorMatrix }) {
  const max = Math.max(1, ...matrix.values.flat().filter((value): value is number => value !== null));
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${matrix.title} (tableau)`}>
      <table className="heat-table border-collapse text-sm">
        {/* The table's own name, so it reads as a table of its title without the figure around it. */}
        <caption className="sr-only">{matrix.title}</caption>
        <thead>
          <tr>
            <th scope="col" className="p-1 text-start align-bottom">
              {matrix.rowLabel} ↓ / {matrix.columnLabel} →
            </th>
            {matrix.columns.map((column) => (
              <th key={column.key} scope="col" className="max-w-[8rem] p-1 text-start align-bottom font-medium">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, rowIndex) => (
            <tr key={row.key}>
              <th scope="row" className="max-w-[14rem] p-1 text-start font-medium">
                {row.label}
              </th>
              {matrix.columns.map((column, columnIndex) => {
                const value = matrix.values[rowIndex]![columnIndex] ?? null;
                const text = matrix.texts[rowIndex]![columnIndex] ?? "";
                const background = value === null ? "#f1f5f9" : heatColour(value, max);
                return (
                  <td
                    key={column.key}
                    className="min-w-[3rem] border border-slate-300 p-1 text-center tabular-nums"
                    style={{ background: value === null && text !== "0" ? SUPPRESSED : background, color: textOn(background) }}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-sm text-slate-700">
        Plus la case est foncée, plus le nombre est grand (jusqu&apos;à {max}). Une case hachurée compte entre 1 et 4 : son nombre n&apos;est pas donné.
      </p>
    </div>
  );
}
