/**
 * Opening-hours rules, as pure functions. A schedule is weekly slots (in local minutes), dated
 * exceptions and a public-holiday rule, read in the territory's time zone. Calendar days are
 * "YYYY-MM-DD" strings; instants are Dates.
 */
import { type Country, addDays, publicHolidayName } from "./holidays";

export interface Slot {
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
  opensAtMinute: number;
  closesAtMinute: number;
  appointmentOnly: boolean;
  validFrom?: string | null;
  validUntil?: string | null;
}

export interface Exception {
  startsOn: string;
  endsOn: string;
  /** Closed all the period; otherwise open with the special hours instead of the usual ones. */
  closed: boolean;
  opensAtMinute?: number | null;
  closesAtMinute?: number | null;
  label: string;
}

export type HolidayRule = "closed" | "open_as_usual" | "unknown";

export interface Schedule {
  slots: Slot[];
  exceptions: Exception[];
  publicHolidays: HolidayRule;
  timeZone: string;
  country: Country;
}

export interface Range {
  opensAtMinute: number;
  closesAtMinute: number;
  appointmentOnly: boolean;
}

export interface DayHours {
  date: string;
  weekday: number;
  ranges: Range[];
  /** Why the day differs from the usual week: an exception's label, or the holiday's name. */
  note?: string;
}

/** ISO weekday of a calendar day. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
type ZoneParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };
/**
 * The same instants come back again and again (a results page asks "now" once per card, and many
 * offers open at the same next instant), and asking ICU costs far more than a lookup: the last
 * answers are kept, a bounded number of them.
 */
const recentParts = new Map<string, ZoneParts>();
const RECENT_PARTS_MAX = 4096;

function zoneParts(instant: Date, timeZone: string): ZoneParts {
  const key = `${timeZone} ${instant.getTime()}`;
  const recent = recentParts.get(key);
  if (recent) return recent;
  const parts = computeZoneParts(instant, timeZone);
  if (recentParts.size >= RECENT_PARTS_MAX) recentParts.clear();
  recentParts.set(key, parts);
  return parts;
}

function computeZoneParts(instant: Date, timeZone: string): ZoneParts {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar day, weekday and minute of the day of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string) {
  const parts = zoneParts(instant, timeZone);
  const date = `${parts.year}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
  return { date, weekday: weekdayOf(date), minute: parts.hour * 60 + parts.minute };
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = zoneParts(instant, timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant of a local day and minute in a time zone. A local time skipped by a daylight-saving
 * change (02:30 on the last Sunday of March in Paris) moves forward by the gap (03:30), as
 * Temporal's "compatible" disambiguation does; a repeated one (October) takes the second (winter time).
 */
export function zonedInstant(date: string, minute: number, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(Math.max(first, second));
}

const covers = (slot: Slot, date: string) =>
  (!slot.validFrom || slot.validFrom <= date) && (!slot.validUntil || date <= slot.validUntil);

const byOpening = (a: Range, b: Range) => a.opensAtMinute - b.opensAtMinute;

/** The hours of one calendar day, exceptions and public holidays applied. */
export function hoursOn(schedule: Schedule, date: string): DayHours {
  const weekday = weekdayOf(date);
  // The most recently starting exception wins when several cover the day.
  const exception = schedule.exceptions
    .filter((candidate) => candidate.startsOn <= date && date <= candidate.endsOn)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  if (exception) {
    const ranges =
      exception.closed || exception.opensAtMinute == null || exception.closesAtMinute == null
        ? []
        : [{ opensAtMinute: exception.opensAtMinute, closesAtMinute: exception.closesAtMinute, appointmentOnly: false }];
    return { date, weekday, ranges, note: exception.label };
  }
  const holiday = publicHolidayName(schedule.country, date);
  if (holiday && schedule.publicHolidays === "closed") return { date, weekday, ranges: [], note: holiday };
  const ranges = schedule.slots
    .filter((slot) => slot.weekday === weekday && covers(slot, date))
    .map(({ opensAtMinute, closesAtMinute, appointmentOnly }) => ({ opensAtMinute, closesAtMinute, appointmentOnly }))
    .sort(byOpening);
  return holiday ? { date, weekday, ranges, note: holiday } : { date, weekday, ranges };
}

/** Monday to Sunday of the week that contains `date`. */
export function weekHours(schedule: Schedule, date: string): DayHours[] {
  const monday = addDays(date, 1 - weekdayOf(date));
  return Array.from({ length: 7 }, (_, index) => hoursOn(schedule, addDays(monday, index)));
}

/** `date` and the days after it: what a person planning their visit needs, whatever today is. */
export function comingDays(schedule: Schedule, date: string, count = 7): DayHours[] {
  return Array.from({ length: count }, (_, index) => hoursOn(schedule, addDays(date, index)));
}

export function isOpenAt(schedule: Schedule, instant: Date): boolean {
  return openingStatus(schedule, instant).open;
}

export type OpeningStatus =
  | { open: true; closesAt: Date; appointmentOnly: boolean }
  | { open: false; nextOpensAt: Date | null; appointmentOnly: boolean };

/**
 * Open now (until when), or when it opens next within `horizonDays`. Walks calendar days in the
 * schedule's time zone, so daylight-saving changes are taken into account.
 */
export function openingStatus(schedule: Schedule, instant: Date, horizonDays = 62): OpeningStatus {
  const now = localTime(instant, schedule.timeZone);
  const today = hoursOn(schedule, now.date);
  const current = today.ranges.find((range) => range.opensAtMinute <= now.minute && now.minute < range.closesAtMinute);
  if (current) {
    return {
      open: true,
      closesAt: zonedInstant(now.date, current.closesAtMinute, schedule.timeZone),
      appointmentOnly: current.appointmentOnly,
    };
  }
  for (let offset = 0; offset <= horizonDays; offset++) {
    const date = addDays(now.date, offset);
    const next = hoursOn(schedule, date).ranges.find((range) => offset > 0 || range.opensAtMinute > now.minute);
    if (next) {
      return {
        open: false,
        nextOpensAt: zonedInstant(date, next.opensAtMinute, schedule.timeZone),
        appointmentOnly: next.appointmentOnly,
      };
    }
  }
  return { open: false, nextOpensAt: null, appointmentOnly: false };
}
