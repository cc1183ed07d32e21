/**
 * Vocabulary crosswalks, read from crosswalks.json (data, not code branches): Toile's terms ↔ LMN
 * v1 ↔ LMN v0 ↔ data·inclusion v1. Lookups never throw: a value that is neither a term of the
 * vocabulary nor in a table comes back as unknown, for the caller to report.
 */
import vocabularies from "@/prisma/reference/vocabularies.json";
import { OWN_VOCABULARIES } from "@/lib/vocabularies/sources";
import data from "./crosswalks.json";

/** A vocabulary term: [vocabulary key, code]. */
export type TermRef = readonly [vocabularyKey: string, code: string];

export interface CrosswalkEntry {
  from: string;
  to: TermRef[];
}

export interface CrosswalkTable {
  from: string;
  source: string;
  note?: string;
  entries: CrosswalkEntry[];
}

export const CROSSWALK_TABLES = data.tables as unknown as CrosswalkTable[];
export const CROSSWALK_ALIASES = data.aliases as { vocabulary: string; value: string; code: string }[];
const SAME_CODES = data.sameCodes as [string, string][];

type PublishedFile = Record<string, { values?: { value: string }[] }>;

/** The codes of every vocabulary Toile knows: the published file and Toile's own lists. */
export const VOCABULARY_CODES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...Object.entries(vocabularies as unknown as PublishedFile)
    .filter(([, entry]) => Array.isArray(entry.values))
    .map(([key, entry]) => [key, new Set(entry.values!.map((term) => term.value))] as const),
  ...OWN_VOCABULARIES.map((vocabulary) => [vocabulary.key, new Set(vocabulary.terms.map((term) => term.code))] as const),
]);

/** NFC, typographic apostrophes and quotes folded, spaces collapsed and trimmed. */
export function normaliseValue(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u2019\u2018\u02bc`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

const fold = (value: string) => normaliseValue(value).toLocaleLowerCase("fr");
const key = (vocabulary: string, value: string) => `${vocabulary}\u0000${fold(value)}`;

/** Exact codes of each vocabulary, reachable from a folded spelling (case, apostrophes, spaces). */
const CANONICAL = new Map<string, string>();
for (const [vocabulary, codes] of VOCABULARY_CODES) {
  for (const code of codes) CANONICAL.set(key(vocabulary, code), code);
}
for (const alias of CROSSWALK_ALIASES) CANONICAL.set(key(alias.vocabulary, alias.value), alias.code);

const TABLES = new Map<string, Map<string, TermRef[]>>();
for (const table of CROSSWALK_TABLES) {
  const entries = TABLES.get(table.from) ?? new Map<string, TermRef[]>();
  for (const entry of table.entries) entries.set(entry.from, [...(entries.get(entry.from) ?? []), ...entry.to]);
  TABLES.set(table.from, entries);
}

/** The vocabulary's own spelling of a value (folded case, apostrophes, aliases), or null if it has none. */
export function canonicalCode(vocabulary: string, value: string): string | null {
  return CANONICAL.get(key(vocabulary, value)) ?? null;
}

export type Lookup =
  /** The value is a term of the vocabulary; `refs` are its translations (without the term itself). */
  | { status: "mapped"; code: string; refs: TermRef[] }
  /** A known value with no counterpart in the target vocabularies, deliberately dropped. */
  | { status: "dropped"; code: string; refs: [] }
  | { status: "unknown"; value: string; refs: [] };

/**
 * A value of `vocabulary` and what it becomes through the tables (one step). With `targets`, only
 * translations into those vocabularies are kept; a known value with none left is "dropped".
 */
export function lookup(vocabulary: string, value: string, targets?: readonly string[]): Lookup {
  const code = canonicalCode(vocabulary, value);
  if (code === null) return { status: "unknown", value, refs: [] };
  const table = TABLES.get(vocabulary);
  const translated = [...(table?.get(code) ?? [])];
  for (const [a, b] of SAME_CODES) {
    const other = vocabulary === a ? b : vocabulary === b ? a : null;
    if (other && VOCABULARY_CODES.get(other)?.has(code)) translated.push([other, code]);
  }
  const refs = targets ? translated.filter(([target]) => targets.includes(target)) : translated;
  return refs.length > 0 ? { status: "mapped", code, refs: dedupe(refs) } : { status: "dropped", code, refs: [] };
}

export function dedupe(refs: readonly TermRef[]): TermRef[] {
  const seen = new Map<string, TermRef>();
  for (const ref of refs) seen.set(`${ref[0]}\u0000${ref[1]}`, ref);
  return [...seen.values()];
}

/**
 * The codes of `target` that a set of terms stands for: terms of `target` itself, and terms of
 * other vocabularies translated through the tables. `untranslated` lists the terms that gave nothing.
 */
export function codesIn(target: string, terms: readonly TermRef[]): { codes: string[]; untranslated: TermRef[] } {
  const codes: string[] = [];
  const untranslated: TermRef[] = [];
  for (const term of terms) {
    if (term[0] === target) {
      codes.push(term[1]);
      continue;
    }
    const found = lookup(term[0], term[1], [target]);
    if (found.status === "mapped") codes.push(...found.refs.map(([, code]) => code));
    else untranslated.push(term);
  }
  return { codes: [...new Set(codes)], untranslated };
}

/** The other direction: the values of every vocabulary that translate into `target`'s `code`. */
export function reverseLookup(target: string, code: string): TermRef[] {
  const refs: TermRef[] = [];
  for (const [from, entries] of TABLES) {
    for (const [source, to] of entries) {
      if (to.some(([vocabulary, value]) => vocabulary === target && value === code)) refs.push([from, source]);
    }
  }
  return refs;
}
