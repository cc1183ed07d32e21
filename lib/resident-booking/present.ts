/** How the residents' pages and emails say a slot: the day and time in the territory's time zone. */
import type { Locale } from "@/lib/i18n/locales";

const INTL: Record<Locale, string> = { fr: "fr-FR", en: "en-GB", ar: "ar" };

/** "mardi 8 décembre 2026 à 10:00". */
export function formatSlot(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: "full", timeStyle: "short", timeZone }).format(instant);
}

/** "10:00". */
export function formatTime(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { timeStyle: "short", timeZone }).format(instant);
}

/** "mardi 8 décembre". */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

