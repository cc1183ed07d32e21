/**
 * XLSX (Office Open XML spreadsheets) with exceljs. `writeXlsx` writes workbooks with Toile's rules
 * (bold, frozen, filtered header; real dates; text never a formula; the same bytes for the same
 * workbook); `readXlsx` reads the cell values of any workbook as text, for imports, after checking
 * the zip itself with fflate so that a zip bomb or a file that is no zip is refused, in French,
 * before anything is inflated.
 */
import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Unzipped } from "fflate";

export type CellValue = string | number | Date | null;

export interface SheetToWrite {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** In characters, per column; by default from the longest value (within 8 and 60). */
  columnWidths?: number[];
}

export interface SheetRead {
  name: string;
  /** rows[4][2] is cell C5. Empty cells are "", a row ends at its last value, trailing empty rows are dropped. */
  rows: string[][];
}

// ————— Writing —————

/** Excel's limit on a cell's text; beyond it Excel asks to repair the file. */
const MAX_CELL_TEXT = 32_767;
/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates). */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** The workbook's dates and its zip entries' dates: fixed, so that a download's ETag holds. */
const FIXED_DATE = new Date("2000-01-01T12:00:00Z");
const DATE_FORMAT = "dd/mm/yyyy";
const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";

/** At most `length` UTF-16 units, never cutting a character in two. */
function truncate(value: string, length: number): string {
  if (value.length <= length) return value;
  let result = "";
  for (const char of value) {
    if (result.length + char.length > length) break;
    result += char;
  }
  return result;
}

/**
 * Text as a cell can hold it. OOXML writes a character XML cannot hold as `_xHHHH_`, and readers
 * decode that pattern: text that contains it literally has its "_" escaped (`_x005F_`) to come back
 * unchanged, and a carriage return (which an XML parser would turn into a line feed) is written so.
 */
function spreadsheetText(value: string): string {
  return truncate(value.replace(FORBIDDEN_IN_XML, ""), MAX_CELL_TEXT)
    .replace(/_x[0-9a-f]{4}_/gi, (literal) => `_x005F_${literal.slice(1)}`)
    .replace(/\r/g, "_x000D_");
}

function displayedLength(value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return 16;
  return Math.max(...String(value).split("\n").map((line) => line.length));
}

function defaultWidths(header: string[], rows: CellValue[][], columns: number): number[] {
  return Array.from({ length: columns }, (_, column) => {
    let longest = (header[column] ?? "").length;
    for (const row of rows) longest = Math.max(longest, displayedLength(row[column] ?? null));
    return Math.min(60, Math.max(8, longest + 2));
  });
}

/** Sets a cell, or leaves it empty (blank text, null, a number or a date a spreadsheet cannot hold). */
function setCell(cell: ExcelJS.Cell, value: CellValue) {
  if (value === null) return;
  if (typeof value === "number") {
    if (Number.isFinite(value)) cell.value = value;
    return;
  }
  if (value instanceof Date) {
    if (!Number.isFinite(value.getTime())) return;
    cell.value = value;
    // A date alone when it falls at midnight UTC (a day), else a date and time.
    cell.numFmt = value.getTime() % 86_400_000 === 0 ? DATE_FORMAT : DATE_TIME_FORMAT;
    return;
  }
  const text = spreadsheetText(value);
  // A string value is always written as text (a shared string): exceljs writes a formula only for
  // a `{ formula }` object, which this writer never makes. So `=HYPERLINK(…)` stays inert text,
  // kept as it is, without CSV's leading quote (which would corrupt the value read back).
  if (text !== "") cell.value = text;
}

/**
 * A workbook of one or more sheets, each with a bold, frozen header row carrying an autofilter.
 * Text is written as shared strings, numbers as numbers, dates as dates (their UTC date and time:
 * spreadsheets know no time zones, so pass the wall-clock time you want shown). `title` goes in the
 * document's properties.
 */
export async function writeXlsx(sheets: SheetToWrite[], options: { title?: string } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Toile";
  workbook.lastModifiedBy = "Toile";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  if (options.title) workbook.title = options.title.replace(FORBIDDEN_IN_XML, "");
  const taken = new Set<string>();
  sheets.forEach((sheet, index) => {
    const hasHeader = sheet.header.length > 0;
    const worksheet = workbook.addWorksheet(sanitizeSheetName(sheet.name, taken, index), {
      views: hasHeader ? [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] : [],
    });
    const columns = sheet.rows.reduce((most, row) => Math.max(most, row.length), sheet.header.length);
    const widths = sheet.columnWidths ?? defaultWidths(sheet.header, sheet.rows, columns);
    widths.forEach((width, column) => (worksheet.getColumn(column + 1).width = Math.min(255, Math.max(1, width))));
    const header = worksheet.getRow(1);
    sheet.header.forEach((title, column) => {
      const cell = header.getCell(column + 1);
      setCell(cell, title);
      cell.font = { bold: true };
    });
    sheet.rows.forEach((cells, index) => {
      const row = worksheet.getRow(index + 2);
      cells.forEach((value, column) => setCell(row.getCell(column + 1), value));
    });
    if (hasHeader) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: Math.max(columns, 1) } };
  });
  const written = new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true }));
  // exceljs stamps the zip's entries with the current time: the parts are packed again with a
  // fixed one, so the same workbook is the same bytes (fflate needs 1980–2099, local time).
  return zipSync(unzipSync(written), { mtime: FIXED_DATE }) as Uint8Array<ArrayBuffer>;
}

/**
 * A name Excel accepts: no []:*?/\, no apostrophe at either end, at most 31 characters, unique
 * in the workbook regardless of case ("History" is Excel's own).
 */
export function sanitizeSheetName(name: string, taken: Set<string>, index: number): string {
  const cleaned = name.replace(FORBIDDEN_IN_XML, "").replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  const base = cleaned || `Feuille ${index + 1}`;
  for (let copy = 1; ; copy++) {
    const suffix = copy === 1 ? "" : ` (${copy})`;
    const candidate = truncate(base, 31 - suffix.length).trimEnd() + suffix;
    const key = candidate.toLocaleLowerCase("en");
    if (!taken.has(key) && key !== "history") {
      taken.add(key);
      return candidate;
    }
  }
}

// ————— Reading —————

/** Refusals worded for the person who chose the file. */
export class XlsxReadError extends Error {}

const NOT_XLSX = "Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice)";
/** An entry that inflates more than this many times its compressed size is a zip bomb (DEFLATE's own limit is about 1032). */
const MAX_EXPANSION_RATIO = 1000;

/**
 * The package's XML parts, checked from the zip's central directory before any is inflated: a file
 * that is no zip, an entry declared to expand a thousandfold or more, or parts adding up to more
 * than `maxUncompressedBytes` are refused. fflate inflates each part into a buffer of its declared
 * size, so an entry that lies about its size cannot take more memory than it declared (its text
 * comes out cut, and is then refused as unreadable). Other entries (images, fonts) are left packed.
 */
function checkedParts(bytes: Uint8Array, maxUncompressedBytes: number): Unzipped {
  let total = 0;
  let bomb = false;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize >= MAX_EXPANSION_RATIO * Math.max(file.size, 1)) bomb = true;
        const wanted = /\.(xml|rels)$/i.test(file.name);
        if (wanted) total += file.originalSize;
        return wanted && !bomb && total <= maxUncompressedBytes;
      },
    });
  } catch (error) {
    throw new XlsxReadError(`${NOT_XLSX} : ce n'est pas une archive zip lisible.`, { cause: error });
  }
  if (bomb) throw new XlsxReadError(`${NOT_XLSX} : une de ses parties grossit plus de ${MAX_EXPANSION_RATIO} fois à la décompression (bombe zip).`);
  if (total > maxUncompressedBytes) {
    const megabytes = Math.round(maxUncompressedBytes / 1024 / 1024);
    throw new XlsxReadError(`Ce classeur est trop volumineux pour être lu (plus de ${megabytes} Mo une fois décompressé) : découpez-le, ou enregistrez-le en CSV.`);
  }
  if (!files["xl/workbook.xml"]) throw new XlsxReadError(`${NOT_XLSX} : il ne contient pas de classeur.`);
  return files;
}

/**
 * Every worksheet's values as text, in the workbook's order: strings (rich text runs joined),
 * numbers as JavaScript writes them, booleans as TRUE/FALSE, errors as shown (#N/A), formulas as
 * their last computed value, hyperlinks as their text, and cells with a date format as ISO 8601
 * ("2026-02-01", "2026-02-01T10:30:00", or "10:30:00" for a time).
 */
export async function readXlsx(bytes: Uint8Array, { maxUncompressedBytes = 50_000_000 } = {}): Promise<SheetRead[]> {
  const parts = checkedParts(bytes, maxUncompressedBytes);
  // exceljs inflates every entry it is given: it gets the checked parts, stored (not compressed).
  const stored = zipSync(parts, { level: 0 });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new XlsxReadError(`${NOT_XLSX} : une de ses parties est illisible.`, { cause: error });
  }
  return workbook.worksheets.map((worksheet) => ({ name: worksheet.name, rows: readRows(worksheet) }));
}

function readRows(worksheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const text = cellText(cell.value, cell.numFmt);
      if (text !== "") cells[columnNumber - 1] = text;
    });
    rows[rowNumber - 1] = Array.from(cells, (text) => text ?? "");
  });
  const filled = Array.from(rows, (row) => row ?? []);
  while (filled.length > 0 && filled[filled.length - 1]!.length === 0) filled.pop();
  return filled;
}

/** A format that shows a time of day without a date (outside quoted text, escapes and [tags]). */
function showsTimeOnly(format: string | undefined): boolean {
  const shown = (format ?? "").split(";")[0]!.replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, "");
  return !/[dy]/i.test(shown) && /[hs]/i.test(shown);
}

function dateText(date: Date, format: string | undefined): string {
  if (!Number.isFinite(date.getTime())) return "";
  const iso = date.toISOString();
  if (showsTimeOnly(format)) return iso.slice(11, 19);
  return iso.slice(11, 19) === "00:00:00" ? iso.slice(0, 10) : iso.slice(0, 19);
}

function cellText(value: ExcelJS.CellValue | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value, format);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue, format);
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue, format);
  return "";
}
