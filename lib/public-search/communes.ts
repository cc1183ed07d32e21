/**
 * The territory's communes for its public pages. A small territory's home lists them; a large
 * one's (the Hinaura file has 986) would weigh hundreds of kilobytes, so its home links to an
 * index by first letter (`/t/<slug>/communes`), one letter per page, and its search box takes a
 * commune's name or postal code.
 */
import type { Commune } from "./filters";

/** The most communes a territory's home lists itself. */
export const HOME_COMMUNES_MAX = 30;

/** A commune's index letter: its first letter without accent, "#" when it is not a letter. */
export function indexLetter(name: string): string {
  const first = name.trim().normalize("NFD").replace(/[\u0300-\u036f]/g, "").charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : "#";
}

export interface CommuneIndex {
  /** The letters that have communes, in order, with how many. */
  letters: { letter: string; count: number }[];
  /** The communes of the letter asked for (the first letter when none or an unknown one is asked). */
  letter: string | null;
  communes: Commune[];
}

export function communeIndex(communes: readonly Commune[], asked: unknown): CommuneIndex {
  const byLetter = new Map<string, Commune[]>();
  for (const commune of communes) {
    const letter = indexLetter(commune.name);
    const list = byLetter.get(letter);
    if (list) list.push(commune);
    else byLetter.set(letter, [commune]);
  }
  const letters = [...byLetter.keys()].sort((a, b) => (a === "#" ? 1 : b === "#" ? -1 : a.localeCompare(b))).map((letter) => ({ letter, count: byLetter.get(letter)!.length }));
  const wanted = typeof asked === "string" ? asked.toUpperCase() : "";
  const letter = byLetter.has(wanted) ? wanted : (letters[0]?.letter ?? null);
  const chosen = letter === null ? [] : byLetter.get(letter)!;
  return { letters, letter, communes: [...chosen].sort((a, b) => a.name.localeCompare(b.name, "fr") || a.postalCode.localeCompare(b.postalCode)) };
}
