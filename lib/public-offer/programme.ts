/**
 * The weekly programme of a place or a structure (seed 001's "programme d'activité"): for each
 * day of the week, morning / afternoon / evening, the offers open then with their hours. It reads
 * the real hours of that week (exceptions and public holidays applied), so a closed week shows.
 */
import { addDays } from "@/lib/hours/holidays";
import { weekdayOf, weekHours, zonedInstant, type DayHours, type Range, type Schedule } from "@/lib/hours/rules";

export interface ProgrammeEntry {
  offerId: string;
  title: string;
  /** Who holds it, or where: shown under the title. */
  detail: string | null;
  /** Held at a partner's place (issue 17): a permanence. */
  permanence?: boolean;
  schedule: Schedule;
}

export const PERIODS = [
  { key: "morning", from: 0, to: 12 * 60 },
  { key: "afternoon", from: 12 * 60, to: 18 * 60 },
  { key: "evening", from: 18 * 60, to: 24 * 60 },
] as const;
export type PeriodKey = (typeof PERIODS)[number]["key"];

export interface ProgrammeItem {
  offerId: string;
  title: string;
  detail: string | null;
  permanence?: boolean;
  /** The day's ranges of this offer that touch the period, whole (10:00–14:00 shows in both halves). */
  ranges: Range[];
  /** Why the day differs (an exception's label, a public holiday). */
  note?: string;
}

export interface ProgrammeDay {
  date: string;
  weekday: number;
  periods: Record<PeriodKey, ProgrammeItem[]>;
  /** Offers closed that day for a reason worth saying ("Congés d'été"), so "nothing" is explained. */
  closures: { title: string; note: string }[];
}

const overlaps = (range: Range, period: (typeof PERIODS)[number]) => range.opensAtMinute < period.to && range.closesAtMinute > period.from;

/** Monday to Sunday of the week of `date`. */
export function weeklyProgramme(entries: ProgrammeEntry[], date: string): ProgrammeDay[] {
  const weeks = entries.map((entry) => ({ entry, days: weekHours(entry.schedule, date) }));
  return Array.from({ length: 7 }, (_, index) => {
    const periods = { morning: [], afternoon: [], evening: [] } as Record<PeriodKey, ProgrammeItem[]>;
    const closures: ProgrammeDay["closures"] = [];
    for (const { entry, days } of weeks) {
      const day: DayHours = days[index]!;
      if (day.ranges.length === 0 && day.note) closures.push({ title: entry.title, note: day.note });
      for (const period of PERIODS) {
        const ranges = day.ranges.filter((range) => overlaps(range, period));
        if (ranges.length > 0) {
          periods[period.key].push({ offerId: entry.offerId, title: entry.title, detail: entry.detail, ...(entry.permanence ? { permanence: true } : {}), ranges, ...(day.note ? { note: day.note } : {}) });
        }
      }
    }
    for (const period of PERIODS) periods[period.key].sort((a, b) => a.ranges[0]!.opensAtMinute - b.ranges[0]!.opensAtMinute);
    const dates = weekDates(date);
    return { date: dates[index]!, weekday: index + 1, periods, closures };
  });
}

/** The seven calendar days of the week of `date`, Monday first. */
function weekDates(date: string): string[] {
  return weekHours({ slots: [], exceptions: [], publicHolidays: "open_as_usual", timeZone: "UTC", country: "FR" }, date).map((day) => day.date);
}

/** Within the opening days listed, is there anything at all? */
export const isEmptyProgramme = (days: ProgrammeDay[]) => days.every((day) => PERIODS.every((period) => day.periods[period.key].length === 0));

/** The week asked for, within a year of today; anything else is this week. */
export function weekFrom(value: unknown, today: string): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return today;
  const time = Date.parse(`${value}T12:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) return today;
  return value >= addDays(today, -366) && value <= addDays(today, 366) ? value : today;
}

/** The instants of the week holding `date` (Monday 00:00 to the next Monday), in the territory's time zone. */
export function weekRange(date: string, timeZone: string): { from: Date; until: Date } {
  const monday = addDays(date, 1 - weekdayOf(date));
  return { from: zonedInstant(monday, 0, timeZone), until: zonedInstant(addDays(monday, 7), 0, timeZone) };
}
