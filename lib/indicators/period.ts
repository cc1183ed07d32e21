/**
 * The indicators' period, read from the URL (a GET form, so it works without JavaScript and can be
 * bookmarked): a calendar month, quarter or year, or a custom range of days — by default the last
 * twelve months. Each period comes with the previous one of the same length, for comparison; a
 * period that includes today stops today, and so does its comparison, at the same distance from its
 * start (January 1st – December 4th against January 1st – December 4th of the year before), so that
 * a period under way is never compared with a whole one. Days are calendar days of the territory.
 */
import { z } from "zod";
import { addDays } from "@/lib/hours/holidays";
import { formatDay } from "@/lib/hours/format";

export const PERIOD_KINDS = { mois: "Un mois", trimestre: "Un trimestre", annee: "Une année", perso: "Personnalisée" } as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;

/** A range of calendar days, `until` excluded. */
export interface DayRange {
  from: string;
  until: string;
}

export interface IndicatorPeriod {
  kind: PeriodKind;
  /** What the form shows selected: "2026-11", "2026-T4", "2026", or the custom days. */
  month: string;
  quarter: string;
  year: string;
  /** The custom range's first and last days as typed (last included). */
  customFrom: string;
  customTo: string;
  current: DayRange;
  previous: DayRange;
  /** "du 1er novembre au 30 novembre 2026". */
  label: string;
  previousLabel: string;
}

/** The longest custom range: three years, beyond which the figures stop meaning one period. */
const MAX_CUSTOM_DAYS = 3 * 366;

const day = z.iso.date({ error: "Une date au format jour/mois/année." });

/** The custom range's rules: two real dates, in order, not after today, at most three years. */
function customRangeSchema(today: string) {
  return z
    .object({ du: day, au: day })
    .refine(({ du, au }) => du <= au, { path: ["au"], error: "La fin doit venir après le début." })
    .refine(({ au }) => au <= today, { path: ["au"], error: "La fin ne peut pas être après aujourd'hui." })
    .refine(({ du, au }) => daysBetween(du, au) < MAX_CUSTOM_DAYS, { path: ["du"], error: "Trois ans au plus." });
}

function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addMonths(date: string, months: number): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function rangeText(range: DayRange): string {
  const last = addDays(range.until, -1);
  const [fromYear] = range.from.split("-");
  const [lastYear] = last.split("-");
  return fromYear === lastYear
    ? `du ${formatDay(range.from)} au ${formatDay(last)} ${lastYear}`
    : `du ${formatDay(range.from)} ${fromYear} au ${formatDay(last)} ${lastYear}`;
}

/** A calendar period [start, end) and the one before it, both cut at today when under way. */
function calendar(start: string, end: string, previousStart: string, today: string): { current: DayRange; previous: DayRange } {
  const tomorrow = addDays(today, 1);
  if (end <= tomorrow) return { current: { from: start, until: end }, previous: { from: previousStart, until: start } };
  const elapsed = daysBetween(start, tomorrow);
  return { current: { from: start, until: tomorrow }, previous: { from: previousStart, until: addDays(previousStart, elapsed) } };
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
  const [year, month] = today.split("-") as [string, string];
  const thisMonth = `${year}-${month}`;
  const thisQuarter = `${year}-T${Math.floor((Number(month) - 1) / 3) + 1}`;
  const asked = first(params.periode);
  const kind: PeriodKind = asked && asked in PERIOD_KINDS ? (asked as PeriodKind) : "perso";
  const monthParam = first(params.mois);
  const chosenMonth = monthParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) && monthParam <= thisMonth ? monthParam : thisMonth;
  const quarterParam = first(params.trimestre);
  const chosenQuarter = quarterParam && /^\d{4}-T[1-4]$/.test(quarterParam) && quarterParam <= thisQuarter ? quarterParam : thisQuarter;
  const yearParam = first(params.annee);
  const chosenYear = yearParam && /^\d{4}$/.test(yearParam) && yearParam <= year && yearParam >= "2000" ? yearParam : year;
  // The last twelve months: 365 days, today included.
  const defaultFrom = addDays(today, -364);
  const base = { month: chosenMonth, quarter: chosenQuarter, year: chosenYear, customFrom: defaultFrom, customTo: today };
  const errors: PeriodReading["errors"] = {};

  let ranges: { current: DayRange; previous: DayRange };
  let custom = { from: defaultFrom, to: today };
  if (kind === "mois") {
    const start = `${chosenMonth}-01`;
    ranges = calendar(start, addMonths(start, 1), addMonths(start, -1), today);
  } else if (kind === "trimestre") {
    const [quarterYear, quarter] = chosenQuarter.split("-T") as [string, string];
    const start = `${quarterYear}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, "0")}-01`;
    ranges = calendar(start, addMonths(start, 3), addMonths(start, -3), today);
  } else if (kind === "annee") {
    ranges = calendar(`${chosenYear}-01-01`, `${Number(chosenYear) + 1}-01-01`, `${Number(chosenYear) - 1}-01-01`, today);
  } else {
    const typed = { du: first(params.du), au: first(params.au) };
    if (typed.du !== undefined || typed.au !== undefined) {
      const parsed = customRangeSchema(today).safeParse(typed);
      if (parsed.success) custom = { from: parsed.data.du, to: parsed.data.au };
      else for (const issue of parsed.error.issues) errors[issue.path[0] as "du" | "au"] ??= issue.message;
    }
    const until = addDays(custom.to, 1);
    const length = daysBetween(custom.from, until);
    ranges = { current: { from: custom.from, until }, previous: { from: addDays(custom.from, -length), until: custom.from } };
  }
  return {
    period: {
      kind,
      ...base,
      customFrom: kind === "perso" ? (first(params.du) ?? custom.from) : custom.from,
      customTo: kind === "perso" ? (first(params.au) ?? custom.to) : custom.to,
      ...ranges,
      label: rangeText(ranges.current),
      previousLabel: rangeText(ranges.previous),
    },
    errors,
  };
}

/** The URL parameters of a period, for links (the CSV downloads, another page of the same period). */
export function periodParams(period: IndicatorPeriod): URLSearchParams {
  const params = new URLSearchParams({ periode: period.kind });
  if (period.kind === "mois") params.set("mois", period.month);
  if (period.kind === "trimestre") params.set("trimestre", period.quarter);
  if (period.kind === "annee") params.set("annee", period.year);
  if (period.kind === "perso") {
    params.set("du", period.current.from);
    params.set("au", addDays(period.current.until, -1));
  }
  return params;
}
