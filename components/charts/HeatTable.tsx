/**
 * A sender × receiver matrix as an accessible HTML table (caption, headers with scope), every value
 * printed and its cell shaded by value (lib/charts/heat.ts: a sequential blue, black or white text
 * for contrast; suppressed and empty cells unshaded), with the scale's legend. No chart needed beside it.
 * A figure like ChartFigure: its figcaption's id is the matrix's id, for anchors.
 */
import type { IndicatorMatrix } from "@/lib/indicators/types";
import { matrixCorner } from "@/lib/charts/csv";
import { heatScale } from "@/lib/charts/heat";

export interface HeatTableProps {
  matrix: IndicatorMatrix;
  /** Where the CSV of this matrix is served (no link when absent). */
  csvHref?: string;
}

export function HeatTable({ matrix, csvHref }: HeatTableProps) {
  const scale = heatScale(matrix.values);
  const descriptionId = `${matrix.id}-description`;
  return (
    <figure className="chart-figure mt-6" aria-labelledby={matrix.id}>
      <figcaption id={matrix.id} className="text-xl font-bold">
        {matrix.title}
      </figcaption>
      <p id={descriptionId} className="mt-1 max-w-prose">
        {matrix.description}
      </p>
      {/* Focusable so that a keyboard can scroll a wide matrix (axe: scrollable-region-focusable). */}
      <div className="mt-3 overflow-x-auto" role="region" aria-labelledby={matrix.id} tabIndex={0}>
        <table className="chart-heat border-collapse" aria-describedby={descriptionId}>
          <caption className="text-start font-semibold">{matrix.title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-slate-300 px-2 py-1 text-start">
                {matrixCorner(matrix)}
              </th>
              {matrix.columns.map((column) => (
                <th key={column.key} scope="col" className="border border-slate-300 px-2 py-1 text-start font-semibold">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, rowIndex) => (
              <tr key={row.key}>
                <th scope="row" className="border border-slate-300 px-2 py-1 text-start font-semibold">
                  {row.label}
                </th>
                {matrix.columns.map((column, columnIndex) => {
                  const shade = scale.shadeOf(matrix.values[rowIndex]?.[columnIndex] ?? null);
                  return (
                    <td key={column.key} className="border border-slate-300 px-2 py-1 text-end tabular-nums" style={{ backgroundColor: shade.background, color: shade.color }}>
                      {matrix.texts[rowIndex]?.[columnIndex] ?? ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-1 text-sm">
        <span>Échelle des teintes :</span>
        <ul className="flex flex-wrap gap-1">
          {scale.legend.map((step) => (
            <li key={step.value} className="border border-slate-300 px-2 py-0.5 tabular-nums" style={{ backgroundColor: step.shade.background, color: step.shade.color }}>
              {step.label}
            </li>
          ))}
        </ul>
        <span>(cases sans teinte : aucun transfert ou moins de 5)</span>
      </div>
      {csvHref ? (
        <p className="mt-2">
          <a href={csvHref} download className="text-accent underline">
            Télécharger ces données (CSV)<span className="sr-only"> : {matrix.title}</span>
          </a>
        </p>
      ) : null}
    </figure>
  );
}
