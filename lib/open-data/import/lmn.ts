/**
 * « Lieux de médiation numérique » files to ImportRows: v1.0.x (CSV and JSON, "|"-separated
 * multi-values) and the legacy 0.1 layout (";"-separated, other vocabularies, mapped through the
 * crosswalks). The version is read from the columns. Every value that cannot be used is reported
 * (row, column, value, why) and never silently dropped; a row with an error is left out of `rows`.
 */
import { readCheckedPoint } from "@/lib/places/coordinates";
import { dedupe, lookup, normaliseValue, type TermRef } from "../crosswalks";
import { parseOpeningHoursWithExceptions } from "../hours";
import { LMN_FIELDS } from "../lmn/schema";
import { isIsoDate } from "../lmn/validate";
import type { IdentifierType, LmnPassThrough } from "../snapshot";
import { MAX_IMPORT_BYTES, decodeText, looksLikeFormula, readCsv, sizeIssue } from "./csv";
import type { ImportIssue, ImportResult, ImportRow, LmnFileVersion } from "./model";
import { runSteps, type Steps } from "./steps";

/** Columns of LMN 0.1.x (tag v0.1.1). */
const LMN_V0_FIELDS = [
  "id",
  "pivot",
  "nom",
  "commune",
  "code_postal",
  "code_insee",
  "adresse",
  "complement_adresse",
  "latitude",
  "longitude",
  "typologie",
  "telephone",
  "courriel",
  "site_web",
  "horaires",
  "presentation_resume",
  "presentation_detail",
  "source",
  "structure_parente",
  "date_maj",
  "services",
  "publics_accueillis",
  "conditions_acces",
  "labels_nationaux",
  "labels_autres",
  "modalites_accompagnement",
  "accessibilite",
  "prise_rdv",
  "cle_ban",
] as const;

const V0_ONLY = ["publics_accueillis", "conditions_acces", "courriel", "labels_nationaux", "labels_autres", "accessibilite", "cle_ban"];
const V1_ONLY = ["publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "courriels", "modalites_acces", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "itinerance", "fiche_acces_libre"];

function detectLmnVersion(columns: readonly string[]): LmnFileVersion {
  const v0 = columns.filter((column) => V0_ONLY.includes(column)).length;
  const v1 = columns.filter((column) => V1_ONLY.includes(column)).length;
  return v0 > v1 ? "v0" : "v1";
}

/** An enumerated column: which vocabulary its values belong to, and whether they describe the structure. */
interface EnumeratedColumn {
  vocabulary: string;
  /** Toile vocabularies the values go to (the source vocabulary itself when Toile seeds it). */
  targets?: readonly string[];
  of: "offer" | "structure";
}

const TOILE_OFFER_VOCABULARIES = [
  "lmn.services",
  "lmn.publics_specifiquement_adresses",
  "lmn.prise_en_charge_specifique",
  "lmn.frais_a_charge",
  "lmn.modalites_acces",
  "lmn.modalites_accompagnement",
  "dataInclusion.v1.publics",
  "toile.postures",
  "toile.modes_acces",
];
const TOILE_STRUCTURE_VOCABULARIES = ["lmn.dispositif_programmes_nationaux", "lmn.formations_labels", "dataInclusion.v0.typologies_de_structures"];

const ENUMERATED: Record<LmnFileVersion, Record<string, EnumeratedColumn>> = {
  v1: {
    services: { vocabulary: "lmn.services", of: "offer" },
    publics_specifiquement_adresses: { vocabulary: "lmn.publics_specifiquement_adresses", of: "offer" },
    prise_en_charge_specifique: { vocabulary: "lmn.prise_en_charge_specifique", of: "offer" },
    frais_a_charge: { vocabulary: "lmn.frais_a_charge", of: "offer" },
    modalites_acces: { vocabulary: "lmn.modalites_acces", of: "offer" },
    modalites_accompagnement: { vocabulary: "lmn.modalites_accompagnement", of: "offer" },
    dispositif_programmes_nationaux: { vocabulary: "lmn.dispositif_programmes_nationaux", of: "structure" },
    formations_labels: { vocabulary: "lmn.formations_labels", of: "structure" },
    typologie: { vocabulary: "lmn.typologie", targets: ["dataInclusion.v0.typologies_de_structures"], of: "structure" },
  },
  v0: {
    services: { vocabulary: "lmn_v0.services", targets: TOILE_OFFER_VOCABULARIES, of: "offer" },
    publics_accueillis: { vocabulary: "lmn_v0.publics_accueillis", targets: TOILE_OFFER_VOCABULARIES, of: "offer" },
    conditions_acces: { vocabulary: "lmn_v0.conditions_acces", targets: TOILE_OFFER_VOCABULARIES, of: "offer" },
    modalites_accompagnement: { vocabulary: "lmn_v0.modalites_accompagnement", targets: TOILE_OFFER_VOCABULARIES, of: "offer" },
    labels_nationaux: { vocabulary: "lmn_v0.labels_nationaux", targets: TOILE_STRUCTURE_VOCABULARIES, of: "structure" },
    typologie: { vocabulary: "lmn.typologie", targets: ["dataInclusion.v0.typologies_de_structures"], of: "structure" },
  },
};

/** A cell Toile's LMN CSV neutralised before it wrote values as they are ("'=…"): the quote is not part of the value. */
const unneutralise = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

const FORMULA_LIKE_VALUE =
  "Valeur qui commence comme une formule de tableur (=, +, -, @) : gardée telle quelle comme texte, jamais exécutée. L'export LMN la redonnera telle quelle ; les exports pour tableur la neutralisent.";

function identifierOf(pivot: string): { type: IdentifierType; value: string } | null {
  const value = pivot.replace(/\s/g, "");
  if (/^\d{14}$/.test(value) && !/^0+$/.test(value)) return { type: "SIRET", value };
  if (/^W[a-zA-Z0-9]{9}$/i.test(value)) return { type: "RNA", value: value.toUpperCase() };
  return null;
}

/** One record (column → text) of an LMN file as an ImportRow, with its issues. */
function lmnRecordToRow(record: Record<string, string>, sourceRow: number, version: LmnFileVersion): { row: ImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const cell = (column: string) => normaliseCell(record[column] ?? "");
  const report = (column: string, value: string, why: string, level: ImportIssue["level"] = "warning") =>
    issues.push({ row: sourceRow, column, value, why, level });

  // LMN is a machine format: a value starting with = + - @ is data (a name may start with "-"),
  // which no program reading LMN runs. It is kept as written, so that the LMN export gives it back
  // unchanged (a fixed point, CSV and JSON alike), and reported, since it is rarely meant; refusing
  // the cell would lose a real value for a character. Spreadsheet exports neutralise it there.
  for (const [column, raw] of Object.entries(record)) {
    const value = unneutralise(raw.trim());
    if (looksLikeFormula(value)) report(column, value, FORMULA_LIKE_VALUE);
  }

  const required = (column: string) => {
    const value = cell(column);
    if (!value) report(column, "", "Champ obligatoire vide : la ligne ne peut pas être importée.", "error");
    return value;
  };
  const id = required("id");
  const name = required("nom");
  const address = required("adresse");
  const commune = required("commune");
  const postalCode = required("code_postal");
  if (postalCode && !/^\d{5}$/.test(postalCode)) report("code_postal", postalCode, "Code postal français attendu (5 chiffres).", "error");
  const communeCode = cell("code_insee");
  if (communeCode && !/^([013-9]\d|2[AB1-9])\d{3}$/.test(communeCode)) report("code_insee", communeCode, "Code INSEE invalide : ignoré, la commune sera retrouvée par son nom et son code postal.");

  const pivot = cell("pivot");
  const identifier = pivot ? identifierOf(pivot) : null;
  if (pivot && !identifier && !/^0+$/.test(pivot.replace(/\s/g, ""))) {
    report("pivot", pivot, "Ni SIRET (14 chiffres) ni RNA (W + 9 caractères) : identifiant ignoré.");
  }

  const separator = version === "v0" ? ";" : "|";
  const offerTerms: TermRef[] = [];
  const structureTerms: TermRef[] = [];
  for (const [column, spec] of Object.entries(ENUMERATED[version])) {
    for (const value of splitValues(cell(column), separator)) {
      const found = lookup(spec.vocabulary, value, spec.targets);
      const target = spec.of === "offer" ? offerTerms : structureTerms;
      if (found.status === "unknown") {
        const otherSeparator = separator === "|" ? ";" : "|";
        if (value.includes(otherSeparator) && splitValues(value, otherSeparator).every((item) => lookup(spec.vocabulary, item).status !== "unknown")) {
          report(column, value, `Valeurs séparées par « ${otherSeparator} » au lieu de « ${separator} » : lues quand même.`);
          for (const item of splitValues(value, otherSeparator)) {
            const inner = lookup(spec.vocabulary, item, spec.targets);
            if (inner.status !== "unknown") target.push(...(spec.targets ? inner.refs : [[spec.vocabulary, inner.code] as const]));
          }
          continue;
        }
        report(column, value, "Valeur inconnue de ce vocabulaire : non importée.");
      } else if (!spec.targets) target.push([spec.vocabulary, found.code]);
      else if (found.status === "mapped") target.push(...found.refs);
      else if (spec.of === "structure" && spec.vocabulary !== "lmn.typologie") continue; // kept in autres_formations_labels
      else if (found.status === "dropped" && !isDeliberatelyEmpty(spec.vocabulary, found.code)) {
        report(column, value, "Valeur connue sans équivalent dans Toile : non importée.");
      }
    }
  }

  const lmn: LmnPassThrough = {};
  const keep = (field: keyof LmnPassThrough, value: string) => {
    if (value) lmn[field] = value;
  };

  const rawHours = cell("horaires");
  let hours: ImportRow["hours"] = null;
  if (rawHours) {
    const parsed = parseOpeningHoursWithExceptions(rawHours);
    for (const problem of parsed.problems) {
      report("horaires", rawHours, `${problem} : horaires gardés tels quels, créneaux à vérifier.`);
    }
    hours = {
      raw: rawHours,
      slots: parsed.slots,
      exceptions: parsed.exceptions,
      publicHolidays: parsed.publicHolidays,
      understood: parsed.problems.length === 0,
    };
  }

  const updatedOn = cell("date_maj");
  if (updatedOn && !isIsoDate(updatedOn)) report("date_maj", updatedOn, "Date attendue au format AAAA-MM-JJ : ignorée.");
  else if (!updatedOn && version === "v1") report("date_maj", "", "Date de mise à jour absente (obligatoire dans le standard).");

  const emails = splitValues(cell(version === "v0" ? "courriel" : "courriels"), version === "v0" ? ";" : "|");
  const websites = splitValues(cell("site_web"), version === "v0" ? /[;,]/ : "|");
  const resume = cell("presentation_resume");
  const detail = cell("presentation_detail");
  const itinerance = cell("itinerance");
  for (const value of splitValues(itinerance, "|")) {
    if (lookup("lmn.itinerance", value).status === "unknown") report("itinerance", value, "Valeur inconnue (Itinérant ou Fixe).");
  }

  if (version === "v1") {
    keep("itinerance", itinerance);
    keep("fiche_acces_libre", cell("fiche_acces_libre"));
    keep("autres_formations_labels", cell("autres_formations_labels"));
    keep("typologie", cell("typologie"));
  } else {
    keep("fiche_acces_libre", cell("accessibilite"));
    // Labels with no 1.0 value are kept as free text, as LMN 1.0 does.
    const others = [
      ...splitValues(cell("labels_autres"), ";"),
      ...splitValues(cell("labels_nationaux"), ";").filter((value) => lookup("lmn_v0.labels_nationaux", value).status === "dropped"),
    ];
    keep("autres_formations_labels", others.join("|"));
    if (resume.length > 280) report("presentation_resume", resume, "Plus de 280 caractères (limite de la version 1.0) : sera raccourci à l'export.");
  }
  // Toile keeps one e-mail address and one website per structure; the file's full lists ride along.
  if (emails.length > 1) keep("courriels", emails.join("|"));
  if (websites.length > 1) keep("site_web", websites.join("|"));
  keep("source", cell("source"));
  keep("structure_parente", cell("structure_parente"));
  keep("prise_rdv", cell("prise_rdv"));
  keep("presentation_resume", resume);
  keep("presentation_detail", detail);

  // Both or neither, checked against the commune (a swapped pair is put right, a far one dropped).
  const checkedPoint = readCheckedPoint({ latitude: cell("latitude"), longitude: cell("longitude") }, { communeCode, postalCode, communeName: commune });
  for (const issue of checkedPoint.issues) report(issue.column, issue.value, issue.why, issue.level);

  if (issues.some((issue) => issue.level === "error")) return { row: null, issues };
  return {
    row: {
      sourceRow,
      sourceId: id,
      structure: {
        name,
        identifiers: identifier ? [identifier] : [],
        email: emails[0] ?? null,
        phone: cell("telephone") || null,
        website: websites[0] ?? null,
        description: detail || resume,
        terms: dedupe(structureTerms),
      },
      place: {
        name,
        address,
        addressComplement: cell("complement_adresse") || null,
        postalCode,
        communeCode: communeCode && /^([013-9]\d|2[AB1-9])\d{3}$/.test(communeCode) ? communeCode : null,
        communeName: commune,
        country: "FR",
        latitude: checkedPoint.point?.latitude ?? null,
        longitude: checkedPoint.point?.longitude ?? null,
      },
      terms: dedupe(offerTerms),
      hours,
      updatedOn: updatedOn && isIsoDate(updatedOn) ? updatedOn : null,
      lmn,
    },
    issues,
  };
}

/** v0 values that say nothing specific ("Adultes"): dropped without a word. */
const isDeliberatelyEmpty = (vocabulary: string, code: string) => vocabulary === "lmn_v0.publics_accueillis" && code === "Adultes";

function normaliseCell(value: string): string {
  return unneutralise(value.replace(/\r\n?/g, "\n").trim());
}

function splitValues(value: string, separator: string | RegExp): string[] {
  return value
    .split(separator)
    .map((item) => normaliseValue(item))
    .filter(Boolean);
}

function* rowsFromRecords(records: { line: number; values: Record<string, string> }[], version: LmnFileVersion): Steps<{ rows: ImportRow[]; issues: ImportIssue[] }> {
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  const firstLineOf = new Map<string, number>();
  for (const [index, { line, values }] of records.entries()) {
    yield { done: index, total: records.length };
    const result = lmnRecordToRow(values, line, version);
    issues.push(...result.issues);
    if (!result.row) continue;
    const first = firstLineOf.get(result.row.sourceId);
    if (first !== undefined) {
      issues.push({
        row: line,
        column: "id",
        value: result.row.sourceId,
        why: `Identifiant déjà utilisé ligne ${first} : cette ligne n'est pas importée.`,
        level: "error",
      });
      continue;
    }
    firstLineOf.set(result.row.sourceId, line);
    rows.push(result.row);
  }
  return { rows, issues };
}

function columnIssues(columns: string[], version: LmnFileVersion): ImportIssue[] {
  const known: readonly string[] = version === "v0" ? LMN_V0_FIELDS : LMN_FIELDS;
  return columns
    .filter((column) => column && !known.includes(column))
    .map((column) => ({
      row: 1,
      column,
      value: column,
      why: `Colonne inconnue du standard LMN ${version === "v0" ? "0.1" : "1.0"} : ignorée.`,
      level: "warning" as const,
    }));
}

/** An LMN CSV file (v1 "," or legacy v0 layouts; another separator is detected and reported). */
export function parseLmnCsv(input: Uint8Array | string): ImportResult {
  return runSteps(lmnCsvSteps(input));
}

/** parseLmnCsv as steps (steps.ts). */
function* lmnCsvSteps(input: Uint8Array | string): Steps<ImportResult> {
  const size = typeof input === "string" ? new TextEncoder().encode(input).length : input.length;
  const tooBig = sizeIssue(size, MAX_IMPORT_BYTES);
  if (tooBig) return { format: "lmn-csv", version: null, rows: [], issues: [tooBig] };
  const table = readCsv(input, { expectedSeparator: ",", knownColumns: [...LMN_FIELDS, ...LMN_V0_FIELDS] });
  if (!table.header.includes("id") || !table.header.includes("nom")) {
    return {
      format: "lmn-csv",
      version: null,
      rows: [],
      issues: [
        ...table.issues,
        { row: 1, column: "", value: table.header.slice(0, 5).join(", "), why: "En-tête sans colonnes « id » et « nom » : ce n'est pas un fichier LMN.", level: "error" },
      ],
    };
  }
  const version = detectLmnVersion(table.header);
  const records = table.records.map((record) => ({
    line: record.line,
    values: Object.fromEntries(table.header.map((column, index) => [column, record.cells[index] ?? ""])),
  }));
  const { rows, issues } = yield* rowsFromRecords(records, version);
  return { format: "lmn-csv", version, rows, issues: [...table.issues, ...columnIssues(table.header, version), ...issues] };
}

/** An LMN JSON file: an array of flat objects with the CSV column names; arrays of values and the national API's nested `adresse` are accepted. */
export function parseLmnJson(input: Uint8Array | string): ImportResult {
  return runSteps(lmnJsonSteps(input));
}

/** parseLmnJson as steps (steps.ts). */
export function* lmnJsonSteps(input: Uint8Array | string): Steps<ImportResult> {
  const size = typeof input === "string" ? new TextEncoder().encode(input).length : input.length;
  const tooBig = sizeIssue(size, MAX_IMPORT_BYTES);
  if (tooBig) return { format: "lmn-json", version: null, rows: [], issues: [tooBig] };
  const text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : decodeText(input).text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      format: "lmn-json",
      version: null,
      rows: [],
      issues: [{ row: 0, column: "", value: "", why: `JSON illisible : ${(error as Error).message}`, level: "error" }],
    };
  }
  if (!Array.isArray(data)) {
    return {
      format: "lmn-json",
      version: null,
      rows: [],
      issues: [{ row: 0, column: "", value: typeof data, why: "Une liste de lieux ([ {…}, {…} ]) est attendue.", level: "error" }],
    };
  }
  const issues: ImportIssue[] = [];
  const columns = new Set<string>();
  const records: { line: number; values: Record<string, string> }[] = [];
  data.forEach((item: unknown, index) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      issues.push({ row: index + 1, column: "", value: JSON.stringify(item)?.slice(0, 80) ?? "", why: "Élément qui n'est pas un lieu (objet attendu).", level: "error" });
      return;
    }
    const values: Record<string, string> = {};
    for (const [column, value] of Object.entries(item as Record<string, unknown>)) {
      columns.add(column);
      if (value == null) continue;
      // Arrays (the nested ANCT shape) are joined with the version's separator once it is known.
      if (Array.isArray(value)) values[column] = value.map(String).join("\u0000");
      else if (column === "adresse" && typeof value === "object") Object.assign(values, flattenAddress(value as Record<string, unknown>));
      else if (typeof value === "object") {
        issues.push({ row: index + 1, column, value: JSON.stringify(value).slice(0, 80), why: "Valeur imbriquée non prise en charge : ignorée.", level: "warning" });
      } else values[column] = String(value);
    }
    records.push({ line: index + 1, values });
  });
  const version = detectLmnVersion([...columns]);
  const separator = version === "v0" ? ";" : "|";
  for (const record of records) {
    for (const [column, value] of Object.entries(record.values)) record.values[column] = value.replaceAll("\u0000", separator);
  }
  const parsed = yield* rowsFromRecords(records, version);
  return { format: "lmn-json", version, rows: parsed.rows, issues: [...issues, ...columnIssues([...columns], version), ...parsed.issues] };
}

/** An uploaded LMN file, CSV or JSON by its name, else by its first character. */
export function parseLmnFile(fileName: string, input: Uint8Array): ImportResult {
  return runSteps(lmnFileSteps(fileName, input));
}

/** parseLmnFile as steps (steps.ts). */
export function lmnFileSteps(fileName: string, input: Uint8Array): Steps<ImportResult> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "json") return lmnJsonSteps(input);
  if (extension === "csv" || extension === "txt") return lmnCsvSteps(input);
  const first = input.subarray(0, 64).find((byte) => ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte));
  return first === 0x5b || first === 0x7b ? lmnJsonSteps(input) : lmnCsvSteps(input);
}

/**
 * The nested address of the national API's JSON (`adresse.{commune, code_postal, code_insee,
 * numero_voie, repetition, nom_voie, complement_adresse}`, standards.md §1.5) as flat LMN columns.
 */
function flattenAddress(address: Record<string, unknown>): Record<string, string> {
  const text = (key: string) => (address[key] == null ? "" : String(address[key]).trim());
  const flat: Record<string, string> = {
    adresse: [text("numero_voie"), text("repetition"), text("nom_voie")].filter(Boolean).join(" "),
  };
  for (const key of ["commune", "code_postal", "code_insee", "complement_adresse"]) {
    if (text(key)) flat[key] = text(key);
  }
  return flat;
}
