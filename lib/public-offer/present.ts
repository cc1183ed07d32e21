/**
 * How the public pages say dates, hours and places in the page's language, and the links they
 * offer (maps, schema.org). Pure functions, tested in present.test.ts.
 */
import type { Locale } from "@/lib/i18n/locales";
import { timeIn } from "@/lib/hours/status-text";
import type { Exception, Range, Schedule } from "@/lib/hours/rules";
import { offerMessages } from "./messages";

const noon = (date: string) => new Date(`${date}T12:00:00Z`);
/** British English: "1 April", the order a European reader expects. */
const intlLocale = (locale: Locale) => (locale === "en" ? "en-GB" : locale);

const DATE_STYLES = {
  weekday: { weekday: "long", timeZone: "UTC" },
  long: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  short: { day: "numeric", month: "long", timeZone: "UTC" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Formatters are costly to create and a page says many dates: one per language and style. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDay(locale: Locale, style: keyof typeof DATE_STYLES, date: string): string {
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), DATE_STYLES[style]);
    dateFormats.set(key, format);
  }
  return format.format(noon(date));
}

/** "lundi", "Monday", "الاثنين". */
export const weekdayName = (locale: Locale, date: string) => formatDay(locale, "weekday", date);

/** "3 mars 2026", "3 March 2026". */
export const longDate = (locale: Locale, date: string) => formatDay(locale, "long", date);

/** "3 mars", without the year. */
export const shortDate = (locale: Locale, date: string) => formatDay(locale, "short", date);

/** "9 h – 12 h, sur rendez-vous". */
export function rangeText(locale: Locale, range: Range): string {
  const text = `${timeIn(locale, range.opensAtMinute)} – ${timeIn(locale, range.closesAtMinute)}`;
  return range.appointmentOnly ? `${text}, ${offerMessages(locale).appointment}` : text;
}

/** An exception in plain words: "Fermé du 24 décembre au 2 janvier (congés)". */
export function exceptionText(locale: Locale, exception: Exception): string {
  const t = offerMessages(locale);
  const period =
    exception.startsOn === exception.endsOn
      ? t.periodOne(shortDate(locale, exception.startsOn))
      : t.periodRange(shortDate(locale, exception.startsOn), shortDate(locale, exception.endsOn));
  if (exception.closed || exception.opensAtMinute == null || exception.closesAtMinute == null) return t.exceptionClosed(period, exception.label);
  const hours = rangeText(locale, { opensAtMinute: exception.opensAtMinute, closesAtMinute: exception.closesAtMinute, appointmentOnly: false });
  return t.exceptionOpen(period, hours, exception.label);
}

/** The exceptions not yet over, soonest first. */
export const upcomingExceptions = (schedule: Schedule, today: string, max = 6) =>
  schedule.exceptions
    .filter((exception) => exception.endsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .slice(0, max);

/** A closure covering today, for "fermé temporairement jusqu'au …". */
export const closureToday = (schedule: Schedule, today: string) =>
  schedule.exceptions
    .filter((exception) => exception.closed && exception.startsOn <= today && today <= exception.endsOn)
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];

interface Located {
  name: string;
  address: string;
  postalCode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
}

const fullAddress = (place: Pick<Located, "address" | "postalCode" | "communeName">) =>
  `${place.address}, ${place.postalCode} ${place.communeName}`;

/** OpenStreetMap at the point when it is known, else a search on the address; and a geo: link for map apps. */
export function mapLinks(place: Located): { osm: string; geo: string } {
  if (place.latitude != null && place.longitude != null) {
    const { latitude: lat, longitude: lon } = place;
    return {
      osm: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`,
      geo: `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(place.name)})`,
    };
  }
  const query = encodeURIComponent(fullAddress(place));
  return { osm: `https://www.openstreetmap.org/search?query=${query}`, geo: `geo:0,0?q=${query}` };
}

/** A phone number as a tel: link ("03 23 41 20 45" → "tel:0323412045"; "+32 (0)2…" → "tel:+322…"). */
export const telHref = (phone: string) => `tel:${phone.replace(/\(0\)/g, "").replace(/[^\d+]/g, "")}`;

/** Text shown for a set of ISO language codes, named in the page's language when Intl knows them. */
export function languageNames(locale: Locale, codes: string[], frenchNames: Record<string, string>): string[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: "language" });
  } catch {
    names = null;
  }
  return codes.map((code) => {
    if (locale === "fr" || code.length > 2) return frenchNames[code] ?? code;
    return names?.of(code) ?? frenchNames[code] ?? code;
  });
}

