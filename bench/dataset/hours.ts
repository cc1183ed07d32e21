/**
 * Weekly opening patterns seen in the field, for places, permanences and phone lines. Every
 * pattern is a list of non-overlapping slots per day (checked by bench/seed.db.test.ts).
 */
import type { Random } from "./random";

export interface WeeklySlot {
  weekday: number;
  opens: number;
  closes: number;
  appointmentOnly: boolean;
}

const h = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
};

function days(weekdays: number[], ranges: string[], appointmentOnly = false): WeeklySlot[] {
  return weekdays.flatMap((weekday) =>
    ranges.map((range) => {
      const [opens, closes] = range.split("-") as [string, string];
      return { weekday, opens: h(opens), closes: h(closes), appointmentOnly };
    }),
  );
}

const PLACE_PATTERNS: [string, number, () => WeeklySlot[]][] = [
  ["office hours", 30, () => days([1, 2, 3, 4, 5], ["09:00-12:00", "13:30-17:00"])],
  ["continuous day", 10, () => days([1, 2, 3, 4, 5], ["09:00-17:00"])],
  ["small town hall", 15, () => [...days([1, 4], ["09:00-12:00"]), ...days([2], ["14:00-18:00"]), ...days([6], ["09:00-11:30"])]],
  [
    "library",
    15,
    () => [...days([2, 5], ["14:00-18:00"]), ...days([3], ["10:00-12:00", "14:00-18:00"]), ...days([6], ["10:00-12:30", "14:00-17:00"])],
  ],
  ["half days", 12, () => [...days([2, 4], ["09:00-12:00"]), ...days([3], ["14:00-17:30"])]],
  ["afternoons by appointment", 10, () => [...days([1, 2, 3, 4, 5], ["09:00-12:00"]), ...days([1, 2, 3, 4, 5], ["14:00-17:00"], true)]],
  ["appointment only", 5, () => days([1, 3, 5], ["09:30-12:00", "13:30-16:30"], true)],
  ["hours not given", 3, () => []],
];

/** A place's week; the whole pattern may be shifted by up to half an hour, keeping it valid. */
export function placeWeek(random: Random): WeeklySlot[] {
  const slots = random.weighted(PLACE_PATTERNS.map(([, weight, make]) => [make, weight] as const))();
  const shift = random.pick([-30, -15, 0, 0, 0, 15, 30]);
  return slots.map((slot) => ({ ...slot, opens: slot.opens + shift, closes: slot.closes + shift }));
}

/** A permanence or a workshop at a place: one or two half-days a week. */
export function permanenceWeek(random: Random): WeeklySlot[] {
  const weekdays = random.sample([1, 2, 3, 4, 5], random.chance(0.7) ? 1 : 2).sort();
  const range = random.pick(["09:00-12:00", "14:00-17:00", "09:30-11:30", "14:00-16:00", "13:30-17:30"]);
  return days(weekdays, [range], random.chance(0.4));
}

/** A phone line's hours. */
export function phoneLineWeek(random: Random): WeeklySlot[] {
  return random.chance(0.5)
    ? days([1, 2, 3, 4, 5], ["09:00-12:00", "14:00-16:00"])
    : days([2, 4], ["09:00-12:30"]);
}
