/** The sentence a chart's `<desc>` reads: its largest drawn value, in the table's own words. */
import type { IndicatorTable } from "@/lib/indicators/types";

export function chartSummary(table: IndicatorTable): string {
  let best: { category: number; series: number; value: number } | null = null;
  table.series.forEach((series, seriesIndex) =>
    series.values.forEach((value, category) => {
      if (value !== null && Number.isFinite(value) && category < table.categories.length && (best === null || value > best.value)) best = { category, series: seriesIndex, value };
    }),
  );
  if (best === null) return "Aucune valeur à dessiner : les nombres de ce graphique sont dans le tableau qui suit.";
  const { category, series } = best as { category: number; series: number };
  const { label, texts } = table.series[series] ?? { label: "", texts: [] };
  const seriesText = table.series.length > 1 ? ` (${label.toLowerCase()})` : "";
  return `La plus grande valeur est celle de « ${table.categories[category]?.label ?? ""} » : ${texts[category] ?? ""}${seriesText}. Les nombres sont dans le tableau qui suit.`;
}
