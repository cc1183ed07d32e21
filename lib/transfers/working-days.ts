/**
 * Working days for the transfer timers, as pure functions: Monday to Friday minus the country's
 * public holidays (lib/hours/holidays.ts), counted on the calendar of the territory's time zone.
 *
 * Working time runs from the moment a transfer is sent, and only on working days: sent on
 * Friday at 16:00, two working days have passed on Tuesday at 16:00 (Friday evening and Monday
 * count, the weekend does not). Sent on a Saturday, the clock starts on Monday at 00:00. The
 * local time of day is kept across daylight-saving changes (Friday 16:00 → Tuesday 16:00, even
 * if the clocks changed on Sunday).
 */
import { addDays, publicHolidays, type Country } from "@/lib/hours/holidays";
import { localTime, weekdayOf, zonedInstant } from "@/lib/hours/rules";

export interface WorkingCalendar {
  country: Country;
  /** IANA time zone of the territory, e.g. "Europe/Paris", "Europe/Brussels". */
  timeZone: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const holidayCache = new Map<string, Map<string, string>>();
function holidaysOf(country: Country, year: number) {
  const key = `${country}-${year}`;
  let holidays = holidayCache.get(key);
  if (!holidays) {
    holidays = publicHolidays(country, year);
    holidayCache.set(key, holidays);
  }
  return holidays;
}

/** Whether a calendar day ("YYYY-MM-DD") is a working day in the country. */
export function isWorkingDay(date: string, country: Country): boolean {
  return weekdayOf(date) <= 5 && !holidaysOf(country, Number(date.slice(0, 4))).has(date);
}

function nextWorkingDay(date: string, country: Country): string {
  let day = addDays(date, 1);
  while (!isWorkingDay(day, country)) day = addDays(day, 1);
  return day;
}

/** A local day and time with the seconds of `instant` (time zones here move by whole minutes). */
function at(date: string, minute: number, secondsMs: number, timeZone: string): Date {
  return new Date(zonedInstant(date, minute, timeZone).getTime() + secondsMs);
}

/** Where working time starts: the instant itself on a working day, else 00:00 of the next working day. */
function start(instant: Date, { country, timeZone }: WorkingCalendar) {
  const local = localTime(instant, timeZone);
  if (isWorkingDay(local.date, country)) {
    const secondsMs = ((instant.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
    return { date: local.date, minute: local.minute, secondsMs };
  }
  return { date: nextWorkingDay(local.date, country), minute: 0, secondsMs: 0 };
}

/** The instant `days` working days after `instant`, at the same local time of day. */
export function addWorkingDays(instant: Date, days: number, calendar: WorkingCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays: ${days} n'est pas un nombre de jours valide.`);
  const from = start(instant, calendar);
  let date = from.date;
  for (let count = 0; count < days; count++) date = nextWorkingDay(date, calendar.country);
  return at(date, from.minute, from.secondsMs, calendar.timeZone);
}

/** How many whole working days have passed from `from` to `to` (0 when `to` is before `from`). */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  const origin = start(from, calendar);
  let date = origin.date;
  let days = 0;
  for (;;) {
    const next = nextWorkingDay(date, calendar.country);
    if (at(next, origin.minute, origin.secondsMs, calendar.timeZone) > to) return days;
    date = next;
    days += 1;
  }
}

/** The instant `days` calendar days after `instant`, at the same local time of day (expiry, retention). */
export function addCalendarDays(instant: Date, days: number, timeZone: string): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addCalendarDays: ${days} n'est pas un nombre de jours valide.`);
  const local = localTime(instant, timeZone);
  const secondsMs = ((instant.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return at(addDays(local.date, days), local.minute, secondsMs, timeZone);
}

/**
 * A bound for SQL: whatever the calendar, `days` working or calendar days after an instant are
 * never less than `days` × 24 h minus a daylight-saving hour. So only rows whose start is at or
 * before `latestPossibleStart(now, days)` can be due; the exact check is then made in code.
 */
export function latestPossibleStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS + 2 * 60 * MINUTE_MS);
}
