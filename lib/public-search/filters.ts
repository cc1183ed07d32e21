/**
 * The public search's filters, read from the URL. Every filter lives in the query string, so a
 * link, a bookmark or a plain GET form (no JavaScript) gives the same page. Reading is lenient:
 * a value that makes no sense (a negative page, a distance of 1e308, an unknown code, a script)
 * is dropped and said in `ignored`, never an error — the person still gets a normal page.
 */
import { z } from "zod";
import { localeFrom, type Locale } from "@/lib/i18n/locales";
import { findNeed } from "./needs";
import { normalize } from "./text";

export const ACCESS_MODES = ["acces-libre", "sans-rendez-vous", "sur-rendez-vous", "atelier-collectif", "a-distance"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const POSTURES = ["apprendre-a-faire", "faire-avec", "faire-a-la-place"] as const;
export type Posture = (typeof POSTURES)[number];

/** dataInclusion.v1.publics codes (prisma/reference/vocabularies.json), "tous-publics" aside: it is not a choice. */
export const PUBLICS = [
  "actifs",
  "beneficiaires-des-minimas-sociaux",
  "demandeurs-emploi",
  "etudiants",
  "familles",
  "femmes",
  "jeunes",
  "personnes-en-situation-de-handicap",
  "personnes-en-situation-durgence",
  "personnes-en-situation-juridique-specifique",
  "personnes-exilees",
  "residents-qpv-frr",
  "seniors",
] as const;
export type PublicCode = (typeof PUBLICS)[number];

export const OPEN_FILTERS = ["maintenant", "aujourdhui"] as const;
export type OpenFilter = (typeof OPEN_FILTERS)[number];

/** "avec un créneau libre cette semaine" (issue 17): `?creneau=semaine`. */
export const SLOT_FILTERS = ["semaine"] as const;
export type SlotFilter = (typeof SLOT_FILTERS)[number];

export const MAX_DISTANCE_KM = 50;
const MAX_PAGE = 500;
/** A commune is said in a few words; longer input is not a commune. */
const MAX_COMMUNE_LENGTH = 80;

/** Names of the filters as they appear in the URL. */
export type FilterName = "q" | "besoin" | "commune" | "distance" | "public" | "age" | "acces" | "posture" | "ouvert" | "gratuit" | "creneau" | "page";

/** Why a filter was left out: "unknown" value, out of "range", or a distance "without a commune". */
export type IgnoredReason = "unknown" | "range" | "needsCommune";
export interface IgnoredFilter {
  filter: FilterName;
  reason: IgnoredReason;
}

export interface SearchFilters {
  /** Free text as typed (shown back in the box), bounded, control characters removed; "" when none. */
  q: string;
  besoin: string | null;
  /** What was typed for the commune (trimmed, bounded); resolved against the territory's communes by the query. */
  commune: string | null;
  distance: number | null;
  public: PublicCode | null;
  age: number | null;
  acces: AccessMode[];
  posture: Posture | null;
  ouvert: OpenFilter | null;
  gratuit: boolean;
  /** Only offers with a free appointment slot from now to the end of the week. */
  creneau: SlotFilter | null;
  page: number;
  lang: Locale;
}

class Ignored {
  constructor(readonly reason: IgnoredReason) {}
}

/** A query parameter given several times counts once (its first value). */
const first = (raw: unknown): unknown => (Array.isArray(raw) ? raw[0] : raw);
const present = (raw: unknown) => typeof raw === "string" && raw.trim() !== "";

/** A parameter read with `inner`; absent → null, nonsense → Ignored(reason). */
function lenient<T>(inner: z.ZodType<T>, reason: IgnoredReason = "unknown") {
  return z.unknown().optional().transform((raw): T | null | Ignored => {
    const value = first(raw);
    if (!present(value)) return null;
    const parsed = inner.safeParse((value as string).trim());
    return parsed.success ? parsed.data : new Ignored(reason);
  });
}

/** Decimal integers only: "1e308", "0x10", "12abc", "-0" and friends are not numbers a person typed. */
const integerIn = (min: number, max: number) =>
  z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(min).max(max));

/** Longest free text kept: a need is said in a few words; the rest is noise or an attack. */
const MAX_QUERY_LENGTH = 200;

function cleanText(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return raw
    .slice(0, MAX_QUERY_LENGTH * 2)
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

const isKnown = <T extends string>(list: readonly T[]) => (value: string): value is T => list.includes(value as T);

export const searchFiltersSchema = z
  .object({
    q: z.unknown().optional().transform((raw) => cleanText(first(raw))),
    besoin: lenient(z.string().refine((slug) => findNeed(slug) !== undefined)),
    commune: lenient(z.string().max(MAX_COMMUNE_LENGTH * 4).transform((text) => text.slice(0, MAX_COMMUNE_LENGTH).trim())),
    distance: lenient(integerIn(1, MAX_DISTANCE_KM), "range"),
    public: lenient(z.string().refine(isKnown(PUBLICS))),
    age: lenient(integerIn(0, 120), "range"),
    // Several access modes may be ticked: each unknown one is dropped.
    acces: z.unknown().optional().transform((raw) => {
      const values = (Array.isArray(raw) ? raw : [raw]).filter(present).slice(0, 20) as string[];
      const known = [...new Set(values.map((value) => value.trim()).filter(isKnown(ACCESS_MODES)))];
      return { known, ignored: known.length < new Set(values).size };
    }),
    posture: lenient(z.string().refine(isKnown(POSTURES))),
    ouvert: lenient(z.string().refine(isKnown(OPEN_FILTERS))),
    gratuit: lenient(z.literal("1")),
    creneau: lenient(z.string().refine(isKnown(SLOT_FILTERS))),
    page: lenient(integerIn(1, MAX_PAGE), "range"),
    lang: z.unknown().optional().transform(localeFrom),
  })
  .transform(({ acces, ...fields }) => {
    const ignored: IgnoredFilter[] = [];
    const keep = <T,>(filter: FilterName, value: T | null | Ignored): T | null => {
      if (value instanceof Ignored) {
        ignored.push({ filter, reason: value.reason });
        return null;
      }
      return value;
    };
    const filters: SearchFilters = {
      q: fields.q,
      besoin: keep("besoin", fields.besoin),
      commune: keep("commune", fields.commune),
      distance: keep("distance", fields.distance),
      public: keep("public", fields.public),
      age: keep("age", fields.age),
      acces: acces.known,
      posture: keep("posture", fields.posture),
      ouvert: keep("ouvert", fields.ouvert),
      gratuit: keep("gratuit", fields.gratuit) === "1",
      creneau: keep("creneau", fields.creneau),
      page: keep("page", fields.page) ?? 1,
      lang: fields.lang,
    };
    if (acces.ignored) ignored.push({ filter: "acces", reason: "unknown" });
    return { filters, ignored };
  });

export type ParsedSearch = z.output<typeof searchFiltersSchema>;

/** The filters of a page's search params; never throws. */
export function parseSearchFilters(searchParams: Record<string, unknown>): ParsedSearch {
  return searchFiltersSchema.parse(searchParams ?? {});
}

/** A commune of the territory, as the search knows it (from its places). */
export interface Commune {
  code: string;
  name: string;
  postalCode: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The communes meant by what was typed: an INSEE code, a postal code (every commune that has it),
 * or a name — exact after normalizing ("chateau thierry"), else the one commune whose name
 * contains it. Empty when nothing fits.
 */
export function resolveCommune(typed: string, communes: readonly Commune[]): Commune[] {
  const text = normalize(typed);
  if (!text) return [];
  const compact = text.replaceAll(" ", "");
  const byCode = communes.filter((commune) => commune.code === compact);
  if (byCode.length > 0) return byCode;
  const byPostalCode = communes.filter((commune) => commune.postalCode === compact);
  if (byPostalCode.length > 0) return byPostalCode;
  const exact = communes.filter((commune) => normalize(commune.name) === text);
  if (exact.length > 0) return exact;
  const partial = communes.filter((commune) => normalize(commune.name).includes(text));
  return partial.length === 1 ? partial : [];
}

/** Edit distance between two short texts (Levenshtein), stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * When what was typed names no commune: the communes it may have meant, at most `max` — those
 * whose name holds it (several, so none was chosen), those whose postal code starts with it, then
 * those whose name is a typo or two away ("chateau tiery"). Closest first, then by name.
 */
export function communeSuggestions(typed: string, communes: readonly Commune[], max = 8): Commune[] {
  const text = normalize(typed);
  if (!text) return [];
  const compact = text.replaceAll(" ", "");
  const limit = Math.max(1, Math.floor(text.length / 5));
  const scored: { commune: Commune; score: number }[] = [];
  for (const commune of communes) {
    const name = normalize(commune.name);
    const score =
      name.includes(text) || (/^\d+$/.test(compact) && commune.postalCode.startsWith(compact)) ? 0 : editDistance(text, name, limit);
    if (score <= limit) scored.push({ commune, score });
  }
  scored.sort((a, b) => a.score - b.score || a.commune.name.localeCompare(b.commune.name, "fr") || a.commune.postalCode.localeCompare(b.commune.postalCode));
  return scored.slice(0, max).map(({ commune }) => commune);
}

/** The URL query of a search: only the filters that are set, `lang` kept; page 1 is implicit. */
export function searchQuery(filters: SearchFilters, changes: Partial<SearchFilters> = {}): string {
  return searchParamsOf(filters, changes).toString();
}

/** The same query as URLSearchParams, for `safeUrl` (lib/html/url.ts). */
export function searchParamsOf(filters: SearchFilters, changes: Partial<SearchFilters> = {}): URLSearchParams {
  const merged = { ...filters, ...changes };
  const query = new URLSearchParams();
  if (merged.q) query.set("q", merged.q);
  if (merged.besoin) query.set("besoin", merged.besoin);
  if (merged.commune) query.set("commune", merged.commune);
  if (merged.distance) query.set("distance", String(merged.distance));
  if (merged.public) query.set("public", merged.public);
  if (merged.age !== null) query.set("age", String(merged.age));
  for (const mode of merged.acces) query.append("acces", mode);
  if (merged.posture) query.set("posture", merged.posture);
  if (merged.ouvert) query.set("ouvert", merged.ouvert);
  if (merged.gratuit) query.set("gratuit", "1");
  if (merged.creneau) query.set("creneau", merged.creneau);
  if (merged.page > 1) query.set("page", String(merged.page));
  if (merged.lang !== "fr") query.set("lang", merged.lang);
  return query;
}

/** The clean filters as search params (for the language switch: hostile input is not carried on). */
export function filterParams(filters: SearchFilters): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [key, value] of searchParamsOf(filters)) (params[key] ??= []).push(value);
  return params;
}
