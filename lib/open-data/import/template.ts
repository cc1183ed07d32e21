/**
 * The Toile template: the matrix export (lib/matrix/csv.ts `MATRIX_COLUMNS`, CSV or XLSX) read
 * back into ImportRows — one row per offer, as a coordinator's spreadsheet would be. Terms are
 * found by their label in the vocabularies of their column's role; hours by their plain-French
 * wording (as the matrix writes them) or an OSM string. An offer held at several places ("Où"
 * lists them with " ; ") gives one row per place. See docs/import-template.md.
 */
import vocabularies from "@/prisma/reference/vocabularies.json";
import { readConditions } from "@/lib/matrix/conditions";
import { MATRIX_HEADER } from "@/lib/matrix/csv";
import type { Slot } from "@/lib/hours/rules";
import { DECIMAL_COMMA, readCheckedPoint } from "@/lib/places/coordinates";
import { readXlsx } from "@/lib/spreadsheet/xlsx";
import { matchCommune, type Commune } from "@/lib/places/commune-names";
import type { CommuneCandidate } from "@/lib/places/communes";
import { OWN_VOCABULARIES, PUBLISHED_VOCABULARIES, type VocabularyRole } from "@/lib/vocabularies/sources";
import { dedupe, normaliseValue, type TermRef } from "../crosswalks";
import { parseOpeningHoursWithExceptions } from "../hours";
import { FORMULA_CELL, MAX_IMPORT_BYTES, looksLikeFormula, readCsv, sizeIssue } from "./csv";
import { MAX_IMPORT_XML_BYTES } from "./limits";
import type { ImportIssue, ImportResult, ImportRow } from "./model";
import { runStepsWith, type Pace, type Steps } from "./steps";

const fold = (value: string) => normaliseValue(value).toLocaleLowerCase("fr");

type PublishedFile = Record<string, { values?: { value: string; label: string }[] }>;
/** Terms by role and folded label; a few labels are in two vocabularies of one role (« Jeunes », « Gratuit »). */
const LABELS = new Map<VocabularyRole, Map<string, TermRef[]>>();
const addLabel = (role: VocabularyRole, label: string, ref: TermRef) => {
  const byLabel = LABELS.get(role) ?? new Map<string, TermRef[]>();
  byLabel.set(fold(label), [...(byLabel.get(fold(label)) ?? []), ref]);
  LABELS.set(role, byLabel);
};

/**
 * The terms of a cell's labels. A label of two vocabularies is taken in the vocabulary of the
 * cell's other labels (« Jeunes, Seniors » from an LMN import are LMN's), else in the first; the
 * plan then prefers the one the existing offer has (`sameLabelTerms`).
 */
function termsOfLabels(labels: string[], roles: VocabularyRole[]): { terms: TermRef[]; unknown: string[]; twins: TermRef[][] } {
  const found = labels.map((label) => ({ label, refs: roles.flatMap((role) => LABELS.get(role)?.get(fold(label)) ?? []) }));
  const usedVocabularies = new Set(found.filter(({ refs }) => refs.length === 1).map(({ refs }) => refs[0]![0]));
  const terms: TermRef[] = [];
  const twins: TermRef[][] = [];
  for (const { refs } of found) {
    if (refs.length === 0) continue;
    terms.push(refs.find(([vocabulary]) => usedVocabularies.has(vocabulary)) ?? refs[0]!);
    if (refs.length > 1) twins.push(refs);
  }
  return { terms, unknown: found.filter(({ refs }) => refs.length === 0).map(({ label }) => label), twins };
}
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

/** The vocabularies the template has columns for: an offer's terms of other vocabularies are left as they are. */
const TEMPLATE_VOCABULARIES = [...OWN_VOCABULARIES, ...PUBLISHED_VOCABULARIES]
  .filter((vocabulary) => [...TERM_COLUMNS.flatMap(([, roles]) => roles), "fee"].includes(vocabulary.role))
  .map((vocabulary) => vocabulary.key);

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
  /** Every commune a bare name may designate, one entry per postal code (server: lib/places/communes). */
  communeCandidates?: (communeName: string) => CommuneCandidate[];
  /** The French communes a postal code serves (server: lib/places/communes). */
  communesOfPostalCode?: (postalCode: string) => Commune[];
  /**
   * The coordinator's answers to ambiguous communes, from the preview: `"<row>:<place as written>"`
   * → `"<INSEE code>|<postal code>"`, one of the candidates the preview listed.
   */
  communeAnswers?: Record<string, string>;
  /** The current commune a merged commune of that name belongs to, among the postal code's (server: lib/places/communes). */
  communeMergedInto?: (postalCode: string, name: string) => Commune | undefined;
}

type TemplatePlace = { address: string; postalCode: string; communeCode: string | null; communeName: string; unresolved?: string };

const candidateList = (candidates: CommuneCandidate[]) =>
  candidates
    .slice(0, 8)
    .map((candidate) => `${candidate.name} (${candidate.postalCode}, ${candidate.department})`)
    .join(", ") + (candidates.length > 8 ? `, et ${candidates.length - 8} autres` : "");

/**
 * A commune named without a postal code is taken only when the name designates one commune with
 * one postal code; else the row is refused with the candidates and what to write, never guessed
 * (Valence has several communes, Livron and Livron-sur-Drôme are not the same).
 */
function communeByName(address: string, communeName: string, options: TemplateOptions, answer?: string): TemplatePlace | { error: string; candidates?: CommuneCandidate[] } {
  const candidates = options.communeCandidates?.(communeName) ?? [];
  const chosen = candidates.length === 1 ? candidates[0] : candidates.find((candidate) => `${candidate.code}|${candidate.postalCode}` === answer);
  if (chosen) return { address, postalCode: chosen.postalCode, communeCode: chosen.code, communeName: chosen.name };
  const example = candidates[0] ? `« ${address}, ${candidates[0].postalCode} ${candidates[0].name} »` : `« ${address}, code postal ${communeName} »`;
  return {
    candidates: candidates.length > 1 ? candidates : undefined,
    error:
      candidates.length > 1
        ? `Commune ambiguë : « ${communeName} » peut être ${candidateList(candidates)}. Ajoutez le code postal dans « Où » (par exemple ${example}) ou remplissez les colonnes Code postal et Code INSEE.`
        : `Commune inconnue : « ${communeName} ». Ajoutez le code postal dans « Où » (${example}) ou remplissez les colonnes Code postal, Code INSEE et Commune.`,
  };
}

/**
 * The INSEE code of a commune given with its postal code: the one of that name (or that a merged
 * commune of that name now belongs to), or the only one the code serves. Else none is chosen: the place keeps the postal code and the name as written,
 * without INSEE code (as an LMN import keeps them), and `unresolved` says which communes the code serves.
 */
function communeCodeOf(postalCode: string, communeName: string, options: TemplateOptions): { communeCode: string | null; unresolved?: string } {
  const communes = options.communesOfPostalCode?.(postalCode) ?? [];
  const named = matchCommune(communes, communeName) ?? options.communeMergedInto?.(postalCode, communeName);
  if (named) return { communeCode: named.code };
  if (communes.length === 1) return { communeCode: communes[0]!.code };
  if (communes.length === 0) return { communeCode: null };
  return {
    communeCode: null,
    unresolved: `Le code postal ${postalCode} dessert plusieurs communes, aucune nommée « ${communeName} » : ${communes.map((commune) => `${commune.name} (INSEE ${commune.code})`).join(", ")}. Lieu importé sans code INSEE : remplissez la colonne Code INSEE pour le préciser.`,
  };
}

/** "12 rue X, 02100 Saint-Aubin" or "12 rue X, Saint-Aubin" (the matrix's wording before it carried the address columns). */
function placeOf(text: string, options: TemplateOptions, answer?: string): TemplatePlace | { error: string; candidates?: CommuneCandidate[] } {
  const at = text.lastIndexOf(",");
  if (at < 0) return { error: "Adresse attendue sous la forme « 12 rue de la Gare, 02100 Commune »." };
  const address = text.slice(0, at).trim();
  const rest = text.slice(at + 1).trim();
  const withCode = /^(\d{5})\s+(.+)$/.exec(rest);
  if (!withCode) return communeByName(address, rest, options, answer);
  const code = communeCodeOf(withCode[1]!, withCode[2]!.trim(), options);
  return { address, postalCode: withCode[1]!, communeCode: code.communeCode, communeName: withCode[2]!.trim(), unresolved: code.unresolved };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rows of a template table (header + records) as ImportRows, as steps: yields its progress
 * before each record (steps.ts). `line(i)` is the file's line of record i.
 */
function* templateRowSteps(header: string[], records: string[][], line: (index: number) => number, options: TemplateOptions = {}): Steps<ImportResult> {
  const issues: ImportIssue[] = [];
  const column = new Map(header.map((name, index) => [normaliseValue(name), index]));
  const missing = ["Qui", "Quoi"].filter((name) => !column.has(name));
  if (!column.has("Où") && !column.has("Adresse")) missing.push("Où");
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
    // Text as written (trimmed): names and addresses come back as they were exported.
    const cell = (name: string) => (cells[column.get(name) ?? -1] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
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
    const sameLabelTerms: TermRef[][] = [];
    for (const [header, roles, separator] of TERM_COLUMNS) {
      const found = termsOfLabels(cell(header).split(separator).map((value) => value.trim()).filter(Boolean), roles);
      terms.push(...found.terms);
      sameLabelTerms.push(...found.twins);
      for (const label of found.unknown) report(header, label, "Libellé inconnu des vocabulaires de Toile : non importé.");
    }
    const [fees = "", feeDetails = ""] = cell("Tarif").split(" — ");
    const feeTerms = termsOfLabels(fees.split(",").map((value) => value.trim()).filter(Boolean), ["fee"]);
    terms.push(...feeTerms.terms);
    sameLabelTerms.push(...feeTerms.twins);
    for (const label of feeTerms.unknown) report("Tarif", label, "Tarif inconnu (Gratuit, Payant…) : non importé.");

    let hours: ImportRow["hours"] = null;
    const quand = normaliseValue(cell("Quand"));
    if (quand && quand !== "pas d'horaires indiqués") {
      const french = parseFrenchWeeklyHours(quand);
      const osm = french ? null : parseOpeningHoursWithExceptions(quand);
      if (french) hours = { raw: quand, slots: french.slots, exceptions: [], publicHolidays: french.publicHolidays, understood: true };
      else if (osm && osm.problems.length === 0 && osm.slots.length > 0) hours = { raw: quand, slots: osm.slots, exceptions: osm.exceptions, publicHolidays: osm.publicHolidays, understood: true };
      else report("Quand", quand, "Horaires illisibles (ni « du lundi au vendredi de 9 h à 12 h », ni OSM) : non importés.");
    }

    // The place: the address columns when the file has them (the export since it carries them),
    // else "Où", which may list several places (one row each).
    const address = cell("Adresse");
    const postalCode = cell("Code postal");
    const communeName = cell("Commune");
    const communeCode = cell("Code INSEE");
    let parsedPlaces: (TemplatePlace | { error: string; candidates?: CommuneCandidate[] })[];
    let placeTexts: string[];
    if (address || postalCode || communeName || communeCode) {
      placeTexts = [[address, [postalCode, communeName].filter(Boolean).join(" ")].filter(Boolean).join(", ")];
      if (!address || !communeName || (!postalCode && !communeCode)) {
        parsedPlaces = [{ error: "Adresse incomplète : remplissez Adresse, Code postal et Commune (et, si vous le connaissez, Code INSEE)." }];
      } else if (postalCode && !/^\d{5}$/.test(postalCode)) {
        parsedPlaces = [{ error: `Code postal « ${postalCode} » : 5 chiffres attendus.` }];
      } else if (communeCode && !/^(\d{5}|2[AB]\d{3})$/i.test(communeCode)) {
        parsedPlaces = [{ error: `Code INSEE « ${communeCode} » : 5 caractères attendus (2A… ou 2B… en Corse).` }];
      } else if (communeCode) {
        parsedPlaces = [{ address, postalCode, communeCode: communeCode.toUpperCase(), communeName }];
      } else {
        const code = communeCodeOf(postalCode, communeName, options);
        parsedPlaces = [{ address, postalCode, communeCode: code.communeCode, communeName, unresolved: code.unresolved }];
      }
    } else {
      const where = cell("Où");
      placeTexts = where.split(" ; ").map((value) => value.trim()).filter((value) => value && value !== "À distance");
      if (placeTexts.length === 0) report("Où", where, "Aucune adresse : une offre à distance ne s'importe pas encore (ajoutez-la dans Toile).", "error");
      parsedPlaces = placeTexts.map((text) => placeOf(text, options, options.communeAnswers?.[`${row}:${text}`]));
    }
    const placeColumn = address || postalCode || communeName || communeCode ? "Adresse, Code postal, Commune, Code INSEE" : "Où";
    for (const [position, place] of parsedPlaces.entries()) {
      if ("error" in place) issues.push({ row, column: placeColumn, value: placeTexts[position] ?? "", why: place.error, level: "error", ...(place.candidates ? { candidates: place.candidates } : {}) });
      else if (place.unresolved) report(placeColumn, placeTexts[position] ?? "", place.unresolved);
    }

    // The one reading of a point (lib/places/coordinates.ts, as the LMN importer): both or neither,
    // checked against the place's commune, a swapped pair put back in order.
    const [firstPlace] = parsedPlaces;
    const checked = readCheckedPoint(
      { latitude: cell("Latitude"), longitude: cell("Longitude") },
      parsedPlaces.length === 1 && firstPlace && !("error" in firstPlace) ? firstPlace : { postalCode },
    );
    // A decimal comma is how a French spreadsheet writes a number: not worth a warning here.
    for (const issue of checked.issues.filter((issue) => issue.why !== DECIMAL_COMMA)) report(issue.column === "latitude" ? "Latitude" : "Longitude", issue.value, issue.why);
    const point = { latitude: checked.point?.latitude ?? null, longitude: checked.point?.longitude ?? null };
    const identifiers: ImportRow["structure"]["identifiers"] = [];
    const siret = cell("SIRET").replace(/\s/g, "");
    if (siret && /^\d{14}$/.test(siret)) identifiers.push({ type: "SIRET", value: siret });
    else if (siret) report("SIRET", siret, "SIRET de 14 chiffres attendu : non importé.");
    const rna = cell("RNA").toUpperCase();
    if (rna && /^W\d{9}$/.test(rna)) identifiers.push({ type: "RNA", value: rna });
    else if (rna) report("RNA", rna, "Numéro RNA attendu sous la forme W123456789 : non importé.");
    const toileId = (header: string) => {
      const value = cell(header);
      if (value && !UUID.test(value)) report(header, value, "Identifiant Toile illisible : ignoré (la ligne est rapprochée par son nom et son adresse).");
      return UUID.test(value) ? value.toLowerCase() : null;
    };
    const toile = { structureId: toileId("Identifiant de la structure"), placeId: toileId("Identifiant du lieu"), offerId: toileId("Identifiant de l'offre") };
    if (issues.some((issue) => issue.row === row && issue.level === "error")) continue;

    const placeName = cell("Nom du lieu") || name;
    const multiplePlaces = parsedPlaces.length > 1;
    for (const place of parsedPlaces) {
      if ("error" in place) continue;
      rows.push({
        sourceRow: row,
        sourceId: "",
        structure: { name, identifiers, email: cell("Courriel") || null, phone: cell("Téléphone") || null, website: cell("Site web") || null, description: "", terms: [] },
        place: {
          name: placeName,
          address: place.address,
          addressComplement: cell("Complément d'adresse") || null,
          postalCode: place.postalCode,
          communeCode: place.communeCode,
          communeName: place.communeName,
          country: "FR",
          // "Où" listing several places has one pair of coordinates for none of them.
          latitude: multiplePlaces ? null : point.latitude,
          longitude: multiplePlaces ? null : point.longitude,
        },
        terms: dedupe(terms),
        hours,
        updatedOn: null,
        lmn: cell("Prise de rendez-vous") ? { prise_rdv: cell("Prise de rendez-vous") } : {},
        offer: {
          title,
          feeDetails: feeDetails.trim() || null,
          documentsToBring: cell("À apporter").split(",").map((value) => value.trim()).filter(Boolean),
          acceptsTransfers: fold(cell("Transferts")) === "oui",
          conditions: cell("Conditions") ? readConditions(cell("Conditions")) : null,
          sameLabelTerms,
          vocabularies: TEMPLATE_VOCABULARIES,
        },
        toile: { ...toile, placeId: multiplePlaces ? null : toile.placeId, placeColumns: placeColumn !== "Où" && !!cell("Nom du lieu") },
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
