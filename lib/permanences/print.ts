/**
 * The printed sheet's rows: one per time slice (with the names already given in that slice, each
 * on its own row), then the walk-ins, then empty rows so that the paper has at least
 * `PRINT_MIN_ROWS` and always a few free ones to fill by hand. Every line is printed, however many.
 */
import type { SheetView } from "./sheets";
import { sliceOf } from "./rules";

export const PRINT_MIN_ROWS = 12;
const FREE_ROWS_AT_LEAST = 4;

export interface PrintRow {
  personLabel: string;
  timeMinute: number | null;
  request: string;
  walkIn: boolean;
}

export function printRows(sheet: Pick<SheetView, "occurrence" | "slices" | "lines">): PrintRow[] {
  const rows: PrintRow[] = [];
  const named = sheet.lines.filter((line) => !line.erased);
  for (const slice of sheet.slices) {
    const inSlice = named.filter((line) => line.timeMinute !== null && sliceOf(sheet.occurrence, line.timeMinute) === slice);
    if (inSlice.length === 0) rows.push({ personLabel: "", timeMinute: slice, request: "", walkIn: false });
    for (const line of inSlice) rows.push({ personLabel: line.personLabel ?? "", timeMinute: line.timeMinute, request: line.request ?? "", walkIn: line.walkIn });
  }
  for (const line of named.filter((candidate) => candidate.timeMinute === null)) rows.push({ personLabel: line.personLabel ?? "", timeMinute: null, request: line.request ?? "", walkIn: true });
  const free = Math.max(FREE_ROWS_AT_LEAST, PRINT_MIN_ROWS - rows.length);
  for (let index = 0; index < free; index++) rows.push({ personLabel: "", timeMinute: null, request: "", walkIn: false });
  return rows;
}
