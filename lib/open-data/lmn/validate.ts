/**
 * Validation of LMN rows against the official Table Schema v1.0.1 (schema-v1.0.1.json), field by
 * field, as a Frictionless validator reads it: every column present in schema order, `required`,
 * `type` (number, date), `pattern` (anchored on the whole value, XML Schema style; the
 * enumerations are patterns over "|"-joined values), `enum`, `maxLength`/`minLength`, `format`
 * (email, uri, date) and `unique`. Empty cells are only checked for `required`.
 * With `{ strict: true }`, the reference implementation's extra rules (ANCT library, standards.md
 * §1.6) are checked too, as warnings: each courriel an e-mail address, each site_web,
 * fiche_acces_libre and prise_rdv an http(s) URL, pivot a SIRET (14 digits) or an RNA (W + 9).
 */
import { LMN_FIELDS, LMN_SCHEMA, splitMulti, type LmnField, type LmnRow, type TableSchemaField } from "./schema";

export interface LmnIssue {
  /** 1-based row of data (the caller may pass the file's line instead). */
  row: number;
  column: string;
  value: string;
  why: string;
  level: "error" | "warning";
}

const FIELDS = new Map(LMN_SCHEMA.fields.map((field) => [field.name, field]));

const compiled = new Map<string, RegExp>();
/** Table Schema patterns are XML Schema regular expressions: they match the whole value. */
function patternRegExp(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = new RegExp(`^(?:${pattern})$`, "u");
    compiled.set(pattern, regexp);
  }
  return regexp;
}

/**
 * The values an enumerated column accepts: its `enum`, or the alternatives of a pattern of the
 * form `(?:(?:^|\|)(A|B|…))+$` that the LMN schema uses for "|"-joined multi-values.
 */
export function lmnEnumeration(field: LmnField): string[] | null {
  const constraints = FIELDS.get(field)?.constraints;
  if (constraints?.enum) return constraints.enum;
  const match = /^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(constraints?.pattern ?? "");
  if (!match) return null;
  const values: string[] = [];
  let current = "";
  const inner = match[1]!;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (char === "\\" && i + 1 < inner.length) current += inner[++i];
    else if (char === "|") {
      values.push(current);
      current = "";
    } else current += char;
  }
  values.push(current);
  return values;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EMAIL = /^[^\s@|]+@[^\s@|]+\.[^\s@|]+$/;
const URL_PATTERN = /^https?:\/\/[^\s|]+$/i;

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function checkFormat(field: TableSchemaField, value: string): string | null {
  const format = field.format ?? "default";
  if (field.type === "date") {
    return format === "default" && !isIsoDate(value) ? "date attendue au format AAAA-MM-JJ (ex. 2024-04-02)" : null;
  }
  if (format === "email" && !EMAIL.test(value)) return "adresse électronique invalide";
  if (format === "uri" && !URL_PATTERN.test(value)) return "adresse web (URI) invalide";
  return null;
}

function checkCell(field: TableSchemaField, value: string): string[] {
  const constraints = field.constraints ?? {};
  if (value === "") return constraints.required ? ["champ obligatoire vide"] : [];
  const problems: string[] = [];
  if ((field.type === "number" || field.type === "integer") && !NUMBER.test(value)) {
    problems.push(`nombre attendu (séparateur décimal « . »)`);
  } else if (field.type === "integer" && !/^[+-]?\d+$/.test(value)) problems.push("nombre entier attendu");
  const formatProblem = checkFormat(field, value);
  if (formatProblem) problems.push(formatProblem);
  const length = [...value].length;
  if (constraints.maxLength !== undefined && length > constraints.maxLength) {
    problems.push(`${length} caractères, ${constraints.maxLength} au plus`);
  }
  if (constraints.minLength !== undefined && length < constraints.minLength) {
    problems.push(`${length} caractères, ${constraints.minLength} au moins`);
  }
  if (constraints.enum && !constraints.enum.includes(value)) problems.push("valeur hors de la liste autorisée");
  if (constraints.pattern && !patternRegExp(constraints.pattern).test(value)) {
    const enumeration = lmnEnumeration(field.name as LmnField);
    const outside = enumeration ? splitMulti(value).filter((item) => !enumeration.includes(item)) : [];
    problems.push(
      outside.length > 0
        ? `valeur(s) hors de la liste autorisée : ${outside.map((item) => `« ${item} »`).join(", ")}`
        : enumeration
          ? "valeurs à séparer par « | », sans espace autour ni case vide"
          : `ne respecte pas le format attendu (${constraints.pattern})`,
    );
  }
  return problems;
}

function strictProblems(column: LmnField, value: string): string[] {
  if (value === "") return [];
  if (column === "courriels") {
    return splitMulti(value)
      .filter((item) => !EMAIL.test(item))
      .map((item) => `« ${item} » n'est pas une adresse électronique`);
  }
  if (column === "site_web" || column === "fiche_acces_libre" || column === "prise_rdv") {
    const items = column === "site_web" ? splitMulti(value) : [value];
    return items.filter((item) => !URL_PATTERN.test(item)).map((item) => `« ${item} » n'est pas une adresse web (http ou https)`);
  }
  if (column === "pivot" && !/^(\d{14}|W[a-zA-Z0-9]{9})$/.test(value.replace(/\s/g, ""))) {
    return ["ni SIRET (14 chiffres) ni RNA (W + 9 caractères) : la bibliothèque nationale (ANCT) le refusera"];
  }
  return [];
}

export function validateLmnRow(row: LmnRow, rowNumber = 1, options: { strict?: boolean } = {}): LmnIssue[] {
  const issues: LmnIssue[] = [];
  for (const column of LMN_FIELDS) {
    const field = FIELDS.get(column);
    if (!field) continue;
    const value = row[column] ?? "";
    for (const why of checkCell(field, value)) issues.push({ row: rowNumber, column, value, why, level: "error" });
    if (options.strict) {
      for (const why of strictProblems(column, value)) issues.push({ row: rowNumber, column, value, why, level: "warning" });
    }
  }
  return issues;
}

/**
 * A whole table: the header (all schema columns, in order, exactly named), every row, and the
 * primary key's uniqueness. Rows are numbered from 1 (the first line after the header).
 */
export function validateLmnTable(header: string[], rows: LmnRow[], options: { strict?: boolean } = {}): LmnIssue[] {
  const issues: LmnIssue[] = [];
  const expected = LMN_SCHEMA.fields.map((field) => field.name);
  const missing = expected.filter((name) => !header.includes(name));
  const extra = header.filter((name) => !expected.includes(name));
  for (const name of missing) issues.push({ row: 0, column: name, value: "", why: "colonne absente de l'en-tête", level: "error" });
  for (const name of extra) issues.push({ row: 0, column: name, value: name, why: "colonne inconnue du schéma", level: "error" });
  if (missing.length === 0 && extra.length === 0 && header.join(",") !== expected.join(",")) {
    issues.push({ row: 0, column: "", value: header.join(","), why: "colonnes dans un autre ordre que celui du schéma", level: "error" });
  }
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    issues.push(...validateLmnRow(row, index + 1, options));
    for (const field of LMN_SCHEMA.fields.filter((candidate) => candidate.constraints?.unique)) {
      const value = row[field.name as LmnField];
      if (!value) continue;
      const first = seen.get(`${field.name}\u0000${value}`);
      if (first !== undefined) {
        issues.push({ row: index + 1, column: field.name, value, why: `valeur déjà utilisée ligne ${first}`, level: "error" });
      } else seen.set(`${field.name}\u0000${value}`, index + 1);
    }
  });
  return issues;
}
