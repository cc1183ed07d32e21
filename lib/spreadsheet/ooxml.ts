/**
 * The parts of an Office Open XML workbook as this project writes them (minimal: what Excel,
 * LibreOffice and Numbers open without repair), and OOXML's escape for characters XML cannot hold.
 */
import { cellRef, columnName } from "./cell-refs";
import { dateSerial } from "./dates";
import { escapeXml, stripForbiddenXmlChars } from "./xml";
import type { CellValue, SheetToWrite } from "./xlsx";

export const NS = {
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

/** Indexes into styles.xml's cellXfs. */
const STYLE = { header: 1, date: 2, dateTime: 3 } as const;

export const STYLES_XML = `${XML_DECLARATION}<styleSheet xmlns="${NS.main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** At most `length` UTF-16 units, never cutting a character in two. */
export function truncate(value: string, length: number): string {
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

export class SharedStrings {
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
    const serial = dateSerial(value);
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

export function worksheetXml(sheet: SheetToWrite, strings: SharedStrings): string {
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

export function workbookXml(names: string[], sheets: SheetToWrite[]): string {
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

export function relationshipsXml(relationships: [type: string, target: string, namespace?: string][]): string {
  const items = relationships.map(
    ([type, target, namespace = NS.relationships], index) => `<Relationship Id="rId${index + 1}" Type="${namespace}/${type}" Target="${target}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">${items.join("")}</Relationships>`;
}

export function contentTypesXml(sheetCount: number): string {
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

export function corePropertiesXml(title: string | undefined): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    (title ? `<dc:title>${escapeXml(title)}</dc:title>` : "") +
    `<dc:creator>Toile</dc:creator></cp:coreProperties>`
  );
}

/** Reads OOXML's escape back (see `toSpreadsheetText`). */
export function decodeSpreadsheetText(text: string): string {
  return text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
