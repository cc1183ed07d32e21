/**
 * The agenda's pure rules: when two weekly patterns of one mediator overlap, whether a pattern
 * fits the offer's weekly hours at its place, and the French words the refusals use (a weekly
 * range, a day, a week, half-days). The database side is lib/agenda/editing.ts.
 */
import { addDays } from "@/lib/hours/holidays";
import { formatDay, formatTime, WEEKDAY_NAMES } from "@/lib/hours/format";
import { weekdayOf, type Schedule } from "@/lib/hours/rules";
import type { HalfDayOf } from "./capacity";

export interface WeeklyRange {
  weekday: number;
  startMinute: number;
  endMinute: number;
  /** Calendar days "YYYY-MM-DD", both included; null: no bound. */
  validFrom?: string | null;
  validUntil?: string | null;
}

/** "mardi 14 h – 17 h". */
export function describeWeeklyRange(range: Pick<WeeklyRange, "weekday" | "startMinute" | "endMinute">): string {
  return `${WEEKDAY_NAMES[range.weekday - 1]} ${formatTime(range.startMinute)} – ${formatTime(range.endMinute)}`;
}

/** "lundi 7 décembre". */
export function describeDate(date: string): string {
  return `${WEEKDAY_NAMES[weekdayOf(date) - 1]} ${formatDay(date)}`;
}

/** "mardi après-midi", "jeudi matin". */
export function describeHalfDay(halfDay: HalfDayOf): string {
  return `${WEEKDAY_NAMES[weekdayOf(halfDay.date) - 1]} ${halfDay.half === "morning" ? "matin" : "après-midi"}`;
}

/** Whether two validity periods share at least one day (null bounds are open). */
function validitiesMeet(a: Pick<WeeklyRange, "validFrom" | "validUntil">, b: Pick<WeeklyRange, "validFrom" | "validUntil">): boolean {
  if (a.validUntil && b.validFrom && a.validUntil < b.validFrom) return false;
  if (b.validUntil && a.validFrom && b.validUntil < a.validFrom) return false;
  return true;
}

/** Two weekly ranges overlap: same weekday, times that cross, validities that meet. Touching ends do not overlap. */
export function rangesOverlap(a: WeeklyRange, b: WeeklyRange): boolean {
  return a.weekday === b.weekday && a.startMinute < b.endMinute && b.startMinute < a.endMinute && validitiesMeet(a, b);
}

/** The first of `others` the range overlaps, if any. */
export function firstOverlap<T extends WeeklyRange>(range: WeeklyRange, others: T[]): T | undefined {
  return others.find((other) => rangesOverlap(range, other));
}

/**
 * Whether a weekly range fits the schedule's weekly hours on its weekday (ranges that touch are
 * one). A schedule with no weekly slot at all says nothing of the hours: anything fits. Otherwise
 * the answer gives that day's hours, to say them in the refusal ("" when closed that day).
 */
export function fitsWeeklyHours(schedule: Schedule, range: WeeklyRange): { fits: true } | { fits: false; dayHours: { opensAtMinute: number; closesAtMinute: number }[] } {
  if (schedule.slots.length === 0) return { fits: true };
  const sameDay = schedule.slots
    .filter((slot) => slot.weekday === range.weekday && validitiesMeet(slot, range))
    .map((slot) => ({ opensAtMinute: slot.opensAtMinute, closesAtMinute: slot.closesAtMinute }))
    .sort((a, b) => a.opensAtMinute - b.opensAtMinute);
  const merged: { opensAtMinute: number; closesAtMinute: number }[] = [];
  for (const slot of sameDay) {
    const last = merged.at(-1);
    if (last && slot.opensAtMinute <= last.closesAtMinute) last.closesAtMinute = Math.max(last.closesAtMinute, slot.closesAtMinute);
    else merged.push({ ...slot });
  }
  const fits = merged.some((slot) => slot.opensAtMinute <= range.startMinute && range.endMinute <= slot.closesAtMinute);
  return fits ? { fits: true } : { fits: false, dayHours: merged };
}

/** "ouverte de 10 h à 12 h et de 14 h à 17 h", or "fermée ce jour-là". */
export function describeDayHours(dayHours: { opensAtMinute: number; closesAtMinute: number }[]): string {
  if (dayHours.length === 0) return "elle n'est pas ouverte ce jour-là";
  return `elle est ouverte ${dayHours.map((slot) => `de ${formatTime(slot.opensAtMinute)} à ${formatTime(slot.closesAtMinute)}`).join(" et ")}`;
}

/** The Monday of the week to show: `requested` ("YYYY-MM-DD", any day of it) when valid, else today's week. */
export function weekToShow(requested: string | undefined, today: string): string {
  const valid = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && !Number.isNaN(Date.parse(`${requested}T00:00:00Z`)) && new Date(`${requested}T00:00:00Z`).toISOString().startsWith(requested);
  const day = valid ? requested : today;
  return addDays(day, 1 - weekdayOf(day));
}
