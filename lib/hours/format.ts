/**
 * Plain-French wording of weekly opening slots ("mardi : 10 h – 12 h, 14 h – 17 h").
 * The rules themselves (exceptions, holidays, "open now") are in rules.ts; OSM strings in osm.ts.
 */

import { groupWeekdays } from "./osm";

export interface WeeklySlot {
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
  opensAtMinute: number;
  closesAtMinute: number;
  appointmentOnly: boolean;
}

export const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/** "9 h", "13 h 30". */
export function formatTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}

export interface DayHours {
  weekday: number;
  day: string;
  ranges: string[];
}

/** One entry per day that has slots, Monday first, each day's ranges in time order. */
export function weeklyHours(slots: WeeklySlot[]): DayHours[] {
  const days: DayHours[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const ranges = slots
      .filter((slot) => slot.weekday === weekday)
      .sort((a, b) => a.opensAtMinute - b.opensAtMinute)
      .map(
        (slot) =>
          `${formatTime(slot.opensAtMinute)} – ${formatTime(slot.closesAtMinute)}` +
          (slot.appointmentOnly ? " (sur rendez-vous)" : ""),
      );
    if (ranges.length > 0) days.push({ weekday, day: WEEKDAY_NAMES[weekday - 1]!, ranges });
  }
  return days;
}

/** "du mardi au vendredi", "le jeudi", "les lundi, mardi et jeudi". */
function daysPhrase(weekdays: number[]): string {
  const names = weekdays.map((weekday) => WEEKDAY_NAMES[weekday - 1]!);
  const contiguous = weekdays.every((weekday, index) => index === 0 || weekday === weekdays[index - 1]! + 1);
  if (names.length === 1) return `le ${names[0]}`;
  if (contiguous && names.length > 2) return `du ${names[0]} au ${names[names.length - 1]}`;
  return `les ${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
}

function rangesPhrase(ranges: WeeklySlot[]): string {
  return ranges
    .map((range) => `de ${formatTime(range.opensAtMinute)} à ${formatTime(range.closesAtMinute)}`)
    .join(" et ");
}

/**
 * The week's hours in plain French, e.g. "du mardi au vendredi de 10 h à 12 h et de 14 h à 17 h ;
 * fermé les jours fériés". Days with the same hours are said together.
 */
export function describeWeeklyHours(slots: WeeklySlot[], publicHolidays: "closed" | "open_as_usual" | "unknown"): string {
  const parts: string[] = [];
  for (const appointmentOnly of [false, true]) {
    for (const { weekdays, ranges } of groupWeekdays(slots, appointmentOnly)) {
      parts.push(`${daysPhrase(weekdays)} ${rangesPhrase(ranges)}${appointmentOnly ? " sur rendez-vous" : ""}`);
    }
  }
  if (parts.length === 0) return "pas d'horaires indiqués";
  if (publicHolidays === "closed") parts.push("fermé les jours fériés");
  if (publicHolidays === "open_as_usual") parts.push("ouvert aussi les jours fériés");
  return parts.join(" ; ");
}

export const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** A calendar day ("YYYY-MM-DD") the French way, without the year: "14 juillet", "1er janvier". */
export function formatDay(date: string, withMonth = true): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  const dayText = day === 1 ? "1er" : String(day);
  return withMonth ? `${dayText} ${MONTH_NAMES[month - 1]}` : dayText;
}

export interface DatedException {
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opensAtMinute?: number | null;
  closesAtMinute?: number | null;
  label: string;
}

/** "le 14 juillet", "du 3 au 7 mars", "du 24 décembre au 1er janvier". */
function periodPhrase(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return `le ${formatDay(startsOn)}`;
  const sameMonth = startsOn.slice(0, 7) === endsOn.slice(0, 7);
  return `du ${formatDay(startsOn, !sameMonth)} au ${formatDay(endsOn)}`;
}

/**
 * One exception in plain French: "fermé du 24 décembre au 1er janvier (congés)",
 * "le 14 juillet : de 10 h à 12 h (horaires d'été)".
 */
export function describeException(exception: DatedException): string {
  const period = periodPhrase(exception.startsOn, exception.endsOn);
  const label = exception.label ? ` (${exception.label})` : "";
  if (exception.closed || exception.opensAtMinute == null || exception.closesAtMinute == null) {
    return `fermé ${period}${label}`;
  }
  return `${period} : de ${formatTime(exception.opensAtMinute)} à ${formatTime(exception.closesAtMinute)}${label}`;
}

/** Every exception, in date order, joined with " ; " ("" when there is none). */
export function describeExceptions(exceptions: DatedException[]): string {
  return [...exceptions]
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn))
    .map(describeException)
    .join(" ; ");
}

/** The week, the public-holiday rule and the exceptions, as one plain-French sentence. */
export function describeHours(hours: {
  slots: WeeklySlot[];
  exceptions: DatedException[];
  publicHolidays: "closed" | "open_as_usual" | "unknown";
}): string {
  const exceptions = describeExceptions(hours.exceptions);
  const week = describeWeeklyHours(hours.slots, hours.publicHolidays);
  return exceptions ? `${week} ; ${exceptions}` : week;
}
