/**
 * The matrix's export columns, shared by every export format so that they always carry the same
 * columns, and the matrix as CSV (UTF-8 with BOM, ";"-separated, as French spreadsheets open it).
 * The export is the Toile import template (lib/open-data/import/template.ts reads it back).
 */
import { stringify } from "csv-stringify/sync";
import type { MatrixPlace, MatrixRow } from "./queries";

/** Numbers (coordinates) stay numbers: a spreadsheet reads them as such, and they are never mistaken for formulas. */
export type MatrixCell = string | number | Date | null;

/**
 * One line of the export: an offer at one of its places (an offer held at two places is two
 * lines; an offer without a place, one line with `place` null). So each line says everything an
 * import needs of its place, and the export read back by the Toile template (docs/import-template.md)
 * gives the same places, communes, points, contacts and hours.
 */
export interface MatrixLine {
  row: MatrixRow;
  place: MatrixPlace | null;
}

export function matrixLines(rows: MatrixRow[]): MatrixLine[] {
  return rows.flatMap((row): MatrixLine[] => (row.places.length > 0 ? row.places.map((place) => ({ row, place })) : [{ row, place: null }]));
}


/**
 * Each export column: its header, what a line shows there, and its width in a spreadsheet
 * (characters). The readable columns first (the matrix's), then what an import needs to find or
 * create the same structure and place (ids of this territory, address, codes, point, contacts).
 */
export const MATRIX_COLUMNS: { header: string; width: number; cell: (line: MatrixLine) => MatrixCell }[] = [
  { header: "Qui", width: 32, cell: ({ row }) => row.qui },
  { header: "Quoi", width: 40, cell: ({ row }) => row.quoi.title },
  { header: "Besoins", width: 36, cell: ({ row }) => row.quoi.needs.join(", ") },
  { header: "Posture", width: 20, cell: ({ row }) => row.quoi.postures.join(", ") },
  { header: "Comment", width: 22, cell: ({ row }) => [...row.comment.accessModes, ...row.comment.modes].join(", ") },
  { header: "Pour qui", width: 26, cell: ({ row }) => row.comment.publics.join(", ") },
  { header: "Conditions", width: 30, cell: ({ row }) => row.comment.conditions.join(" ; ") },
  { header: "Où", width: 45, cell: ({ row, place }) => (place ? `${place.address}, ${place.postalCode} ${place.communeName}` : row.ou.join(" ; ")) },
  { header: "Quand", width: 45, cell: ({ row, place }) => place?.quand ?? row.quand },
  { header: "Tarif", width: 18, cell: ({ row }) => [row.autres.fees.join(", "), row.autres.feeDetails].filter(Boolean).join(" — ") },
  { header: "À apporter", width: 30, cell: ({ row }) => row.autres.documents.join(", ") },
  { header: "Transferts", width: 11, cell: ({ row }) => (row.autres.acceptsTransfers ? "oui" : "non") },
  { header: "Vérifiée le", width: 12, cell: ({ row }) => row.lastVerifiedAt },
  { header: "Statut", width: 22, cell: ({ row }) => `${row.status === "draft" ? "brouillon" : "publiée"}${row.stale ? " — à vérifier" : ""}` },
  { header: "Nom du lieu", width: 32, cell: ({ place }) => place?.name ?? null },
  { header: "Adresse", width: 32, cell: ({ place }) => place?.address ?? null },
  { header: "Complément d'adresse", width: 20, cell: ({ place }) => place?.addressComplement ?? null },
  { header: "Code postal", width: 11, cell: ({ place }) => place?.postalCode ?? null },
  { header: "Code INSEE", width: 11, cell: ({ place }) => place?.communeCode ?? null },
  { header: "Commune", width: 24, cell: ({ place }) => place?.communeName ?? null },
  { header: "Latitude", width: 11, cell: ({ place }) => place?.latitude ?? null },
  { header: "Longitude", width: 11, cell: ({ place }) => place?.longitude ?? null },
  { header: "Prise de rendez-vous", width: 30, cell: ({ place }) => place?.appointmentUrl ?? null },
  { header: "Téléphone", width: 16, cell: ({ row }) => row.structure.phone },
  { header: "Courriel", width: 28, cell: ({ row }) => row.structure.email },
  { header: "Site web", width: 30, cell: ({ row }) => row.structure.website },
  { header: "SIRET", width: 16, cell: ({ row }) => row.structure.siret },
  { header: "RNA", width: 12, cell: ({ row }) => row.structure.rna },
  { header: "Identifiant de la structure", width: 38, cell: ({ row }) => row.structure.id },
  { header: "Identifiant du lieu", width: 38, cell: ({ place }) => place?.id ?? null },
  { header: "Identifiant de l'offre", width: 38, cell: ({ row }) => row.offerId },
];

export const MATRIX_HEADER = MATRIX_COLUMNS.map((column) => column.header);

export function matrixCells(line: MatrixLine): MatrixCell[] {
  return MATRIX_COLUMNS.map((column) => column.cell(line));
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with a quote. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows as RFC 4180 CSV, by csv-stringify: CRLF, a cell quoted when it holds a quote (doubled), the
 * separator or a line break; every text cell first passes through `inert` (by default
 * `neutralise`, so no cell is a formula); numbers are written as JavaScript writes them. `bom` for spreadsheets that need it to read UTF-8.
 */
export function toCsv(rows: (string | number)[][], options: { separator: string; bom?: boolean; inert?: (value: string) => string }): string {
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
  const cells = matrixLines(rows).map((line) => matrixCells(line).map((cell) => (cell instanceof Date ? dateFormat.format(cell) : (cell ?? ""))));
  return toCsv([MATRIX_HEADER, ...cells], { separator: ";", bom: true });
}
