/**
 * The public API's query parameters, one zod schema per route. Unlike the residents' search
 * (lenient: nonsense is dropped), a program asked for something precise: a bad value is a 400
 * naming the parameter and why. Parameters a route does not know are ignored.
 */
import { isUuid } from "@/lib/ids";
import { z } from "zod";
import { reverseLookup, lookup, VOCABULARY_CODES, type TermRef } from "../crosswalks";
import { allNeeds, findNeed } from "@/lib/public-search/needs";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const FORMATS = ["toile", "lmn", "data-inclusion", "hsds"] as const;
const LIST_FORMATS = ["toile", "data-inclusion", "hsds"] as const;


/** The cursor is opaque to clients: the last id of the page, in base64url JSON. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString("base64url");
}

export function decodeCursor(cursor: string): string | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    const after = (value as { after?: unknown } | null)?.after;
    return isUuid(after) ? after.toLowerCase() : null;
  } catch {
    return null;
  }
}

const NEED_VOCABULARIES = ["lmn.services", "dataInclusion.v1.thematiques"] as const;

/** Where the valid `need` values are listed, for people: the 400 points there. */
export const NEEDS_DOCUMENTATION = "/api#besoins";

/**
 * Every value `need` accepts: the needs of the residents' search, and the codes of the two need
 * vocabularies. Listed on /api and as the parameter's values in the OpenAPI document, so that the
 * place a 400 points to has them all.
 */
export function needIdentifiers() {
  return {
    needs: allNeeds().map(({ slug, label }) => ({ slug, label })),
    vocabularies: NEED_VOCABULARIES.map((vocabulary) => ({ vocabulary, codes: [...(VOCABULARY_CODES.get(vocabulary) ?? [])].sort((a, b) => a.localeCompare(b, "fr")) })),
  };
}

/**
 * The terms a `need` stands for: a need of the residents' search (its slug), or a code of one of
 * the two need vocabularies with the codes the crosswalks translate it to or from. Null if unknown.
 */
export function needTerms(need: string): TermRef[] | null {
  const found = findNeed(need);
  if (found) return found.terms.map((term) => [term.vocabularyKey, term.code] as const);
  for (const vocabulary of NEED_VOCABULARIES) {
    if (!VOCABULARY_CODES.get(vocabulary)?.has(need)) continue;
    const other = NEED_VOCABULARIES.filter((candidate) => candidate !== vocabulary);
    return [[vocabulary, need], ...lookup(vocabulary, need, other).refs, ...reverseLookup(vocabulary, need).filter(([from]) => other.some((candidate) => candidate === from))];
  }
  return null;
}

const limit = z
  .string()
  .regex(/^\d{1,6}$/, `un entier de 1 à ${MAX_LIMIT} est attendu`)
  .transform(Number)
  .pipe(z.number().int().min(1, `un entier de 1 à ${MAX_LIMIT} est attendu`).max(MAX_LIMIT, `au plus ${MAX_LIMIT}`))
  .default(DEFAULT_LIMIT);

const cursor = z
  .string()
  .max(200, "curseur invalide")
  .transform((value, context) => {
    const after = decodeCursor(value);
    if (!after) context.addIssue({ code: "custom", message: "curseur invalide : reprenez le lien « next » d'une réponse" });
    return after ?? "";
  })
  .optional();

const updatedSince = z
  .string()
  .refine(
    (value) => z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success,
    "une date ISO 8601 est attendue (2026-11-01 ou 2026-11-01T08:00:00Z)",
  )
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value))
  .refine((date) => !Number.isNaN(date.getTime()), "date impossible")
  .optional();

const commune = z
  .string()
  .regex(/^(\d{4,5}|2[AB]\d{3})$/i, "un code INSEE (5 caractères) ou un code postal (4 ou 5 chiffres) est attendu")
  .transform((value) => value.toUpperCase())
  .optional();

const need = z
  .string()
  .max(200, "trop long")
  .transform((value, context) => {
    const terms = needTerms(value.trim());
    if (!terms) context.addIssue({ code: "custom", message: `besoin inconnu : un identifiant de besoin ou un code de lmn.services / dataInclusion.v1.thematiques, listés sur ${NEEDS_DOCUMENTATION} et dans /api/v1/openapi.json` });
    return { code: value.trim(), terms: terms ?? [] };
  })
  .optional();

const format = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { error: `un de : ${values.join(", ")}` }).default(values[0]);

export const territoryParams = z.object({ format: format(FORMATS) });
export const structuresParams = z.object({ limit, cursor, updated_since: updatedSince, commune, format: format(LIST_FORMATS) });
export const offersParams = z.object({ limit, cursor, need, commune, updated_since: updatedSince, format: format(LIST_FORMATS) });
export const itemParams = z.object({ format: format(LIST_FORMATS) });
export const noParams = z.object({});

export type StructuresParams = z.output<typeof structuresParams>;
export type OffersParams = z.output<typeof offersParams>;

export interface ParameterError {
  parameter: string;
  message: string;
}

/** The URL's parameters read by a schema (the first value of each), or the errors, by parameter. */
export function parseParams<T extends z.ZodObject>(schema: T, url: URL): { ok: true; value: z.output<T> } | { ok: false; errors: ParameterError[] } {
  const known = Object.keys(schema.shape);
  const raw = Object.fromEntries(known.flatMap((key) => (url.searchParams.has(key) ? [[key, url.searchParams.get(key)!]] : [])));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? ""), message: issue.message })) };
}

/** Each route's query parameters, by its OpenAPI path (openapi.test.ts checks they are all documented). */
export const ROUTE_PARAMS = {
  "/api/v1": noParams,
  "/api/v1/openapi.json": noParams,
  "/api/v1/territories": noParams,
  "/api/v1/territories/{slug}": territoryParams,
  "/api/v1/territories/{slug}/structures": structuresParams,
  "/api/v1/territories/{slug}/offers": offersParams,
  "/api/v1/structures/{id}": itemParams,
  "/api/v1/offers/{id}": itemParams,
} as const;
