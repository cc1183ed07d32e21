/**
 * "Rejoindre une structure": what the search form's URL says, read leniently (nonsense falls back
 * to the defaults, never an error: it is a GET form), and the folding that makes the search blind
 * to case, accents, hyphens and apostrophes — the same in JavaScript (the words typed) and in SQL
 * (the names and communes stored), so that "essomes sur marne" finds "Essômes-sur-Marne".
 */
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export const JOIN_PAGE_SIZE = 20;
/** Longer text is cut: nobody's structure name needs more. */
export const JOIN_QUERY_MAX_LENGTH = 100;
/** The territory choice meaning "every territory" (the default otherwise is the person's own). */
export const ALL_TERRITORIES = "tous";

const text = (max: number) =>
  z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().catch("")).transform((value) =>
    value.replace(/\s+/g, " ").trim().slice(0, max),
  );

export const joinSearchSchema = z.object({
  q: text(JOIN_QUERY_MAX_LENGTH),
  /** The URL's parameter (a French address, like the page's): the chosen territory's slug, "tous" or "". */
  territoire: text(80),
  page: z
    .preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(10_000))
    .catch(1),
});
export type JoinSearchParams = z.output<typeof joinSearchSchema>;

export function parseJoinSearch(params: Record<string, string | string[] | undefined>): JoinSearchParams {
  return joinSearchSchema.parse(params);
}

/** The URL of a page of results: the same query and territory, another page (page 1 left out). */
export function joinSearchHref({ q, territoire: territory }: Pick<JoinSearchParams, "q" | "territoire">, page = 1): string {
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (territory) query.set("territoire", territory);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `/structures?${search}` : "/structures";
}

// Letters folded by SQL's translate(): each to what Unicode decomposition leaves of it; hyphens and
// apostrophes to spaces. Letters that fold to two (œ, æ) are replaced separately.
const FOLDED_LETTERS = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ";
const SEPARATORS = "-'’‘`";
const FOLD_FROM = FOLDED_LETTERS + SEPARATORS;
const FOLD_TO = [...FOLDED_LETTERS].map(stripMarks).join("").toLowerCase() + " ".repeat(SEPARATORS.length);

function stripMarks(letter: string) {
  return letter.normalize("NFD").replace(/\p{M}/gu, "");
}

/** What the search compares: lower case, no accents, hyphens and apostrophes as spaces. */
export function foldForSearch(value: string): string {
  return stripMarks(value.replace(/[œŒ]/g, "oe").replace(/[æÆ]/g, "ae"))
    .toLowerCase()
    .replace(/[-'’‘`]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The same folding as `foldForSearch`, in SQL, for a text column or expression. */
export function foldSql(expression: Prisma.Sql): Prisma.Sql {
  // lower() first for ASCII (a C-locale database lowercases nothing else); translate() then takes
  // the accented letters in both cases.
  return Prisma.sql`replace(replace(replace(replace(translate(lower(${expression}), ${FOLD_FROM}, ${FOLD_TO}), 'œ', 'oe'), 'æ', 'ae'), 'Œ', 'oe'), 'Æ', 'ae')`;
}

/** The words typed, folded, each as a LIKE pattern ("contains"), wildcards typed taken literally. */
export function searchPatterns(query: string): string[] {
  return foldForSearch(query)
    .split(" ")
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
}
