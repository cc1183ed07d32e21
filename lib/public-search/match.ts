/**
 * From what a resident types to the needs it most likely means, best first.
 *
 * Each word of the query earns the need the best of:
 *   - it belongs to a keyword (or label) of the need that is entirely in the query — PHRASE,
 *     per word, so "pole emploi" (2 words) outweighs "emploi" (1 word) elsewhere;
 *   - it is one word of a longer keyword of the need, the rest missing — TOKEN;
 *   - it starts a word of the need, 3 letters at least ("logem") — PREFIX;
 *   - it is one typo away (Damerau-Levenshtein ≤ 1) from a word of 5 letters or more — TYPO.
 * Prefixes and typos are only tried for words no need knows ("mot" is a word of "mot de passe",
 * so it is not read as the start of "motivation"), and weigh less when they approach one word of
 * a longer keyword, which says less of it. A need's score is the sum over the distinct words of
 * the query. Words are compared after normalize() (no accents, no case), without stop
 * words, with a light plural stemming. Needs far below the best one (under a quarter of its
 * score: a stray word one typo away from a keyword) are left out: they would only be noise.
 * The index is built once, at module load: the data is small and every query is a few loops.
 */
import { findNeed, NEEDS, needIn, type Country, type Need, type NeedTerm, type PublicNeed } from "./needs";
import { tokens } from "./text";

export const SCORES = { PHRASE: 10, TOKEN: 4, PREFIX: 2.4, TYPO: 1.5 } as const;

/** A query says a need in a few words; beyond this, the rest is ignored. */
const MAX_QUERY_WORDS = 12;
const MIN_PREFIX_LENGTH = 3;
const MIN_TYPO_LENGTH = 5;
const MIN_SHARE_OF_BEST = 0.25;

/** "impôts" and "impot", "ordis" and "ordi" are the same word; "pass" is not "pas". */
export function stem(word: string): string {
  if (word.length > 3 && /[sx]$/.test(word) && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Whether two words are at most one edit apart: insert, delete, substitute, or swap two neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthGap = a.length - b.length;
  if (Math.abs(lengthGap) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (lengthGap === 0) {
    // One substitution, or one transposition of neighbours.
    if (a.slice(start + 1) === b.slice(start + 1)) return true;
    return a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2);
  }
  // One insertion or deletion: skip one letter in the longer word.
  return lengthGap > 0 ? a.slice(start + 1) === b.slice(start) : a.slice(start) === b.slice(start + 1);
}

/** What a need can be found by: its keywords and labels (every country's), as stemmed words. */
interface IndexedNeed {
  need: Need;
  /** Each keyword as its list of words; keywords that reduce to the same words appear once. */
  phrases: string[][];
}

function indexNeed(need: Need): IndexedNeed {
  const variants = Object.values(need.byCountry ?? {});
  const texts = [
    need.label,
    ...need.keywords,
    ...variants.flatMap((variant) => [variant.label ?? "", ...(variant.keywords ?? [])]),
  ];
  const phrases = new Map<string, string[]>();
  for (const text of texts) {
    const words = tokens(text).map(stem);
    if (words.length > 0) phrases.set(words.join(" "), words);
  }
  return { need, phrases: [...phrases.values()] };
}

const INDEX: readonly IndexedNeed[] = NEEDS.map(indexNeed);
/** Every word some need is found by. */
const KNOWN_WORDS: ReadonlySet<string> = new Set(INDEX.flatMap(({ phrases }) => phrases.flat()));

/** How well an unknown word of the query approaches one word of a keyword (0: not at all). */
function fuzzyScore(queryWord: string, keywordWord: string): number {
  if (queryWord.length >= MIN_PREFIX_LENGTH && keywordWord.startsWith(queryWord)) return SCORES.PREFIX;
  if (
    queryWord.length >= MIN_TYPO_LENGTH &&
    keywordWord.length >= MIN_TYPO_LENGTH &&
    withinOneEdit(queryWord, keywordWord)
  ) {
    return SCORES.TYPO;
  }
  return 0;
}

interface QueryWord {
  word: string;
  known: boolean;
}

function scoreNeed({ phrases }: IndexedNeed, queryWords: readonly QueryWord[]): number {
  const best = queryWords.map(() => 0);
  for (const phrase of phrases) {
    const whole = phrase.every((word) => queryWords.some((queryWord) => queryWord.word === word));
    // A fuzzy match weighs less when it approaches one word of a longer keyword.
    const share = 0.5 + 0.5 / phrase.length;
    queryWords.forEach(({ word: queryWord, known }, position) => {
      let score = 0;
      for (const word of phrase) {
        if (word === queryWord) {
          score = whole ? SCORES.PHRASE : SCORES.TOKEN;
          break;
        }
        if (!known) score = Math.max(score, fuzzyScore(queryWord, word) * share);
      }
      best[position] = Math.max(best[position]!, score);
    });
  }
  return best.reduce((sum, score) => sum + score, 0);
}

/** The distinct words of a query that may say a need, stemmed, at most MAX_QUERY_WORDS. */
export function queryWords(query: unknown): string[] {
  return [...new Set(tokens(query).map(stem))].slice(0, MAX_QUERY_WORDS);
}

export interface NeedMatch {
  need: PublicNeed;
  score: number;
}

/**
 * The needs a query may mean, best first (ties in the order of NEEDS), labelled
 * for the country when given. An empty or meaningless query matches nothing.
 */
export function matchNeeds(query: unknown, country?: Country): NeedMatch[] {
  const words = queryWords(query).map((word) => ({ word, known: KNOWN_WORDS.has(word) }));
  if (words.length === 0) return [];
  const scored = INDEX.map((indexed, order) => ({ indexed, order, score: scoreNeed(indexed, words) }));
  const best = Math.max(...scored.map(({ score }) => score));
  return scored
    .filter(({ score }) => score > 0 && score >= best * MIN_SHARE_OF_BEST)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ indexed, score }) => ({ need: needIn(indexed.need, country), score }));
}

/**
 * The vocabulary terms to filter offers by for these needs (an offer answers when it carries
 * any of them), each once, in order. Accepts needs or their slugs; unknown slugs are ignored.
 */
export function termRefsForNeeds(needs: readonly (Pick<PublicNeed, "terms"> | string)[]): NeedTerm[] {
  const seen = new Map<string, NeedTerm>();
  for (const need of needs) {
    const terms = typeof need === "string" ? (findNeed(need)?.terms ?? []) : need.terms;
    for (const term of terms) {
      const key = `${term.vocabularyKey}\u0000${term.code}`;
      if (!seen.has(key)) seen.set(key, { vocabularyKey: term.vocabularyKey, code: term.code });
    }
  }
  return [...seen.values()];
}
