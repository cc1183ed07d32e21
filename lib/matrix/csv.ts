/** The matrix as CSV (UTF-8 with BOM, ";"-separated, as French spreadsheets open it). */
import type { MatrixRow } from "./queries";

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with a quote. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const MATRIX_CSV_HEADER = ["Qui", "Quoi", "Besoins", "Posture", "Comment", "Pour qui", "Conditions", "Où", "Quand", "Tarif", "À apporter", "Transferts", "Vérifiée le", "Statut"];

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

export function matrixToCsv(rows: MatrixRow[]): string {
  const lines = rows.map((row) =>
    [
      row.qui,
      row.quoi.title,
      row.quoi.needs.join(", "),
      row.quoi.postures.join(", "),
      row.comment.accessModes.join(", "),
      row.comment.publics.join(", "),
      row.comment.conditions.join(" ; "),
      row.ou.join(" ; "),
      row.quand,
      [row.autres.fees.join(", "), row.autres.feeDetails].filter(Boolean).join(" — "),
      row.autres.documents.join(", "),
      row.autres.acceptsTransfers ? "oui" : "non",
      row.lastVerifiedAt ? dateFormat.format(row.lastVerifiedAt) : "",
      `${row.status === "draft" ? "brouillon" : "publiée"}${row.stale ? " — à vérifier" : ""}`,
    ]
      .map(csvCell)
      .join(";"),
  );
  return `\uFEFF${[MATRIX_CSV_HEADER.join(";"), ...lines].join("\r\n")}\r\n`;
}
