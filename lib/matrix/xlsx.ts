/** The matrix as an XLSX workbook: one sheet, the CSV's columns and lines, verification dates as real dates. */
import { localTime } from "@/lib/hours/rules";
import { writeXlsx } from "@/lib/spreadsheet/xlsx";
import { MATRIX_COLUMNS, MATRIX_HEADER, matrixCells, matrixLines } from "./csv";
import type { MatrixRow } from "./queries";

/**
 * The day an instant falls on in Paris (as the CSV and the page show it), at UTC midnight: a
 * spreadsheet date has no time zone, and the XLSX writer writes dates as their UTC day.
 */
function parisDay(instant: Date): Date {
  return new Date(`${localTime(instant, "Europe/Paris").date}T00:00:00Z`);
}

export function matrixToXlsx(rows: MatrixRow[], territoryName: string) {
  const sheet = {
    name: "Matrice",
    header: MATRIX_HEADER,
    rows: matrixLines(rows).map((line) => matrixCells(line).map((cell) => (cell instanceof Date ? parisDay(cell) : cell))),
    columnWidths: MATRIX_COLUMNS.map((column) => column.width),
  };
  return writeXlsx([sheet], { title: `Matrice — ${territoryName}` });
}
