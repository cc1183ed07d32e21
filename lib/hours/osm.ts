/**
 * Weekly hours to and from OpenStreetMap `opening_hours` strings, the format the standards
 * exchange (LMN `horaires`, data·inclusion `horaires_accueil`). Toile writes weekday selectors
 * (Mo, Mo-Fr, Mo,We), time ranges, ";" rules, ", " additional rules, "PH off" and appointment-only
 * hours as open with a comment (`Mo-Fr 13:30-17:30 open "sur rendez-vous"`: a comment alone would
 * make them "unknown" for OSM readers, i.e. not open); it reads any string with the `opening_hours`
 * library, keeping what fits its model (weekly slots, the PH rule) and reporting the rest, rule by
 * rule, never silently dropped.
 */
import OpeningHours from "opening_hours";
import type { HolidayRule, Slot } from "./rules";

const OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
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
    text += `${text ? ", " : ""}${rule(group)} open "${APPOINTMENT_COMMENT}"`;
  }
  if (publicHolidays === "closed" && text) text += "; PH off";
  return text;
}

/**
 * Reading uses the `opening_hours` library (the OSM reference implementation, which knows French
 * and Belgian public holidays). It evaluates a string over dates in the process's time zone: the
 * weekly slots are read from wall-clock times of local dates (a reference week without public
 * holidays or clock changes), so the process's zone does not matter.
 */
const LIBRARY_OPTIONS = { mode: 0, tag_key: "opening_hours", map_value: false, warnings_severity: 4, locale: "fr" } as const;
const NOMINATIM = {
  FR: { lat: 46.6, lon: 2.4, address: { country_code: "fr", state: "" } },
  BE: { lat: 50.6, lon: 4.6, address: { country_code: "be", state: "" } },
};
export type HoursCountry = keyof typeof NOMINATIM;
/** Monday 8 June 2026, 00:00: a week without public holidays in France or Belgium, nor a change of clocks. */
const REFERENCE_WEEK = [2026, 5, 8] as const;
/** A public holiday on a Tuesday in each country (14 July, 21 July 2026), to read the PH rule. */
const REFERENCE_HOLIDAY = { FR: [2026, 6, 14], BE: [2026, 6, 21] } as const;
const APPOINTMENT = /rendez-vous|rdv|appointment/i;

function readWithLibrary(text: string, country: HoursCountry): OpeningHours | { error: string } {
  try {
    return new OpeningHours(text, NOMINATIM[country], LIBRARY_OPTIONS);
  } catch (error) {
    // The library explains in French, after the part it could read ("Xy <--- (Caractère inattendu…)").
    return { error: String(error).replace(/^Error:\s*/, "").split("\n")[0]!.trim() };
  }
}

/** A rule's selectors, comments left out. */
const selectorsOf = (rule: string) => rule.replace(/"[^"]*"/g, "");

/**
 * An OSM `opening_hours` string as weekly slots and a public-holiday rule. Rules the library cannot
 * read are reported and left out (the others are read together, a later rule still replacing the
 * days it selects); so are rules that depend on the date (months, weeks, school holidays — Toile
 * keeps weekly hours, and dated closures through lib/open-data/hours.ts) and uncertain hours
 * ("unknown", an open end "10:00+"), and ranges past midnight (`Fr 19:00-11:00`).
 */
export function parseOpeningHours(text: string, country: HoursCountry = "FR"): ParsedOpeningHours {
  const problems: string[] = [];
  let oh = readWithLibrary(text, country);
  if ("error" in oh) {
    // Read again without the rules that fail on their own.
    const readable: string[] = [];
    for (const rule of text.split(";").map((part) => part.trim()).filter(Boolean)) {
      if ("error" in readWithLibrary(rule, country)) problems.push(`Règle non comprise : « ${rule} »`);
      else readable.push(rule);
    }
    oh = readable.length > 0 ? readWithLibrary(readable.join("; "), country) : { error: "" };
    if ("error" in oh) {
      if (problems.length === 0) problems.push(`Règle non comprise : « ${text.trim()} »${oh.error ? ` (${oh.error})` : ""}`);
      return { slots: [], publicHolidays: "unknown", problems };
    }
  }

  let mentionsHolidays = false;
  for (let index = 0; index < 100; index++) {
    const rule = oh.prettifyValue({ rule_index: index });
    if (!rule) break;
    if (/\bPH\b/.test(selectorsOf(rule))) {
      mentionsHolidays = true;
      continue;
    }
    const alone = readWithLibrary(rule, country);
    if (!("error" in alone) && !alone.isWeekStable()) problems.push(`Règle non comprise : « ${rule} » (elle dépend de la date ; Toile garde des horaires par semaine et des fermetures datées)`);
  }

  const [year, month, day] = REFERENCE_WEEK;
  const slots: Slot[] = [];
  let uncertain = false;
  const overnight: string[] = [];
  for (const [from, to, unknown, comment] of oh.getOpenIntervals(new Date(year, month, day), new Date(year, month, day + 7))) {
    // A rule with a comment and no state is "unknown" in OSM: Toile wrote appointment-only hours so
    // before it wrote them `open` (`Mo 14:00-17:00 "sur rendez-vous"`), and other sources still
    // do; both read as appointment-only hours.
    if (unknown && !APPOINTMENT.test(comment ?? "")) {
      uncertain = true;
      continue;
    }
    // A range past midnight ("Fr 19:00-11:00" in the Hinaura file) is, for OSM, open until the next
    // day; in a place's hours it is far more often a typo: reported, and left out.
    if ((from.getHours() !== 0 || from.getMinutes() !== 0) && to.getDate() !== from.getDate() && (to.getHours() !== 0 || to.getMinutes() !== 0)) {
      overnight.push(`${time(from.getHours() * 60 + from.getMinutes())}-${time(to.getHours() * 60 + to.getMinutes())}`);
      continue;
    }
    for (let cursor = from; cursor < to; ) {
      const nextMidnight = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + 1);
      const end = to < nextMidnight ? to : nextMidnight;
      slots.push({
        weekday: ((cursor.getDay() + 6) % 7) + 1,
        opensAtMinute: cursor.getHours() * 60 + cursor.getMinutes(),
        closesAtMinute: end === nextMidnight ? 1440 : end.getHours() * 60 + end.getMinutes(),
        appointmentOnly: APPOINTMENT.test(comment ?? ""),
      });
      cursor = end;
    }
  }
  for (const range of new Set(overnight)) problems.push(`Plage qui passe minuit (${range}) : OSM la lirait jusqu'au lendemain ; sans doute une erreur de saisie, non reprise.`);
  if (uncertain) problems.push("Horaires incertains (« unknown » ou heure de fin ouverte « + ») : non repris.");

  let publicHolidays: HolidayRule = "unknown";
  if (mentionsHolidays) {
    const [holidayYear, holidayMonth, holidayDay] = REFERENCE_HOLIDAY[country];
    const open = oh.getOpenIntervals(new Date(holidayYear, holidayMonth, holidayDay), new Date(holidayYear, holidayMonth, holidayDay + 1));
    publicHolidays = open.length === 0 ? "closed" : "open_as_usual";
  }
  slots.sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute);
  return { slots, publicHolidays, problems };
}

/**
 * Whether the library reads `text` as exactly these weekly slots and this public-holiday rule: the
 * check of what `toOpeningHours` writes (tests run it on every shape Toile writes).
 */
export function libraryReadsAs(text: string, slots: Slot[], publicHolidays: HolidayRule, country: HoursCountry = "FR"): boolean {
  const read = parseOpeningHours(text, country);
  const key = (list: Slot[]) => JSON.stringify([...list].sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute || Number(a.appointmentOnly) - Number(b.appointmentOnly)));
  return read.problems.length === 0 && read.publicHolidays === publicHolidays && key(read.slots) === key(slots);
}
