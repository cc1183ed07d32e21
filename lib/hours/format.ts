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
