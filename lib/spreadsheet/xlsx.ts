/**
 * XLSX (Office Open XML spreadsheets) without a spreadsheet library: the package is a zip of a few
 * XML parts, and fflate does the zip. `writeXlsx` writes a minimal, valid workbook (what Excel,
 * LibreOffice and Numbers open without repair); `readXlsx` reads the cell values of any workbook as
 * text, for imports.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MAX_ROWS, parseCellRef } from "./cell-refs";
import { dateStyles, dateText, EPOCH_1900, EPOCH_1904, type DateKind } from "./dates";
import {
  contentTypesXml,
  corePropertiesXml,
  decodeSpreadsheetText,
  NS,
  relationshipsXml,
  SharedStrings,
  STYLES_XML,
  truncate,
  workbookXml,
  worksheetXml,
} from "./ooxml";
import { childElement, childElements, ownText, parseXml, stripForbiddenXmlChars, XmlSyntaxError, type XmlElement } from "./xml";

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

/**
 * A workbook of one or more sheets, each with a bold, frozen header row carrying an autofilter.
 * Text is written as shared strings, numbers as numbers, dates as dates (their UTC date and time:
 * spreadsheets know no time zones, so pass the wall-clock time you want shown). `title` goes in the
 * document's properties.
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
    "_rels/.rels": strToU8(
      relationshipsXml([
        ["officeDocument", "xl/workbook.xml"],
        ["metadata/core-properties", "docProps/core.xml", NS.packageRelationships],
      ]),
    ),
    "docProps/core.xml": strToU8(corePropertiesXml(options.title)),
    "xl/workbook.xml": strToU8(workbookXml(names, sheets)),
    "xl/_rels/workbook.xml.rels": strToU8(
      relationshipsXml([
        ...sheets.map((_, index): [string, string] => ["worksheet", `worksheets/sheet${index + 1}.xml`]),
        ["styles", "styles.xml"],
        ["sharedStrings", "sharedStrings.xml"],
      ]),
    ),
    "xl/styles.xml": strToU8(STYLES_XML),
    "xl/sharedStrings.xml": strToU8(strings.toXml()),
  };
  worksheets.forEach((xml, index) => (files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(xml)));
  // A fixed date on the zip's entries (fflate stamps them with the current time otherwise): the
  // same workbook is the same bytes, so a download's ETag holds. fflate needs 1980–2099, local time.
  // fflate allocates a plain ArrayBuffer; saying so lets the bytes be a Response's body.
  return zipSync(files, { mtime: new Date("2000-01-01T12:00:00Z") }) as Uint8Array<ArrayBuffer>;
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

// ————— Reading —————

/** Refusals worded for the person who chose the file. */
export class XlsxReadError extends Error {}

const NOT_XLSX = "Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice)";

/**
 * Every worksheet's values as text, in the workbook's order: shared and inline strings (rich text
 * runs joined), numbers as JavaScript writes them, booleans as TRUE/FALSE, errors as shown
 * (#N/A), formulas as their last computed value, and cells with a date format as ISO 8601
 * ("2026-02-01", "2026-02-01T10:30:00", or "10:30:00" for a time). Only the package's XML parts
 * are unzipped, and at most `maxUncompressedBytes` of them, so a zip bomb is refused before it is
 * inflated.
 */
export function readXlsx(bytes: Uint8Array, { maxUncompressedBytes = 50_000_000 } = {}): SheetRead[] {
  const parts = unzipParts(bytes, maxUncompressedBytes);
  try {
    return readWorkbook(parts);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new XlsxReadError(`${NOT_XLSX} : une de ses parties est illisible.`, { cause: error });
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
  } catch (error) {
    throw new XlsxReadError(`${NOT_XLSX} : ce n'est pas une archive zip lisible.`, { cause: error });
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

/** A shared or inline string: its text, or its runs' texts; phonetic hints (rPh) are not text. */
function richText(item: XmlElement | undefined): string {
  const runs = childElements(item).flatMap((child) => (child.name === "t" ? [child] : child.name === "r" ? childElements(child, "t") : []));
  return decodeSpreadsheetText(runs.map(ownText).join(""));
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
