/**
 * Reading import files before any standard is involved: size limit, encoding (UTF-8 with or
 * without BOM, else Windows-1252, as spreadsheets on Windows save), separator detection, and
 * RFC 4180 CSV by csv-parse (quoted fields, doubled quotes, line breaks inside quotes, empty lines).
 * Nothing here throws on bad input: problems come back as ImportIssues.
 */
import { parse, type CsvError } from "csv-parse/sync";
import { MAX_IMPORT_BYTES } from "./limits";
import type { ImportIssue } from "./model";

/** Files over this size are refused before anything is parsed. */
export { MAX_IMPORT_BYTES };

export function sizeIssue(bytes: number, max = MAX_IMPORT_BYTES): ImportIssue | null {
  if (bytes <= max) return null;
  const megabytes = (value: number) => `${(value / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
  return {
    row: 0,
    column: "",
    value: megabytes(bytes),
    why: `Fichier trop volumineux (${megabytes(bytes)}) : ${megabytes(max)} au plus. Découpez-le, par exemple par département.`,
    level: "error",
  };
}

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/**
 * A cell that starts as a spreadsheet formula would (=, +, -, @) and is not a number or a phone
 * number: importers keep it as inert text and report it with `FORMULA_CELL`.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@]/.test(value) && !NUMBER.test(value) && !/^\+\d[\d\s.]*$/.test(value);
}

export const FORMULA_CELL = "Cellule qui commence comme une formule de tableur (=, +, -, @) : gardée comme texte, jamais exécutée. Elle n'a pas de sens dans ce champ.";

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1252";
  bom: boolean;
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Decoded by hand: some Node builds' TextDecoder reads "windows-1252" as Latin-1 (no €, œ, –, ’). */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009F]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
  }
  return text;
}

/** UTF-8 (a BOM is dropped); bytes that are not valid UTF-8 are read as Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    return { text: decodeWindows1252(body), encoding: "windows-1252", bom };
  }
}

export interface CsvRecord {
  /** The file's line where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records, by csv-parse: quoted fields, doubled quotes, line breaks inside quotes; lines
 * may end with CRLF, LF or CR, even mixed; spaces around separators are dropped (not inside
 * quotes); a quote inside an unquoted field is kept as text, and so is text after a closing quote
 * (`"a"b`: the record is then read without dropping spaces); empty lines come back as records of
 * one empty cell. `unterminated` is the line of a record whose quote is never closed: the records
 * before it are returned, that record and the rest of the file are not.
 */
export function splitCsv(text: string, separator: string): { records: CsvRecord[]; unterminated: number | null } {
  try {
    return splitWith(text, separator, true);
  } catch (error) {
    if ((error as CsvError).code !== "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") throw error;
    return splitWith(text, separator, false);
  }
}

function splitWith(text: string, separator: string, trim: boolean): { records: CsvRecord[]; unterminated: number | null } {
  const records: CsvRecord[] = [];
  let nextLine = 1;
  try {
    parse(text, {
      delimiter: separator,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      trim,
      skip_empty_lines: false,
      on_record: (cells: string[]) => {
        records.push({ line: nextLine, cells });
        // The next record starts after this one's line breaks (csv-parse's own count takes a
        // CRLF inside quotes for two lines when several line endings are allowed).
        nextLine += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        return null;
      },
    });
  } catch (error) {
    if ((error as CsvError).code === "CSV_QUOTE_NOT_CLOSED") return { records, unterminated: nextLine };
    throw error;
  }
  return { records, unterminated: null };
}

const SEPARATORS = [",", ";", "\t", "|"] as const;
const separatorName = (separator: string) => (separator === "\t" ? "tabulation" : `« ${separator} »`);

/**
 * The separator of the header line: the one that splits it into the most known column names, or
 * (with no known names) the most frequent one outside quotes.
 */
export function detectSeparator(text: string, knownColumns: readonly string[] = []): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  let best: string = SEPARATORS[0];
  let bestScore = -1;
  for (const separator of SEPARATORS) {
    const header = splitCsv(firstLine, separator).records[0]?.cells.map((name) => name.trim()) ?? [];
    const known = header.filter((name) => knownColumns.includes(name)).length;
    const score = knownColumns.length > 0 ? known * 1000 + header.length : header.length;
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

export interface CsvTable {
  header: string[];
  /** Data records (empty lines left out), each as long as the header. */
  records: CsvRecord[];
  separator: string;
  encoding: DecodedText["encoding"];
  issues: ImportIssue[];
}

/**
 * A CSV file as a header and records. A separator other than `expectedSeparator` is detected,
 * used and reported; records shorter or longer than the header are reported (and padded or cut).
 */
export function readCsv(input: Uint8Array | string, options: { expectedSeparator?: string; knownColumns?: readonly string[] } = {}): CsvTable {
  const expected = options.expectedSeparator ?? ",";
  const decoded = typeof input === "string" ? { text: input.replace(/^\uFEFF/, ""), encoding: "utf-8" as const, bom: false } : decodeText(input);
  const issues: ImportIssue[] = [];
  if (decoded.encoding === "windows-1252") {
    issues.push({
      row: 0,
      column: "",
      value: "Windows-1252",
      why: "Fichier qui n'est pas en UTF-8 : lu comme Windows-1252 (Excel sous Windows). Vérifiez les accents dans l'aperçu.",
      level: "warning",
    });
  }
  const separator = detectSeparator(decoded.text, options.knownColumns);
  if (separator !== expected) {
    issues.push({
      row: 1,
      column: "",
      value: separatorName(separator),
      why: `Colonnes séparées par ${separatorName(separator)} au lieu de ${separatorName(expected)} : le fichier est lu quand même.`,
      level: "warning",
    });
  }
  const { records, unterminated } = splitCsv(decoded.text, separator);
  if (unterminated !== null) {
    issues.push({
      row: unterminated,
      column: "",
      value: "",
      why: "Guillemet ouvert jamais refermé : la fin du fichier, à partir de cette ligne, n'a pas été lue.",
      level: "error",
    });
  }
  const nonEmpty = records.filter((record) => record.cells.some((cell) => cell.trim() !== ""));
  const [headerRecord, ...data] = nonEmpty;
  const header = (headerRecord?.cells ?? []).map((name) => name.trim());
  for (const record of data) {
    if (record.cells.length !== header.length) {
      issues.push({
        row: record.line,
        column: "",
        value: String(record.cells.length),
        why: `${record.cells.length} cellules au lieu de ${header.length} (une par colonne de l'en-tête).`,
        level: record.cells.length > header.length && record.cells.slice(header.length).some((cell) => cell.trim()) ? "error" : "warning",
      });
      record.cells = header.map((_, index) => record.cells[index] ?? "");
    }
  }
  return { header, records: data, separator, encoding: decoded.encoding, issues };
}
