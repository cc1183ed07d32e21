/**
 * The permanences' pure rules: the occurrences of an offer at a place over some days (its
 * schedule's ranges, closures and holidays applied), the time slices a sheet proposes, where the
 * clock stands relative to an occurrence (what may still change), and the words of outcomes.
 * The database side is lib/permanences/sheets.ts.
 */
import { formatDay, formatTime, WEEKDAY_NAMES } from "@/lib/hours/format";
import { addDays } from "@/lib/hours/holidays";
import { comingDays, localTime, weekdayOf, zonedInstant, type Schedule } from "@/lib/hours/rules";
import type { SheetLineResult } from "@/lib/generated/prisma/enums";

export interface Occurrence {
  /** "YYYY-MM-DD", the territory's calendar day. */
  date: string;
  startMinute: number;
  endMinute: number;
}

/** The occurrences from `from` (a calendar day) for `days` days, in order. */
export function occurrencesBetween(schedule: Schedule, from: string, days: number): Occurrence[] {
  return comingDays(schedule, from, days).flatMap((day) =>
    day.ranges.map((range) => ({ date: day.date, startMinute: range.opensAtMinute, endMinute: range.closesAtMinute })),
  );
}

/** Whether the schedule holds an occurrence on this day starting at this minute; its end if so. */
export function occurrenceAt(schedule: Schedule, date: string, startMinute: number): Occurrence | null {
  return occurrencesBetween(schedule, date, 1).find((occurrence) => occurrence.startMinute === startMinute) ?? null;
}

/** Every 20 minutes for a permanence of three hours or less, every 30 minutes for a longer one. */
function sliceMinutes(occurrence: Pick<Occurrence, "startMinute" | "endMinute">): number {
  return occurrence.endMinute - occurrence.startMinute > 180 ? 30 : 20;
}

/** The start of each slice the sheet proposes, from the start to before the end. */
export function timeSlices(occurrence: Pick<Occurrence, "startMinute" | "endMinute">): number[] {
  const step = sliceMinutes(occurrence);
  const slices: number[] = [];
  for (let minute = occurrence.startMinute; minute < occurrence.endMinute; minute += step) slices.push(minute);
  return slices;
}

/** The slice a time falls in (a line at 14 h 25 sits in the 14 h 20 slice). */
export function sliceOf(occurrence: Pick<Occurrence, "startMinute" | "endMinute">, minute: number): number {
  const step = sliceMinutes(occurrence);
  return occurrence.startMinute + Math.floor((minute - occurrence.startMinute) / step) * step;
}

/** A line's time must be during the occurrence: from its start, before its end. */
export const withinOccurrence = (occurrence: Pick<Occurrence, "startMinute" | "endMinute">, minute: number) =>
  minute >= occurrence.startMinute && minute < occurrence.endMinute;

export type Phase = "before" | "during" | "after";

/** Where `now` stands relative to the occurrence, in the territory's time zone. */
export function phaseOf(occurrence: Occurrence, timeZone: string, now: Date): Phase {
  if (now < zonedInstant(occurrence.date, occurrence.startMinute, timeZone)) return "before";
  return now < zonedInstant(occurrence.date, occurrence.endMinute, timeZone) ? "during" : "after";
}

/** Outcomes are noted from the day of the permanence (the informaticien notes as he goes). */
export const mayRecordOutcome = (occurrence: Occurrence, timeZone: string, now: Date) => localTime(now, timeZone).date >= occurrence.date;

/** The days the permanences page shows: the last two weeks (outcomes to note) and the next four. */
export function pageWindow(today: string) {
  return { pastFrom: addDays(today, -14), pastDays: 14, comingFrom: today, comingDays: 28 };
}

/** "mardi 8 décembre, 14 h – 17 h". */
export function describeOccurrence(occurrence: Occurrence): string {
  return `${WEEKDAY_NAMES[weekdayOf(occurrence.date) - 1]} ${formatDay(occurrence.date)}, ${formatTime(occurrence.startMinute)} – ${formatTime(occurrence.endMinute)}`;
}

export const RESULT_LABELS: Record<SheetLineResult, string> = {
  solved: "Résolu",
  to_continue: "À poursuivre",
  appointment_given: "Rendez-vous donné",
  redirected: "Orienté ailleurs",
};

/** "HH:MM", as a time field holds it. */
export const timeValue = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
