/**
 * Weekly hours to and from OpenStreetMap `opening_hours` strings, the format the standards
 * exchange (LMN `horaires`, data·inclusion `horaires_accueil`). Supported: weekday selectors
 * (Mo, Mo-Fr, Mo,We), PH, time ranges, "off"/"closed", "24/7", ";" rules that replace the days
 * they select, ", " additional rules that add to them, and a comment marking appointment-only
 * hours ("sur rendez-vous"). Anything else is reported, rule by rule, never silently dropped.
 */
import type { HolidayRule, Slot } from "./rules";

export const OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const APPOINTMENT_COMMENT = "sur rendez-vous";

export interface ParsedOpeningHours {
  slots: Slot[];
  publicHolidays: HolidayRule;
  /** Rules that could not be understood, with why. */
  problems: string[];
}

const pad = (value: number) => String(value).padStart(2, "0");
const time = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "Mo-We,Fr": runs of two days or more as ranges. */
export function daySelector(weekdays: number[]): string {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = OSM_DAYS[sorted[i]! - 1]!;
    parts.push(j > i ? `${first}-${OSM_DAYS[sorted[j]! - 1]}` : first);
    i = j + 1;
  }
  return parts.join(",");
}

/** Weekdays grouped by identical ranges, in weekday order: [[weekdays], ranges key]. */
export function groupWeekdays(slots: Slot[], appointmentOnly: boolean): { weekdays: number[]; ranges: Slot[] }[] {
  const groups = new Map<string, { weekdays: number[]; ranges: Slot[] }>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    const ranges = slots
      .filter((slot) => slot.weekday === weekday && slot.appointmentOnly === appointmentOnly)
      .sort((a, b) => a.opensAtMinute - b.opensAtMinute);
    if (ranges.length === 0) continue;
    const key = ranges.map((range) => `${range.opensAtMinute}-${range.closesAtMinute}`).join(",");
    const group = groups.get(key) ?? { weekdays: [], ranges };
    group.weekdays.push(weekday);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function toOpeningHours(slots: Slot[], publicHolidays: HolidayRule): string {
  const rule = ({ weekdays, ranges }: { weekdays: number[]; ranges: Slot[] }) =>
    `${daySelector(weekdays)} ${ranges.map((range) => `${time(range.opensAtMinute)}-${time(range.closesAtMinute)}`).join(",")}`;
  let text = groupWeekdays(slots, false).map(rule).join("; ");
  for (const group of groupWeekdays(slots, true)) {
    text += `${text ? ", " : ""}${rule(group)} "${APPOINTMENT_COMMENT}"`;
  }
  if (publicHolidays === "closed" && text) text += "; PH off";
  return text;
}

const DAY_INDEX = new Map(OSM_DAYS.map((day, index) => [day.toLowerCase(), index + 1]));
const TIME_RANGE = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/;
const RULE = /^(?<days>(?:[A-Za-z]{2}(?:-[A-Za-z]{2})?)(?:,[A-Za-z]{2}(?:-[A-Za-z]{2})?)*)?\s*(?<times>[\d:,\s-]+?)?\s*(?<modifier>off|closed|open)?\s*(?:"(?<comment>[^"]*)")?$/i;

function parseDays(selector: string): { weekdays: number[]; holidays: boolean } | null {
  const weekdays: number[] = [];
  let holidays = false;
  for (const item of selector.split(",")) {
    if (item.toUpperCase() === "PH") {
      holidays = true;
      continue;
    }
    const [from, to] = item.toLowerCase().split("-");
    const start = DAY_INDEX.get(from!);
    const end = to ? DAY_INDEX.get(to) : start;
    if (!start || !end) return null;
    for (let day = start; ; day = (day % 7) + 1) {
      weekdays.push(day);
      if (day === end) break;
    }
  }
  return { weekdays, holidays };
}

function parseTimes(text: string): { opens: number; closes: number }[] | null {
  const ranges = [];
  for (const part of text.split(",").map((item) => item.trim()).filter(Boolean)) {
    const match = TIME_RANGE.exec(part);
    if (!match) return null;
    const opens = Number(match[1]) * 60 + Number(match[2]);
    const closes = Number(match[3]) * 60 + Number(match[4]);
    if (opens >= closes || closes > 24 * 60) return null;
    ranges.push({ opens, closes });
  }
  return ranges;
}

export function parseOpeningHours(text: string): ParsedOpeningHours {
  const byDay = new Map<number, Slot[]>();
  let publicHolidays: HolidayRule = "unknown";
  const problems: string[] = [];

  const rules = text
    .split(";")
    .flatMap((rule) =>
      // ", " followed by a day selector starts an additional rule (it adds, it does not replace).
      rule.split(/,\s+(?=(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b)/).map((part, index) => ({ text: part.trim(), additional: index > 0 })),
    )
    .filter((rule) => rule.text);

  for (const rule of rules) {
    if (rule.text === "24/7") {
      for (let day = 1; day <= 7; day++) byDay.set(day, [{ weekday: day, opensAtMinute: 0, closesAtMinute: 1440, appointmentOnly: false }]);
      continue;
    }
    const match = RULE.exec(rule.text);
    const days = match?.groups?.days ? parseDays(match.groups.days) : match ? { weekdays: [1, 2, 3, 4, 5, 6, 7], holidays: false } : null;
    const times = match?.groups?.times ? parseTimes(match.groups.times) : [];
    if (!match || !days || !times || (!match.groups?.days && !match.groups?.times)) {
      problems.push(`Règle non comprise : « ${rule.text} »`);
      continue;
    }
    const off = /^(off|closed)$/i.test(match.groups?.modifier ?? "");
    const appointmentOnly = /rendez-vous|rdv|appointment/i.test(match.groups?.comment ?? "");
    if (days.holidays) publicHolidays = off || times.length === 0 ? "closed" : "open_as_usual";
    for (const weekday of days.weekdays) {
      const slots = off ? [] : times.map(({ opens, closes }) => ({ weekday, opensAtMinute: opens, closesAtMinute: closes, appointmentOnly }));
      byDay.set(weekday, rule.additional ? [...(byDay.get(weekday) ?? []), ...slots] : slots);
    }
  }
  const slots = [...byDay.values()].flat().sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute);
  return { slots, publicHolidays, problems };
}
