/**
 * Words that mean no need (matchNeeds found nothing, not even one typo away): the needs whose words
 * come closest — two edits away, or sharing their first four letters — so that the person is
 * offered something to click instead of an empty page. Pure; the data is small.
 */
import { stem } from "@/lib/public-search/match";
import { NEEDS, needIn, type Country, type PublicNeed } from "@/lib/public-search/needs";
import { tokens } from "@/lib/public-search/text";

const MAX_CLOSEST = 3;

/** Edit distance (insert, delete, substitute), or `limit + 1` as soon as it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const NEED_WORDS = NEEDS.map((need) => ({
  need,
  words: new Set(
    [need.label, ...need.keywords, ...Object.values(need.byCountry ?? {}).flatMap((variant) => [variant.label ?? "", ...(variant.keywords ?? [])])]
      .flatMap((text) => tokens(text).map(stem))
      .filter((word) => word.length >= 4),
  ),
}));

/** How close a typed word is to a need's word: 3 (the same), 2 (one edit), 1 (two edits, or the same first four letters), 0. */
function closeness(typed: string, word: string): number {
  if (typed.length >= 5 && word.length >= 5) {
    const edits = editDistance(typed, word, 2);
    if (edits <= 2) return 3 - edits;
  }
  return typed.length >= 4 && typed.slice(0, 4) === word.slice(0, 4) ? 1 : 0;
}

/** The needs closest to the words typed, best first (at most three), labelled for the country. */
export function closestNeeds(words: string, country?: Country): PublicNeed[] {
  const typed = [...new Set(tokens(words).map(stem))].filter((word) => word.length >= 4).slice(0, 12);
  if (typed.length === 0) return [];
  return NEED_WORDS.map(({ need, words: known }, order) => {
    let score = 0;
    for (const word of typed) {
      let best = 0;
      for (const candidate of known) best = Math.max(best, closeness(word, candidate));
      score += best;
    }
    return { need, order, score };
  })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_CLOSEST)
    .map(({ need }) => needIn(need, country));
}
