/**
 * The matrix's export columns, shared by every export format so that they always carry the same
 * columns, and the matrix as CSV (UTF-8 with BOM, ";"-separated, as French spreadsheets open it).
 */
import { stringify } from "csv-stringify/sync";
import type { MatrixRow } from "./queries";

export type MatrixCell = string | Date | null;

/** Each export column: its header, what a row shows there, and its width in a spreadsheet (characters). */
export const MATRIX_COLUMNS: { header: string; width: number; cell: (row: MatrixRow) => MatrixCell }[] = [
  { header: "Qui", width: 32, cell: (row) => row.qui },
  { header: "Quoi", width: 40, cell: (row) => row.quoi.title },
  { header: "Besoins", width: 36, cell: (row) => row.quoi.needs.join(", ") },
  { header: "Posture", width: 20, cell: (row) => row.quoi.postures.join(", ") },
  { header: "Comment", width: 22, cell: (row) => row.comment.accessModes.join(", ") },
  { header: "Pour qui", width: 26, cell: (row) => row.comment.publics.join(", ") },
  { header: "Conditions", width: 30, cell: (row) => row.comment.conditions.join(" ; ") },
  { header: "Où", width: 45, cell: (row) => row.ou.join(" ; ") },
  { header: "Quand", width: 45, cell: (row) => row.quand },
  { header: "Tarif", width: 18, cell: (row) => [row.autres.fees.join(", "), row.autres.feeDetails].filter(Boolean).join(" — ") },
  { header: "À apporter", width: 30, cell: (row) => row.autres.documents.join(", ") },
  { header: "Transferts", width: 11, cell: (row) => (row.autres.acceptsTransfers ? "oui" : "non") },
  { header: "Vérifiée le", width: 12, cell: (row) => row.lastVerifiedAt },
  { header: "Statut", width: 22, cell: (row) => `${row.status === "draft" ? "brouillon" : "publiée"}${row.stale ? " — à vérifier" : ""}` },
];

export const MATRIX_HEADER = MATRIX_COLUMNS.map((column) => column.header);

export function matrixCells(row: MatrixRow): MatrixCell[] {
  return MATRIX_COLUMNS.map((column) => column.cell(row));
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with a quote. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows as RFC 4180 CSV, by csv-stringify: CRLF, a cell quoted when it holds a quote (doubled), the
 * separator or a line break; every text cell first passes through `inert` (by default
 * `neutralise`, so no cell is a formula). `bom` for spreadsheets that need it to read UTF-8.
 */
export function toCsv(rows: string[][], options: { separator: string; bom?: boolean; inert?: (value: string) => string }): string {
  return stringify(rows, {
    delimiter: options.separator,
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
    bom: options.bom ?? false,
    cast: { string: options.inert ?? neutralise },
  });
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

/** The matrix as CSV: UTF-8 with BOM, ";"-separated, as French spreadsheets open it. */
export function matrixToCsv(rows: MatrixRow[]): string {
  const cells = rows.map((row) => matrixCells(row).map((cell) => (cell instanceof Date ? dateFormat.format(cell) : (cell ?? ""))));
  return toCsv([MATRIX_HEADER, ...cells], { separator: ";", bom: true });
}
