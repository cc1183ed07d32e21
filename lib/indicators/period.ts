/**
 * The indicators' period, read from the URL (a GET form, so it works without JavaScript and can be
 * bookmarked): a calendar month, quarter or year, or a custom range of months — by default the
 * last twelve months, this one included. Periods are whole months of the territory's calendar (the
 * summaries are monthly: lib/indicators/summary.ts); the month under way counts until now. Each
 * period comes with the previous one of the same number of months, for comparison.
 */
import { z } from "zod";
import { MONTH_NAMES } from "@/lib/hours/format";

export const PERIOD_KINDS = { mois: "Un mois", trimestre: "Un trimestre", annee: "Une année", perso: "Plusieurs mois" } as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;

/** A range of calendar days, `until` excluded — here always first days of months. */
export interface DayRange {
  from: string;
  until: string;
}

export interface IndicatorPeriod {
  kind: PeriodKind;
  /** What the form shows selected: "2026-11", "2026-T4", "2026", and the custom months (last included). */
  month: string;
  quarter: string;
  year: string;
  customFrom: string;
  customTo: string;
  current: DayRange;
  previous: DayRange;
  /** "de janvier à mars 2026". */
  label: string;
  previousLabel: string;
}

/** The longest custom range: three years, beyond which the figures stop meaning one period. */
const MAX_MONTHS = 36;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthField = z.string().regex(MONTH, { error: "Un mois au format mois/année." });

/** The custom range's rules: two months, in order, not after this one, three years at most. */
function customRangeSchema(thisMonth: string) {
  return z
    .object({ du: monthField, au: monthField })
    .refine(({ du, au }) => du <= au, { path: ["au"], error: "La fin doit venir après le début." })
    .refine(({ au }) => au <= thisMonth, { path: ["au"], error: "La fin ne peut pas être après ce mois-ci." })
    .refine(({ du, au }) => monthsBetween(du, au) < MAX_MONTHS, { path: ["du"], error: "Trois ans au plus." });
}

/** Months from `from` to `to` ("YYYY-MM"), 0 when equal. */
function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return index(to) - index(from);
}

function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** "de janvier", "d'avril". */
const fromWord = (text: string) => (/^[aeiouéè]/.test(text) ? `d'${text}` : `de ${text}`);

/** "mars 2026", "de janvier à mars 2026", "d'octobre 2025 à février 2026". */
function monthsText(first: string, last: string): string {
  if (first === last) return monthName(first);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${fromWord(MONTH_NAMES[Number(first.slice(5, 7)) - 1]!)} à ${monthName(last)}`;
  return `${fromWord(monthName(first))} à ${monthName(last)}`;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface PeriodReading {
  period: IndicatorPeriod;
  /** The custom range's errors, by field ("du", "au"), when it was asked for and is wrong. */
  errors: Partial<Record<"du" | "au", string>>;
}

/**
 * The period the URL asks for; anything unreadable falls back to the default (a month, quarter
 * or year that does not exist, or one in the future, becomes the current one), and a wrong custom
 * range says why next to its fields while the default period is shown.
 */
export function readPeriod(params: Record<string, string | string[] | undefined>, today: string): PeriodReading {
  const year = today.slice(0, 4);
  const thisMonth = today.slice(0, 7);
  const thisQuarter = `${year}-T${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const asked = first(params.periode);
  const kind: PeriodKind = asked && asked in PERIOD_KINDS ? (asked as PeriodKind) : "perso";
  const monthParam = first(params.mois);
  const chosenMonth = monthParam && MONTH.test(monthParam) && monthParam <= thisMonth ? monthParam : thisMonth;
  const quarterParam = first(params.trimestre);
  const chosenQuarter = quarterParam && /^\d{4}-T[1-4]$/.test(quarterParam) && quarterParam <= thisQuarter ? quarterParam : thisQuarter;
  const yearParam = first(params.annee);
  const chosenYear = yearParam && /^\d{4}$/.test(yearParam) && yearParam <= year && yearParam >= "2000" ? yearParam : year;
  const errors: PeriodReading["errors"] = {};

  // The first and last months of the period.
  let span: [string, string] = [addMonths(thisMonth, -11), thisMonth];
  if (kind === "mois") span = [chosenMonth, chosenMonth];
  if (kind === "trimestre") {
    const start = `${chosenQuarter.slice(0, 4)}-${String((Number(chosenQuarter.slice(6)) - 1) * 3 + 1).padStart(2, "0")}`;
    span = [start, addMonths(start, 2)];
  }
  if (kind === "annee") span = [`${chosenYear}-01`, `${chosenYear}-12`];
  const typed = { du: first(params.du), au: first(params.au) };
  if (kind === "perso" && (typed.du !== undefined || typed.au !== undefined)) {
    const parsed = customRangeSchema(thisMonth).safeParse(typed);
    if (parsed.success) span = [parsed.data.du, parsed.data.au];
    else for (const issue of parsed.error.issues) errors[issue.path[0] as "du" | "au"] ??= issue.message;
  }
  // A year or quarter under way ends with this month.
  const last = span[1] > thisMonth ? thisMonth : span[1];
  const length = monthsBetween(span[0], last) + 1;
  const current = { from: `${span[0]}-01`, until: `${addMonths(last, 1)}-01` };
  const previous = { from: `${addMonths(span[0], -length)}-01`, until: `${span[0]}-01` };
  return {
    period: {
      kind,
      month: chosenMonth,
      quarter: chosenQuarter,
      year: chosenYear,
      customFrom: kind === "perso" && typed.du !== undefined ? typed.du : span[0],
      customTo: kind === "perso" && typed.au !== undefined ? typed.au : last,
      current,
      previous,
      label: monthsText(span[0], last) + (last === thisMonth ? " (ce mois-ci jusqu'à aujourd'hui)" : ""),
      previousLabel: monthsText(addMonths(span[0], -length), addMonths(span[0], -1)),
    },
    errors,
  };
}

/** The URL parameters of a period, for links (the CSV downloads). */
export function periodParams(period: IndicatorPeriod): URLSearchParams {
  const params = new URLSearchParams({ periode: period.kind });
  if (period.kind === "mois") params.set("mois", period.month);
  if (period.kind === "trimestre") params.set("trimestre", period.quarter);
  if (period.kind === "annee") params.set("annee", period.year);
  if (period.kind === "perso") {
    params.set("du", period.current.from.slice(0, 7));
    params.set("au", addMonths(period.current.until.slice(0, 7), -1));
  }
  return params;
}
