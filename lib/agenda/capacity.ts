/**
 * The capacity rule (seed 002): at most N half-days of appointments per mediator per week (a
 * setting of the structure, two by default, none required). Pure: what counts is each day's
 * morning (before noon) and afternoon (from noon) that holds any appointment time, published as a
 * weekly pattern or booked on a date; weeks are ISO weeks (Monday to Sunday) of local days.
 */
import { addDays } from "@/lib/hours/holidays";
import { weekdayOf } from "@/lib/hours/rules";

export type HalfDay = "morning" | "afternoon";

/** Minutes after midnight where the afternoon starts. */
const NOON = 12 * 60;

export interface WeeklyTime {
  weekday: number;
  startMinute: number;
  endMinute: number;
  validFrom?: string | null;
  validUntil?: string | null;
}

export interface DatedTime {
  date: string;
  startMinute: number;
  endMinute: number;
}

export interface HalfDayOf {
  date: string;
  half: HalfDay;
}

export interface WeekOverCapacity {
  /** The Monday of the week. */
  monday: string;
  halfDays: HalfDayOf[];
  limit: number;
}

/** The half-days a local time range touches. */
export function halfDaysOf(startMinute: number, endMinute: number): HalfDay[] {
  const halves: HalfDay[] = [];
  if (startMinute < NOON) halves.push("morning");
  if (endMinute > NOON) halves.push("afternoon");
  return halves;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

const covers = (time: WeeklyTime, date: string) => (!time.validFrom || time.validFrom <= date) && (!time.validUntil || date <= time.validUntil);

/** The half-days of one ISO week (given by any of its days) held by weekly patterns and dated times. */
export function halfDaysInWeek(day: string, weekly: WeeklyTime[], dated: DatedTime[] = []): HalfDayOf[] {
  const monday = mondayOf(day);
  const keys = new Set<string>();
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(monday, offset);
    for (const time of weekly) {
      if (time.weekday !== offset + 1 || !covers(time, date)) continue;
      for (const half of halfDaysOf(time.startMinute, time.endMinute)) keys.add(`${date}|${half}`);
    }
    for (const time of dated) {
      if (time.date !== date) continue;
      for (const half of halfDaysOf(time.startMinute, time.endMinute)) keys.add(`${date}|${half}`);
    }
  }
  return [...keys]
    .map((key) => {
      const [date, half] = key.split("|") as [string, HalfDay];
      return { date, half };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || (a.half === b.half ? 0 : a.half === "morning" ? -1 : 1));
}

/**
 * The first week, among `weeks` weeks from the one holding `fromDate`, where the mediator would
 * hold more than `limit` half-days; null when none does or there is no limit.
 */
export function firstWeekOverCapacity(
  fromDate: string,
  weekly: WeeklyTime[],
  { limit, dated = [], weeks = 53 }: { limit: number | null; dated?: DatedTime[]; weeks?: number },
): WeekOverCapacity | null {
  if (limit === null) return null;
  const first = mondayOf(fromDate);
  for (let week = 0; week < weeks; week++) {
    const monday = addDays(first, week * 7);
    const halfDays = halfDaysInWeek(monday, weekly, dated);
    if (halfDays.length > limit) return { monday, halfDays, limit };
  }
  return null;
}
