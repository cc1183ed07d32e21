/** A1-style cell references: columns A…Z, AA…ZZ, AAA…XFD; rows from 1. Indexes here start at 0. */

/** Excel's limits; a reference beyond them is not a spreadsheet's (and would make huge arrays). */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** 0 → "A", 25 → "Z", 26 → "AA", 701 → "ZZ", 702 → "AAA". */
export function columnName(index: number): string {
  let name = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

export function cellRef(column: number, row: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** "C5" → { column: 2, row: 4 }; undefined when it is not a reference within Excel's limits. */
export function parseCellRef(ref: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!match) return undefined;
  const column = [...match[1]!.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  return column < MAX_COLUMNS && row >= 0 && row < MAX_ROWS ? { column, row } : undefined;
}
