/**
 * The Toile template: the matrix export (lib/matrix/csv.ts `MATRIX_COLUMNS`, CSV or XLSX) read
 * back into ImportRows — one row per offer, as a coordinator's spreadsheet would be. Terms are
 * found by their label in the vocabularies of their column's role; hours by their plain-French
 * wording (as the matrix writes them) or an OSM string. An offer held at several places ("Où"
 * lists them with " ; ") gives one row per place. See docs/import-template.md.
 */
import vocabularies from "@/prisma/reference/vocabularies.json";
import { MATRIX_HEADER } from "@/lib/matrix/csv";
import type { Slot } from "@/lib/hours/rules";
import { readXlsx } from "@/lib/spreadsheet/xlsx";
import { OWN_VOCABULARIES, PUBLISHED_VOCABULARIES, type VocabularyRole } from "@/lib/vocabularies/sources";
import { dedupe, normaliseValue, type TermRef } from "../crosswalks";
import { parseOpeningHoursWithExceptions } from "../hours";
import { FORMULA_CELL, MAX_IMPORT_BYTES, looksLikeFormula, readCsv, sizeIssue } from "./csv";
import { MAX_IMPORT_XML_BYTES } from "./limits";
import type { ImportIssue, ImportResult, ImportRow } from "./model";
import { runStepsWith, type Pace, type Steps } from "./steps";

const fold = (value: string) => normaliseValue(value).toLocaleLowerCase("fr");

type PublishedFile = Record<string, { values?: { value: string; label: string }[] }>;
const LABELS = new Map<VocabularyRole, Map<string, TermRef>>();
const addLabel = (role: VocabularyRole, label: string, ref: TermRef) => {
  const byLabel = LABELS.get(role) ?? new Map<string, TermRef>();
  if (!byLabel.has(fold(label))) byLabel.set(fold(label), ref);
  LABELS.set(role, byLabel);
};
for (const vocabulary of OWN_VOCABULARIES) for (const term of vocabulary.terms) addLabel(vocabulary.role, term.label, [vocabulary.key, term.code]);
for (const vocabulary of PUBLISHED_VOCABULARIES) {
  for (const term of (vocabularies as unknown as PublishedFile)[vocabulary.key]?.values ?? []) addLabel(vocabulary.role, term.label, [vocabulary.key, term.value]);
}

/** The template's columns with the role of their terms. */
const TERM_COLUMNS: [header: string, roles: VocabularyRole[], separator: string][] = [
  ["Besoins", ["need"], ","],
  ["Posture", ["posture"], ","],
  ["Comment", ["access_mode", "contact_mode", "reception_mode", "accompaniment"], ","],
  ["Pour qui", ["public"], ","],
];

const DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const TIME = String.raw`(\d{1,2}) h(?: (\d{2}))?`;

function minutes(hours: string, rest: string | undefined) {
  return Number(hours) * 60 + Number(rest ?? 0);
}

/**
 * The matrix's plain French ("du mardi au vendredi de 10 h à 12 h et de 14 h à 17 h ; le samedi
 * de 9 h à 12 h sur rendez-vous ; fermé les jours fériés") as weekly slots, or null if it is not that.
 */
export function parseFrenchWeeklyHours(text: string): { slots: Slot[]; publicHolidays: "closed" | "open_as_usual" | "unknown" } | null {
  const slots: Slot[] = [];
  let publicHolidays: "closed" | "open_as_usual" | "unknown" = "unknown";
  for (const raw of text.split(";").map((part) => part.trim().toLocaleLowerCase("fr")).filter(Boolean)) {
    if (raw === "fermé les jours fériés") {
      publicHolidays = "closed";
      continue;
    }
    if (raw === "ouvert aussi les jours fériés") {
      publicHolidays = "open_as_usual";
      continue;
    }
    const appointmentOnly = raw.endsWith(" sur rendez-vous");
    const part = appointmentOnly ? raw.slice(0, -" sur rendez-vous".length) : raw;
    const at = part.indexOf(" de ");
    if (at < 0) return null;
    const days = dayList(part.slice(0, at));
    if (!days) return null;
    const ranges = part.slice(at + 1).split(" et ");
    for (const range of ranges) {
      const match = new RegExp(`^de ${TIME} à ${TIME}$`).exec(range.trim());
      if (!match) return null;
      const opensAtMinute = minutes(match[1]!, match[2]);
      const closesAtMinute = minutes(match[3]!, match[4]);
      if (opensAtMinute >= closesAtMinute) return null;
      for (const weekday of days) slots.push({ weekday, opensAtMinute, closesAtMinute, appointmentOnly });
    }
  }
  return slots.length > 0 ? { slots, publicHolidays } : null;
}

function dayList(phrase: string): number[] | null {
  const index = (name: string) => DAYS.indexOf(name.trim()) + 1 || null;
  let match = /^du (\S+) au (\S+)$/.exec(phrase);
  if (match) {
    const from = index(match[1]!);
    const to = index(match[2]!);
    return from && to && from < to ? Array.from({ length: to - from + 1 }, (_, offset) => from + offset) : null;
  }
  match = /^le (\S+)$/.exec(phrase);
  if (match) return index(match[1]!) ? [index(match[1]!)!] : null;
  match = /^les (.+) et (\S+)$/.exec(phrase);
  if (match) {
    const days = [...match[1]!.split(","), match[2]!].map(index);
    return days.every((day): day is number => day !== null) ? days : null;
  }
  return null;
}

export interface TemplateOptions {
  /** The postal codes of a French commune by name (server: lib/places/communes). */
  postalCodesOf?: (communeName: string) => string[];
}

/** "12 rue X, 02100 Saint-Aubin" or "12 rue X, Saint-Aubin" (the matrix's own wording). */
function placeOf(text: string, options: TemplateOptions): { address: string; postalCode: string; communeName: string } | { error: string } {
  const at = text.lastIndexOf(",");
  if (at < 0) return { error: "Adresse attendue sous la forme « 12 rue de la Gare, 02100 Commune »." };
  const address = text.slice(0, at).trim();
  const rest = text.slice(at + 1).trim();
  const withCode = /^(\d{5})\s+(.+)$/.exec(rest);
  if (withCode) return { address, postalCode: withCode[1]!, communeName: withCode[2]!.trim() };
  const codes = [...new Set(options.postalCodesOf?.(rest) ?? [])];
  if (codes.length === 1) return { address, postalCode: codes[0]!, communeName: rest };
  return { error: codes.length > 1 ? `Plusieurs codes postaux pour « ${rest} » : écrivez « ${codes[0]} ${rest} ».` : `Code postal manquant : écrivez « 02100 ${rest} ».` };
}

/**
 * The rows of a template table (header + records) as ImportRows, as steps: yields its progress
 * before each record (steps.ts). `line(i)` is the file's line of record i.
 */
function* templateRowSteps(header: string[], records: string[][], line: (index: number) => number, options: TemplateOptions = {}): Steps<ImportResult> {
  const issues: ImportIssue[] = [];
  const column = new Map(header.map((name, index) => [normaliseValue(name), index]));
  const missing = ["Qui", "Quoi", "Où"].filter((name) => !column.has(name));
  if (missing.length > 0) {
    return {
      format: "toile-template",
      version: null,
      rows: [],
      issues: [{ row: 1, column: missing.join(", "), value: header.slice(0, 5).join(", "), why: `Colonnes du modèle Toile absentes (${missing.join(", ")}) : est-ce bien la matrice exportée ?`, level: "error" }],
    };
  }
  for (const name of header) {
    if (name && !MATRIX_HEADER.includes(normaliseValue(name))) issues.push({ row: 1, column: name, value: name, why: "Colonne inconnue du modèle Toile : ignorée.", level: "warning" });
  }
  const rows: ImportRow[] = [];
  for (const [index, cells] of records.entries()) {
    yield { done: index, total: records.length };
    const row = line(index);
    const cell = (name: string) => normaliseValue(cells[column.get(name) ?? -1] ?? "").replace(/^'(?=[=+\-@])/, "");
    if (cells.every((value) => !value.trim())) continue;
    const report = (name: string, value: string, why: string, level: ImportIssue["level"] = "warning") => issues.push({ row, column: name, value, why, level });
    header.forEach((name, position) => {
      const value = normaliseValue(cells[position] ?? "").replace(/^'(?=[=+\-@])/, "");
      if (looksLikeFormula(value)) report(name, value, FORMULA_CELL);
    });
    const name = cell("Qui");
    const title = cell("Quoi");
    if (!name) report("Qui", "", "Nom de la structure vide : la ligne ne peut pas être importée.", "error");
    if (!title) report("Quoi", "", "Titre de l'offre vide : la ligne ne peut pas être importée.", "error");

    const terms: TermRef[] = [];
    for (const [header, roles, separator] of TERM_COLUMNS) {
      for (const label of cell(header).split(separator).map((value) => value.trim()).filter(Boolean)) {
        const ref = roles.map((role) => LABELS.get(role)?.get(fold(label))).find(Boolean);
        if (ref) terms.push(ref);
        else report(header, label, "Libellé inconnu des vocabulaires de Toile : non importé.");
      }
    }
    const [fees = "", feeDetails = ""] = cell("Tarif").split(" — ");
    for (const label of fees.split(",").map((value) => value.trim()).filter(Boolean)) {
      const ref = LABELS.get("fee")?.get(fold(label));
      if (ref) terms.push(ref);
      else report("Tarif", label, "Tarif inconnu (Gratuit, Payant…) : non importé.");
    }

    let hours: ImportRow["hours"] = null;
    const quand = cell("Quand");
    if (quand && quand !== "pas d'horaires indiqués") {
      const french = parseFrenchWeeklyHours(quand);
      const osm = french ? null : parseOpeningHoursWithExceptions(quand);
      if (french) hours = { raw: quand, slots: french.slots, exceptions: [], publicHolidays: french.publicHolidays, understood: true };
      else if (osm && osm.problems.length === 0 && osm.slots.length > 0) hours = { raw: quand, slots: osm.slots, exceptions: osm.exceptions, publicHolidays: osm.publicHolidays, understood: true };
      else report("Quand", quand, "Horaires illisibles (ni « du lundi au vendredi de 9 h à 12 h », ni OSM) : non importés.");
    }

    const where = cell("Où");
    const places = where.split(" ; ").map((value) => value.trim()).filter((value) => value && value !== "À distance");
    if (places.length === 0) report("Où", where, "Aucune adresse : une offre à distance ne s'importe pas encore (ajoutez-la dans Toile).", "error");
    const parsedPlaces = places.map((text) => placeOf(text, options));
    for (const [position, place] of parsedPlaces.entries()) if ("error" in place) report("Où", places[position]!, place.error, "error");
    if (issues.some((issue) => issue.row === row && issue.level === "error")) continue;

    for (const place of parsedPlaces) {
      if ("error" in place) continue;
      rows.push({
        sourceRow: row,
        sourceId: "",
        structure: { name, identifiers: [], email: null, phone: null, website: null, description: "", terms: [] },
        place: { name, address: place.address, addressComplement: null, postalCode: place.postalCode, communeCode: null, communeName: place.communeName, country: "FR", latitude: null, longitude: null },
        terms: dedupe(terms),
        hours,
        updatedOn: null,
        lmn: {},
        offer: {
          title,
          feeDetails: feeDetails.trim() || null,
          documentsToBring: cell("À apporter").split(",").map((value) => value.trim()).filter(Boolean),
          acceptsTransfers: fold(cell("Transferts")) === "oui",
        },
      });
    }
  }
  return { format: "toile-template", version: null, rows, issues };
}

/** A matrix exported as CSV (";", UTF-8 with BOM) or XLSX, read back as ImportRows (async: exceljs reads workbooks so). */
export async function parseToileTemplate(fileName: string, input: Uint8Array, options: TemplateOptions = {}, pace?: Pace): Promise<ImportResult> {
  const tooBig = sizeIssue(input.length, MAX_IMPORT_BYTES);
  if (tooBig) return { format: "toile-template", version: null, rows: [], issues: [tooBig] };
  if (/\.xlsx$/i.test(fileName) || (input[0] === 0x50 && input[1] === 0x4b)) {
    let sheets;
    try {
      sheets = await readXlsx(input, { maxUncompressedBytes: MAX_IMPORT_XML_BYTES });
    } catch (error) {
      return { format: "toile-template", version: null, rows: [], issues: [{ row: 0, column: "", value: fileName, why: (error as Error).message, level: "error" }] };
    }
    const [header = [], ...records] = sheets[0]?.rows ?? [];
    return runStepsWith(templateRowSteps(header.map(String), records.map((record) => record.map((value) => String(value ?? ""))), (index) => index + 2, options), pace);
  }
  const table = readCsv(input, { expectedSeparator: ";", knownColumns: MATRIX_HEADER });
  const result = await runStepsWith(templateRowSteps(table.header, table.records.map((record) => record.cells), (index) => table.records[index]!.line, options), pace);
  return { ...result, issues: [...table.issues, ...result.issues] };
}
