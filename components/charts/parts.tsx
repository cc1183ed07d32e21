/** What the charts share: the hatching of the previous period, the fills, the summary read out. */
import type { ReactNode } from "react";
import { SERIES_FILLS } from "@/lib/charts/palette";
import type { IndicatorTable } from "@/lib/indicators/types";

/** The previous period's pattern: light blue with dark diagonal lines, distinct without colour. */
function ChartDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hachures`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={SERIES_FILLS[1]} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#0b4f8a" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

export const seriesFill = (id: string, series: number) => (series === 0 ? SERIES_FILLS[0] : `url(#${id}-hachures)`);

/** "Le plus élevé : Espace France Services (42). Les données sont dans le tableau qui suit." */
function chartSummary(table: IndicatorTable): string {
  const current = table.series[0];
  let best = -1;
  current?.values.forEach((value, index) => {
    if (value !== null && (best < 0 || value > (current.values[best] ?? -Infinity))) best = index;
  });
  const top = best >= 0 && (current?.values[best] ?? 0) > 0 ? `Le plus élevé : ${table.categories[best]!.label} (${current!.texts[best]}). ` : "Aucune valeur à dessiner. ";
  const legend = table.series.length > 1 ? `${table.series.map((series, index) => `${series.label} en ${index === 0 ? "bleu foncé" : "bleu clair hachuré"}`).join(", ")}. ` : "";
  return `${top}${legend}Les données sont dans le tableau qui suit.`;
}

/** The legend of two series, as text (also printed). */
export function Legend({ table }: { table: IndicatorTable }) {
  if (table.series.length < 2) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-4 text-sm" aria-hidden="true">
      {table.series.map((series, index) => (
        <li key={series.key} className="flex items-center gap-1">
          <svg width="14" height="14" viewBox="0 0 14 14">
            {index > 0 && <ChartDefs id={`${table.id}-legende`} />}
            <rect width="14" height="14" fill={seriesFill(`${table.id}-legende`, index)} stroke="#0b4f8a" />
          </svg>
          {series.label}
        </li>
      ))}
    </ul>
  );
}

/** The SVG every chart is drawn in: scales to the page, one image to screen readers, with its title and summary. */
export function ChartFrame({ table, width, height, children }: { table: IndicatorTable; width: number; height: number; children: ReactNode }) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="mt-2 h-auto w-full max-w-3xl" role="img" aria-labelledby={`${table.id}-svg-titre ${table.id}-svg-resume`}>
      <title id={`${table.id}-svg-titre`}>{table.title}</title>
      <desc id={`${table.id}-svg-resume`}>{chartSummary(table)}</desc>
      <ChartDefs id={table.id} />
      {children}
    </svg>
  );
}
