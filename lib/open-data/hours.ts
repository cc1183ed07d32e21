/**
 * Hours for the open-data formats: weekly slots and the public-holiday rule as an OSM
 * `opening_hours` string (lib/hours/osm.ts), followed by the dated exceptions still to come
 * (`2026 Nov 23-2026 Nov 29 off "Fermé pour travaux"`). Dated rules come last because in OSM a
 * later rule overrides earlier ones for the days it selects.
 */
import { parseOpeningHours, toOpeningHours, type ParsedOpeningHours } from "@/lib/hours/osm";
import type { Exception, HolidayRule, Slot } from "@/lib/hours/rules";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (value: number) => String(value).padStart(2, "0");
const time = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "2026-11-23" → "2026 Nov 23". */
function osmDate(day: string): string {
  const [year, month, date] = day.split("-");
  return `${year} ${MONTHS[Number(month) - 1]} ${date}`;
}

/** A comment must not contain the OSM quote character. */
const comment = (label: string) => `"${label.replace(/"/g, "'").trim()}"`;

export function exceptionRule(exception: Exception): string {
  const days = exception.startsOn === exception.endsOn ? osmDate(exception.startsOn) : `${osmDate(exception.startsOn)}-${osmDate(exception.endsOn)}`;
  if (!exception.closed && exception.opensAtMinute != null && exception.closesAtMinute != null) {
    return `${days} ${time(exception.opensAtMinute)}-${time(exception.closesAtMinute)} open ${comment(exception.label)}`;
  }
  return `${days} off ${comment(exception.label)}`;
}

/**
 * The OSM string of a schedule. Exceptions that ended before `today` ("YYYY-MM-DD") are left out;
 * with no weekly slots, nothing is said (an exception alone is not a schedule).
 */
export function openingHoursWithExceptions(slots: Slot[], publicHolidays: HolidayRule, exceptions: Exception[], today: string): string {
  const weekly = toOpeningHours(slots, publicHolidays);
  if (!weekly) return "";
  const upcoming = exceptions
    .filter((exception) => exception.endsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .map(exceptionRule);
  return [weekly, ...upcoming].join("; ");
}

/** The slots of several schedules together (several offers' hours at one place), without duplicates. */
export function mergeSlots(...groups: Slot[][]): Slot[] {
  const seen = new Map<string, Slot>();
  for (const slot of groups.flat()) {
    seen.set(`${slot.weekday}:${slot.opensAtMinute}:${slot.closesAtMinute}:${slot.appointmentOnly}`, {
      weekday: slot.weekday,
      opensAtMinute: slot.opensAtMinute,
      closesAtMinute: slot.closesAtMinute,
      appointmentOnly: slot.appointmentOnly,
    });
  }
  // Overlapping ranges of one day merge into one (08:00-12:00 and 10:00-13:00 → 08:00-13:00).
  const merged: Slot[] = [];
  const sorted = [...seen.values()].sort(
    (a, b) => Number(a.appointmentOnly) - Number(b.appointmentOnly) || a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute,
  );
  for (const slot of sorted) {
    const last = merged.at(-1);
    if (last && last.weekday === slot.weekday && last.appointmentOnly === slot.appointmentOnly && slot.opensAtMinute <= last.closesAtMinute) {
      last.closesAtMinute = Math.max(last.closesAtMinute, slot.closesAtMinute);
    } else merged.push({ ...slot });
  }
  return merged;
}

const MONTH_INDEX = new Map(MONTHS.map((month, index) => [month.toLowerCase(), index + 1]));
const DATE = String.raw`(\d{4}) ([A-Za-z]{3}) (\d{1,2})`;
const DATED_RULE = new RegExp(
  String.raw`^${DATE}(?:-${DATE})?\s+(?:(off|closed)|(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})(?:\s+open)?)\s*(?:"([^"]*)")?$`,
  "i",
);

function isoDay(year: string, month: string, date: string): string | null {
  const index = MONTH_INDEX.get(month.toLowerCase());
  if (!index) return null;
  const day = `${year}-${pad(index)}-${pad(Number(date))}`;
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day ? day : null;
}

/** A dated rule as Toile writes it (`2026 Nov 23-2026 Nov 29 off "…"`, `2026 Dec 24 10:00-12:00 open "…"`), or null. */
export function parseExceptionRule(rule: string): Exception | null {
  const match = DATED_RULE.exec(rule.trim());
  if (!match) return null;
  const [, y1, m1, d1, y2, m2, d2, off, oh, om, ch, cm, label] = match;
  const startsOn = isoDay(y1!, m1!, d1!);
  const endsOn = y2 ? isoDay(y2, m2!, d2!) : startsOn;
  if (!startsOn || !endsOn || endsOn < startsOn) return null;
  if (off) return { startsOn, endsOn, closed: true, opensAtMinute: null, closesAtMinute: null, label: label?.trim() || "Fermé" };
  const opens = Number(oh) * 60 + Number(om);
  const closes = Number(ch) * 60 + Number(cm);
  if (opens >= closes || closes > 24 * 60) return null;
  return { startsOn, endsOn, closed: false, opensAtMinute: opens, closesAtMinute: closes, label: label?.trim() || "Horaires exceptionnels" };
}

/**
 * An OSM string read back into weekly slots (lib/hours/osm.ts) and dated exceptions: the inverse of
 * `openingHoursWithExceptions`, so that a file Toile exported imports again without a problem.
 */
export function parseOpeningHoursWithExceptions(text: string): ParsedOpeningHours & { exceptions: Exception[] } {
  const exceptions: Exception[] = [];
  const weekly: string[] = [];
  for (const rule of text.split(";")) {
    const exception = parseExceptionRule(rule);
    if (exception) exceptions.push(exception);
    else weekly.push(rule);
  }
  return { ...parseOpeningHours(weekly.join(";")), exceptions };
}
