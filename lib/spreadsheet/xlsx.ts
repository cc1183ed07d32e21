/**
 * XLSX (Office Open XML spreadsheets) without a spreadsheet library: the package is a zip of a few
 * XML parts, and fflate does the zip. `writeXlsx` writes a minimal, valid workbook (what Excel,
 * LibreOffice and Numbers open without repair); `readXlsx` reads the cell values of any workbook as
 * text, for imports.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cellRef, columnName, MAX_ROWS, parseCellRef } from "./cell-refs";
import { childElement, childElements, escapeXml, ownText, parseXml, stripForbiddenXmlChars, XmlSyntaxError, type XmlElement } from "./xml";

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

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
};

/** Excel's limit on a cell's text; beyond it Excel asks to repair the file. */
const MAX_CELL_TEXT = 32_767;
/** Day 0 of spreadsheet dates (1900 date system; Excel's fictitious 29/02/1900 only shifts dates before March 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY = 86_400_000;

/** Indexes into styles.xml's cellXfs. */
const STYLE = { header: 1, date: 2, dateTime: 3 } as const;

const STYLES_XML = `${XML_DECLARATION}<styleSheet xmlns="${NS.main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// ————— Writing —————

/**
 * A workbook of one or more sheets, each with a bold, frozen header row carrying an autofilter.
 * Text is written as shared strings, numbers as numbers, dates as dates (their UTC date and time:
 * spreadsheets know no time zones, so pass the wall-clock time you want shown).
 *
 * Text is never a formula: a formula lives in its own element (`<f>`), which this writer never
 * writes, so a value such as `=HYPERLINK(…)` stays inert text in the cell. Unlike CSV, it is kept
 * as it is, without the leading quote: the quote would corrupt the value for anyone reading it back.
 */
export function writeXlsx(sheets: SheetToWrite[], options: { title?: string } = {}): Uint8Array<ArrayBuffer> {
  const strings = new SharedStrings();
  const taken = new Set<string>();
  const names = sheets.map((sheet, index) => sanitizeSheetName(sheet.name, taken, index));
  const worksheets = sheets.map((sheet) => worksheetXml(sheet, strings));
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypesXml(sheets.length)),
    "_rels/.rels": strToU8(relationshipsXml([
      ["officeDocument", "xl/workbook.xml"],
      ["metadata/core-properties", "docProps/core.xml", NS.packageRelationships],
    ])),
    "docProps/core.xml": strToU8(corePropertiesXml(options.title)),
    "xl/workbook.xml": strToU8(workbookXml(names, sheets)),
    "xl/_rels/workbook.xml.rels": strToU8(relationshipsXml([
      ...sheets.map((_, index): [string, string] => ["worksheet", `worksheets/sheet${index + 1}.xml`]),
      ["styles", "styles.xml"],
      ["sharedStrings", "sharedStrings.xml"],
    ])),
    "xl/styles.xml": strToU8(STYLES_XML),
    "xl/sharedStrings.xml": strToU8(strings.toXml()),
  };
  worksheets.forEach((xml, index) => (files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(xml)));
  // fflate allocates a plain ArrayBuffer; saying so lets the bytes be a Response's body.
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}

/**
 * A name Excel accepts: no []:*?/\, no apostrophe at either end, at most 31 characters, unique
 * in the workbook regardless of case ("History" is Excel's own).
 */
export function sanitizeSheetName(name: string, taken: Set<string>, index: number): string {
  const cleaned = stripForbiddenXmlChars(name).replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
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
 * OOXML writes a character XML cannot hold as `_xHHHH_`, so a reader decodes that pattern: text
 * that contains it literally must have its "_" escaped (as `_x005F_`) to come back unchanged.
 */
function toSpreadsheetText(value: string): string {
  return stripForbiddenXmlChars(truncate(value, MAX_CELL_TEXT)).replace(/_x[0-9a-f]{4}_/gi, (literal) => `_x005F_${literal.slice(1)}`);
}

class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private references = 0;

  indexOf(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) this.indexes.set(text, (index = this.indexes.size));
    return index;
  }

  toXml(): string {
    const items = [...this.indexes.keys()].map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="${NS.main}" count="${this.references}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  }
}

/** One cell, or nothing for an empty one (blank text, null, a number or date a spreadsheet cannot hold). */
function cellXml(value: CellValue, ref: string, strings: SharedStrings, style?: number): string {
  const cell = (content: string | number, ownStyle = style, type?: "s") =>
    `<c r="${ref}"${ownStyle === undefined ? "" : ` s="${ownStyle}"`}${type ? ` t="${type}"` : ""}><v>${content}</v></c>`;
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? cell(value) : "";
  if (value instanceof Date) {
    const serial = (value.getTime() - EPOCH_1900) / DAY;
    if (!Number.isFinite(serial)) return "";
    return cell(serial, Number.isInteger(serial) ? STYLE.date : STYLE.dateTime);
  }
  const text = toSpreadsheetText(value);
  return text === "" ? "" : cell(strings.indexOf(text), style, "s");
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

/** The columns a sheet uses (header or rows), and the cell at the bottom right of its data. */
function extent(sheet: SheetToWrite) {
  const columns = sheet.rows.reduce((most, row) => Math.max(most, row.length), sheet.header.length);
  return { columns, lastColumn: Math.max(columns, 1) - 1, lastRow: sheet.rows.length };
}

function worksheetXml(sheet: SheetToWrite, strings: SharedStrings): string {
  const { columns, lastColumn, lastRow } = extent(sheet);
  const range = `A1:${cellRef(lastColumn, lastRow)}`;
  const header = `<row r="1">${sheet.header.map((title, column) => cellXml(title, cellRef(column, 0), strings, STYLE.header)).join("")}</row>`;
  const body = sheet.rows.map(
    (cells, index) => `<row r="${index + 2}">${cells.map((value, column) => cellXml(value, cellRef(column, index + 1), strings)).join("")}</row>`,
  );
  const widths = sheet.columnWidths ?? defaultWidths(sheet.header, sheet.rows, columns);
  const cols = widths.map((width, column) => `<col min="${column + 1}" max="${column + 1}" width="${Math.min(255, Math.max(1, width))}" customWidth="1"/>`);
  const hasHeader = sheet.header.length > 0;
  const frozenHeader = `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`;
  return (
    `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<dimension ref="${range}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${hasHeader ? frozenHeader : ""}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "") +
    `<sheetData>${header}${body.join("")}</sheetData>` +
    (hasHeader ? `<autoFilter ref="${range}"/>` : "") +
    `</worksheet>`
  );
}

function workbookXml(names: string[], sheets: SheetToWrite[]): string {
  const sheetElements = names.map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`);
  // Excel records each autofilter's range under this hidden name, and expects it.
  const filterRanges = sheets.flatMap((sheet, index) => {
    if (sheet.header.length === 0) return [];
    const { lastColumn, lastRow } = extent(sheet);
    const quotedName = `'${names[index]!.replace(/'/g, "''")}'`;
    const range = `${quotedName}!$A$1:$${columnName(lastColumn)}$${lastRow + 1}`;
    return [`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(range)}</definedName>`];
  });
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<bookViews><workbookView/></bookViews><sheets>${sheetElements.join("")}</sheets>` +
    (filterRanges.length > 0 ? `<definedNames>${filterRanges.join("")}</definedNames>` : "") +
    `</workbook>`
  );
}

function relationshipsXml(relationships: [type: string, target: string, namespace?: string][]): string {
  const items = relationships.map(
    ([type, target, namespace = NS.relationships], index) => `<Relationship Id="rId${index + 1}" Type="${namespace}/${type}" Target="${target}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">${items.join("")}</Relationships>`;
}

function contentTypesXml(sheetCount: number): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    override("xl/workbook.xml", CONTENT_TYPE.workbook) +
    Array.from({ length: sheetCount }, (_, index) => override(`xl/worksheets/sheet${index + 1}.xml`, CONTENT_TYPE.worksheet)).join("") +
    override("xl/styles.xml", CONTENT_TYPE.styles) +
    override("xl/sharedStrings.xml", CONTENT_TYPE.sharedStrings) +
    override("docProps/core.xml", CONTENT_TYPE.coreProperties) +
    `</Types>`
  );
}

function corePropertiesXml(title: string | undefined): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    (title ? `<dc:title>${escapeXml(title)}</dc:title>` : "") +
    `<dc:creator>Toile</dc:creator></cp:coreProperties>`
  );
}

// ————— Reading —————

/** Refusals worded for the person who chose the file. */
export class XlsxReadError extends Error {}

const NOT_XLSX = "Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice)";

/**
 * Every worksheet's values as text, in the workbook's order: shared and inline strings (rich text
 * runs joined), numbers as JavaScript writes them, booleans as TRUE/FALSE, errors as shown
 * (#N/A), formulas as their last computed value, and cells with a date format as ISO 8601
 * ("2026-02-01", "2026-02-01T10:30:00", or "10:30:00" for a time). Only the package's XML parts are unzipped,
 * and at most `maxUncompressedBytes` of them, so a zip bomb is refused before it is inflated.
 */
export function readXlsx(bytes: Uint8Array, { maxUncompressedBytes = 50_000_000 } = {}): SheetRead[] {
  const parts = unzipParts(bytes, maxUncompressedBytes);
  try {
    return readWorkbook(parts);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new XlsxReadError(`${NOT_XLSX} : une de ses parties est illisible (${error.message}).`);
    throw error;
  }
}

function unzipParts(bytes: Uint8Array, maxUncompressedBytes: number): Map<string, string> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => /\.(xml|rels)$/i.test(file.name) && (total += file.originalSize) <= maxUncompressedBytes,
    });
  } catch {
    throw new XlsxReadError(`${NOT_XLSX} : ce n'est pas une archive zip.`);
  }
  if (total > maxUncompressedBytes) throw new XlsxReadError("Ce classeur est trop volumineux pour être lu.");
  // Part names are case-insensitive (Open Packaging Conventions).
  return new Map(Object.entries(files).map(([name, data]) => [name.toLowerCase(), strFromU8(data)]));
}

function readWorkbook(parts: Map<string, string>): SheetRead[] {
  const part = (path: string) => {
    const text = parts.get(path.toLowerCase());
    return text === undefined ? undefined : parseXml(text);
  };
  const packageRelationships = readRelationships(part("_rels/.rels"), "");
  const workbookPath = packageRelationships.find((relation) => relation.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const workbook = part(workbookPath);
  if (!workbook || workbook.name !== "workbook") throw new XlsxReadError(`${NOT_XLSX} : il ne contient pas de classeur.`);

  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const relationships = readRelationships(part(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`), folder);
  const related = (type: string) => relationships.find((relation) => relation.type === type)?.target;
  const sharedStringsPath = related("sharedStrings");
  const stylesPath = related("styles");
  const context: CellContext = {
    sharedStrings: childElements(sharedStringsPath ? part(sharedStringsPath) : undefined, "si").map(richText),
    dateStyles: dateStyles(stylesPath ? part(stylesPath) : undefined),
    epoch: ["1", "true"].includes(childElement(workbook, "workbookPr")?.attributes.date1904 ?? "") ? EPOCH_1904 : EPOCH_1900,
  };

  return childElements(childElement(workbook, "sheets"), "sheet").flatMap((sheet) => {
    const relation = relationships.find((candidate) => candidate.id === sheet.attributes.id);
    if (relation?.type !== "worksheet") return []; // chart sheets and dialog sheets hold no cells
    const name = sheet.attributes.name ?? "";
    const worksheet = part(relation.target);
    if (!worksheet) throw new XlsxReadError(`Ce classeur est incomplet : la feuille « ${name} » manque.`);
    return [{ name, rows: readRows(worksheet, context) }];
  });
}

interface Relationship {
  id: string;
  /** The last segment of the type's URI ("worksheet"), the same in transitional and strict OOXML. */
  type: string;
  /** Path of the target part inside the zip. */
  target: string;
}

function readRelationships(relationships: XmlElement | undefined, folder: string): Relationship[] {
  return childElements(relationships, "Relationship").map(({ attributes }) => ({
    id: attributes.Id ?? "",
    type: (attributes.Type ?? "").slice((attributes.Type ?? "").lastIndexOf("/") + 1),
    target: resolvePartPath(folder, attributes.Target ?? ""),
  }));
}

function resolvePartPath(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith("/") ? target : folder + target).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

interface CellContext {
  sharedStrings: string[];
  dateStyles: Map<number, DateKind>;
  epoch: number;
}

function decodeSpreadsheetText(text: string): string {
  return text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A shared or inline string: its text, or its runs' texts; phonetic hints (rPh) are not text. */
function richText(item: XmlElement | undefined): string {
  const runs = childElements(item).flatMap((child) => (child.name === "t" ? [child] : child.name === "r" ? childElements(child, "t") : []));
  return decodeSpreadsheetText(runs.map(ownText).join(""));
}

/** Built-in number formats that show dates (14–17, 22; 27–36 and 50–58 are East Asian ones) or times of day alone. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILT_IN_TIME_FORMATS = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

type DateKind = "date" | "time";

/**
 * What a format code shows, judged outside quoted text, escapes, padding and [colour/locale] tags
 * (but not [h] and the like, elapsed times): d or y is a date; h or s without them, a time.
 */
function dateKindOfFormat(code: string): DateKind | undefined {
  const shown = (code.split(";")[0] ?? "").replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, "");
  if (/[dy]/i.test(shown)) return "date";
  if (/[hs]/i.test(shown)) return "time";
  return /m/i.test(shown) ? "date" : undefined; // "mmmm": a month
}

/** Which cell styles (indexes into cellXfs) show a date or a time. */
function dateStyles(styles: XmlElement | undefined): Map<number, DateKind> {
  const customFormats = new Map(
    childElements(childElement(styles, "numFmts"), "numFmt").map(({ attributes }) => [Number(attributes.numFmtId), attributes.formatCode ?? ""]),
  );
  const kinds = new Map<number, DateKind>();
  childElements(childElement(styles, "cellXfs"), "xf").forEach(({ attributes }, index) => {
    const formatId = Number(attributes.numFmtId ?? 0);
    const custom = customFormats.get(formatId);
    const kind =
      custom !== undefined
        ? dateKindOfFormat(custom)
        : BUILT_IN_DATE_FORMATS.has(formatId)
          ? "date"
          : BUILT_IN_TIME_FORMATS.has(formatId)
            ? "time"
            : undefined;
    if (kind) kinds.set(index, kind);
  });
  return kinds;
}

/** A date serial as ISO 8601: "2026-02-01", "2026-02-01T10:30:00", or "10:30:00" for a time. */
function dateText(serial: number, epoch: number, kind: DateKind): string | undefined {
  const time = epoch + Math.round(serial * 86_400) * 1000;
  if (Math.abs(time) > 8.64e15) return undefined;
  const iso = new Date(time).toISOString();
  if (kind === "time") return iso.slice(11, 19);
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19);
}

function cellText(cell: XmlElement, context: CellContext): string {
  const value = ownText(childElement(cell, "v"));
  switch (cell.attributes.t ?? "n") {
    case "s":
      return context.sharedStrings[Number(value)] ?? "";
    case "inlineStr":
      return richText(childElement(cell, "is"));
    case "str": // a formula's text result
      return decodeSpreadsheetText(value);
    case "b":
      return value.trim() === "1" || value.trim() === "true" ? "TRUE" : "FALSE";
    case "e":
    case "d": // already ISO 8601
      return value.trim();
    default: {
      const number = Number(value.trim());
      if (value.trim() === "" || !Number.isFinite(number)) return value.trim();
      const kind = context.dateStyles.get(Number(cell.attributes.s ?? 0));
      const date = kind ? dateText(number, context.epoch, kind) : undefined;
      return date ?? String(number);
    }
  }
}

function readRows(worksheet: XmlElement, context: CellContext): string[][] {
  const rows: string[][] = [];
  let nextRow = 0;
  for (const row of childElements(childElement(worksheet, "sheetData"), "row")) {
    // Writers may leave out row and cell references; then cells follow each other.
    const number = Number(row.attributes.r);
    const rowIndex = Number.isInteger(number) && number >= 1 && number <= MAX_ROWS ? number - 1 : nextRow;
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cell of childElements(row, "c")) {
      const ref = cell.attributes.r;
      const column = ref === undefined ? nextColumn : parseCellRef(ref)?.column;
      if (column === undefined) throw new XlsxReadError(`${NOT_XLSX} : la cellule « ${ref} » n'existe pas dans un tableur.`);
      nextColumn = column + 1;
      const text = cellText(cell, context);
      if (text !== "") cells[column] = text;
    }
    rows[rowIndex] = Array.from(cells, (text) => text ?? "");
  }
  const filled = Array.from(rows, (row) => row ?? []);
  while (filled.length > 0 && filled[filled.length - 1]!.length === 0) filled.pop();
  return filled;
}
