/**
 * Public holidays of France (metropolitan, national list) and Belgium, computed: fixed dates plus
 * those that follow Easter. Dates are "YYYY-MM-DD" calendar days.
 * Not covered yet: Alsace-Moselle's Good Friday and 26 December, overseas departments' own days.
 */
export type Country = "FR" | "BE";

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return isoDate(year, month, day + days);
}

const FIXED: Record<Country, [number, number, string][]> = {
  FR: [
    [1, 1, "Jour de l'an"],
    [5, 1, "Fête du Travail"],
    [5, 8, "Victoire 1945"],
    [7, 14, "Fête nationale"],
    [8, 15, "Assomption"],
    [11, 1, "Toussaint"],
    [11, 11, "Armistice"],
    [12, 25, "Noël"],
  ],
  BE: [
    [1, 1, "Nouvel an"],
    [5, 1, "Fête du Travail"],
    [7, 21, "Fête nationale"],
    [8, 15, "Assomption"],
    [11, 1, "Toussaint"],
    [11, 11, "Armistice"],
    [12, 25, "Noël"],
  ],
};

/** The year's public holidays, date → name. */
export function publicHolidays(country: Country, year: number): Map<string, string> {
  const easter = easterSunday(year);
  const days: [string, string][] = [
    ...FIXED[country].map(([month, day, name]): [string, string] => [isoDate(year, month, day), name]),
    [addDays(easter, 1), "Lundi de Pâques"],
    [addDays(easter, 39), "Ascension"],
    [addDays(easter, 50), "Lundi de Pentecôte"],
  ];
  return new Map(days.sort(([a], [b]) => a.localeCompare(b)));
}

/** Each country's holidays of a year, computed once: hours are read day by day, for many offers. */
const holidaysByYear = new Map<string, ReadonlyMap<string, string>>();

export function publicHolidayName(country: Country, date: string): string | undefined {
  const key = `${country}${date.slice(0, 4)}`;
  let holidays = holidaysByYear.get(key);
  if (!holidays) {
    holidays = publicHolidays(country, Number(date.slice(0, 4)));
    holidaysByYear.set(key, holidays);
  }
  return holidays.get(date);
}
