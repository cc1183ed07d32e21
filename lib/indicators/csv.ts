/**
 * A figure's CSV download (issue 19): the table people read beside the chart, as French
 * spreadsheets open it (UTF-8 with BOM, ";"), with the same texts — « < 5 » stays « < 5 », never a
 * hidden number — and no cell a spreadsheet would run as a formula (`toCsv` neutralises them).
 */
import { toCsv } from "@/lib/matrix/csv";
import type { Dashboard } from "./dashboard";
import { isMatrix, type IndicatorMatrix, type IndicatorTable } from "./types";

export function indicatorCsv(item: IndicatorTable | IndicatorMatrix): string {
  const rows = isMatrix(item)
    ? [[`${item.rowLabel} \\ ${item.columnLabel}`, ...item.columns.map((column) => column.label)], ...item.rows.map((row, index) => [row.label, ...item.texts[index]!])]
    : [[item.categoryLabel, ...item.series.map((series) => series.label)], ...item.categories.map((category, index) => [category.label, ...item.series.map((series) => series.texts[index]!)])];
  return toCsv(rows, { separator: ";", bom: true });
}

/** The download of `file` ("<id>.csv") from a dashboard the actor may see; 404 otherwise. */
export function indicatorDownload(dashboard: Dashboard | null, file: string, name: string): Response {
  const id = file.endsWith(".csv") ? file.slice(0, -4) : null;
  const item = id ? dashboard?.sections.flatMap((section) => section.items).find((candidate) => candidate.id === id) : undefined;
  if (!item) return new Response("Introuvable.", { status: 404 });
  return new Response(indicatorCsv(item), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="indicateurs-${name}-${item.id}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
