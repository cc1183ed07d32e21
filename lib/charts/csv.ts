/**
 * The indicators as CSV, as French spreadsheets open them (UTF-8 with BOM, ";"-separated, by
 * `toCsv` of lib/matrix/csv.ts, every cell neutralised so that none is a formula): a header row, then
 * one row per category with the texts people read, so a suppressed count stays "< 5", never a number.
 */
import type { IndicatorMatrix, IndicatorTable } from "@/lib/indicators/types";
import { toCsv } from "@/lib/matrix/csv";

export function indicatorTableCsv(table: IndicatorTable): string {
  const header = [table.categoryLabel, ...table.series.map((series) => series.label)];
  const rows = table.categories.map((category, index) => [category.label, ...table.series.map((series) => series.texts[index] ?? "")]);
  return toCsv([header, ...rows], { separator: ";", bom: true });
}

/** The corner of a matrix's table and CSV: what its rows and its columns are. */
export function matrixCorner(matrix: IndicatorMatrix): string {
  return `${matrix.rowLabel} / ${matrix.columnLabel}`;
}

export function indicatorMatrixCsv(matrix: IndicatorMatrix): string {
  const header = [matrixCorner(matrix), ...matrix.columns.map((column) => column.label)];
  const rows = matrix.rows.map((row, index) => [row.label, ...matrix.columns.map((_, column) => matrix.texts[index]?.[column] ?? "")]);
  return toCsv([header, ...rows], { separator: ";", bom: true });
}
