/**
 * Plain-French wording of weekly opening slots ("mardi : 10 h – 12 h, 14 h – 17 h").
 * The complete hours rules (exceptions, holidays, "open now", OSM strings) come with the matrix.
 */

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
