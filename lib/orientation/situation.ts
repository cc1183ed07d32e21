/**
 * A person's situation, as the orientation assistant reads it (seed 001's 3-A analysis: the need,
 * how urgent, how at ease with digital tools, what equipment, and where they can go). It lives in
 * the URL, like the search's filters: the mediators' assistant, the call sheet's suggestions and the
 * residents' questionnaire are GET forms, so a link or a bookmark gives the same ranking, and a
 * ranking can be carried to the transfer form that follows it.
 *
 * Reading is lenient: a value that makes no sense is dropped and said in `ignored`; answers that
 * contradict each other or the territory (a deadline already past, a commune outside it) are
 * problems the pages say, never an error page (engine.ts adds those that need the territory).
 */
import { z } from "zod";
import { localeFrom, type Locale } from "@/lib/i18n/locales";
import { findNeed } from "@/lib/public-search/needs";
import { MAX_DISTANCE_KM, POSTURES, PUBLICS, type Posture, type PublicCode } from "@/lib/public-search/filters";
import { AGE_BANDS, DIFFICULTIES, DIGITAL_EASES, EQUIPMENT, URGENCIES, type AgeBand } from "@/lib/transfers/schemas";

export type Urgency = (typeof URGENCIES)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];
export type DigitalEase = (typeof DIGITAL_EASES)[number];
export type Equipment = (typeof EQUIPMENT)[number];
export { type AgeBand, type Posture, type PublicCode };

export const AGE_BAND_KEYS = Object.keys(AGE_BANDS) as AgeBand[];

/** Languages a person may ask for (ISO 639-1): two lowercase letters. */
const LANGUAGE = /^[a-z]{2}$/;
/** Plain words of a need: a few words, like the search box. */
const MAX_WORDS_LENGTH = 200;

export interface Situation {
  /** A need of the taxonomy (lib/public-search/needs.ts), by slug. */
  besoin: string | null;
  /** Or the need in plain words, matched with the search's synonyms. */
  q: string;
  /** Where the person lives or is: a commune of the territory, as typed (name, INSEE or postal code). */
  commune: string | null;
  /** How far the person can travel, in km; 0: cannot travel (phone or remote only). */
  distance: number | null;
  ageBand: AgeBand | null;
  public: PublicCode | null;
  urgence: Urgency | null;
  /** How long the request is (the mediator's judgement): simple → on the spot; complex → an appointment. */
  difficulte: Difficulty | null;
  /** "YYYY-MM-DD": the person must be done by this day. */
  echeance: string | null;
  aisance: DigitalEase | null;
  equipement: Equipment[];
  /** ISO 639-1: the language the person speaks best, when French is hard. */
  langue: string | null;
  /** The person needs a place without steps (wheelchair). */
  fauteuil: boolean;
  /** The support goal: done for them, done with them, or learn to do it. */
  objectif: Posture | null;
  /** The interface's language (residents' pages). */
  lang: Locale;
}

/** The URL parameters of a situation, in the order forms show them. */
export const SITUATION_PARAMS = [
  "besoin",
  "q",
  "commune",
  "distance",
  "age",
  "public",
  "urgence",
  "difficulte",
  "echeance",
  "aisance",
  "equipement",
  "langue",
  "fauteuil",
  "objectif",
] as const;
export type SituationParam = (typeof SITUATION_PARAMS)[number];

export interface IgnoredAnswer {
  param: SituationParam;
}

class Ignored {}
const IGNORED = new Ignored();

const first = (raw: unknown): unknown => (Array.isArray(raw) ? raw[0] : raw);
const present = (raw: unknown) => typeof raw === "string" && raw.trim() !== "";
const isKnown = <T extends string>(list: readonly T[]) => (value: string): value is T => list.includes(value as T);

function lenient<T>(inner: z.ZodType<T>) {
  return z.unknown().optional().transform((raw): T | null | Ignored => {
    const value = first(raw);
    if (!present(value)) return null;
    const parsed = inner.safeParse((value as string).trim());
    return parsed.success ? parsed.data : IGNORED;
  });
}

function cleanText(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return raw
    .slice(0, MAX_WORDS_LENGTH * 2)
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_WORDS_LENGTH);
}

/** A real calendar day, "YYYY-MM-DD". */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  });

const situationSchema = z
  .object({
    besoin: lenient(z.string().refine((slug) => findNeed(slug) !== undefined)),
    q: z.unknown().optional().transform((raw) => cleanText(first(raw))),
    commune: lenient(z.string().max(320).transform((text) => text.slice(0, 80).trim())),
    distance: lenient(z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(0).max(MAX_DISTANCE_KM))),
    age: lenient(z.string().refine(isKnown(AGE_BAND_KEYS))),
    public: lenient(z.string().refine(isKnown(PUBLICS))),
    urgence: lenient(z.string().refine(isKnown(URGENCIES))),
    difficulte: lenient(z.string().refine(isKnown(DIFFICULTIES))),
    echeance: lenient(isoDay),
    aisance: lenient(z.string().refine(isKnown(DIGITAL_EASES))),
    equipement: z.unknown().optional().transform((raw) => {
      const values = (Array.isArray(raw) ? raw : [raw]).filter(present).slice(0, 20) as string[];
      const known = [...new Set(values.map((value) => value.trim()).filter(isKnown(EQUIPMENT)))];
      return { known, ignored: known.length < new Set(values).size };
    }),
    langue: lenient(z.string().toLowerCase().regex(LANGUAGE)),
    fauteuil: lenient(z.literal("1")),
    objectif: lenient(z.string().refine(isKnown(POSTURES))),
    lang: z.unknown().optional().transform(localeFrom),
  })
  .transform(({ equipement: ticked, ...fields }) => {
    const ignored: IgnoredAnswer[] = [];
    const keep = <T,>(param: SituationParam, value: T | null | Ignored): T | null => {
      if (value instanceof Ignored) {
        ignored.push({ param });
        return null;
      }
      return value;
    };
    // "Aucun équipement" with something else ticked: the things ticked win.
    const equipment = ticked.known.length > 1 ? ticked.known.filter((item) => item !== "none") : ticked.known;
    const situation: Situation = {
      besoin: keep("besoin", fields.besoin),
      q: fields.q,
      commune: keep("commune", fields.commune),
      distance: keep("distance", fields.distance),
      ageBand: keep("age", fields.age),
      public: keep("public", fields.public),
      urgence: keep("urgence", fields.urgence),
      difficulte: keep("difficulte", fields.difficulte),
      echeance: keep("echeance", fields.echeance),
      aisance: keep("aisance", fields.aisance),
      equipement: equipment,
      langue: keep("langue", fields.langue),
      fauteuil: keep("fauteuil", fields.fauteuil) === "1",
      objectif: keep("objectif", fields.objectif),
      lang: fields.lang,
    };
    if (ticked.ignored) ignored.push({ param: "equipement" });
    return { situation, ignored };
  });

/** The situation of a page's search params; never throws. */
export function parseSituation(searchParams: Record<string, unknown>): { situation: Situation; ignored: IgnoredAnswer[] } {
  return situationSchema.parse(searchParams ?? {});
}

export const EMPTY_SITUATION: Situation = parseSituation({}).situation;

/** The situation as URL parameters: only what is set; `lang` kept when not French. */
export function situationParams(situation: Situation): URLSearchParams {
  const query = new URLSearchParams();
  if (situation.besoin) query.set("besoin", situation.besoin);
  if (situation.q) query.set("q", situation.q);
  if (situation.commune) query.set("commune", situation.commune);
  if (situation.distance !== null) query.set("distance", String(situation.distance));
  if (situation.ageBand) query.set("age", situation.ageBand);
  if (situation.public) query.set("public", situation.public);
  if (situation.urgence) query.set("urgence", situation.urgence);
  if (situation.difficulte) query.set("difficulte", situation.difficulte);
  if (situation.echeance) query.set("echeance", situation.echeance);
  if (situation.aisance) query.set("aisance", situation.aisance);
  for (const item of situation.equipement) query.append("equipement", item);
  if (situation.langue) query.set("langue", situation.langue);
  if (situation.fauteuil) query.set("fauteuil", "1");
  if (situation.objectif) query.set("objectif", situation.objectif);
  if (situation.lang !== "fr") query.set("lang", situation.lang);
  return query;
}

/** Whether anything was answered about the need (the assistant ranks nothing without one). */
export const asksSomething = (situation: Situation) => situation.besoin !== null || situation.q !== "";
