/**
 * "Open now, until 5 pm" / "Closed, opens Tuesday at 10 am", in the public pages' languages:
 * what a resident reads first about an offer. Times are said in the schedule's time zone.
 */
import { defineMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { addDays } from "./holidays";
import { formatTime } from "./format";
import { localTime, type OpeningStatus } from "./rules";

const messages = defineMessages({
  fr: {
    openUntil: (time: string) => `Ouvert maintenant, jusqu'à ${time}`,
    opensToday: (time: string) => `Fermé pour le moment, ouvre aujourd'hui à ${time}`,
    opensTomorrow: (time: string) => `Fermé, ouvre demain à ${time}`,
    opensOn: (day: string, time: string) => `Fermé, ouvre ${day} à ${time}`,
    noOpening: "Pas d'ouverture prévue pour le moment",
    byAppointment: " (sur rendez-vous)",
  },
  en: {
    openUntil: (time: string) => `Open now, until ${time}`,
    opensToday: (time: string) => `Closed now, opens today at ${time}`,
    opensTomorrow: (time: string) => `Closed, opens tomorrow at ${time}`,
    opensOn: (day: string, time: string) => `Closed, opens ${day} at ${time}`,
    noOpening: "No opening planned at the moment",
    byAppointment: " (by appointment)",
  },
  ar: {
    openUntil: (time: string) => `مفتوح الآن، حتى الساعة ${time}`,
    opensToday: (time: string) => `مغلق حاليا، يفتح اليوم الساعة ${time}`,
    opensTomorrow: (time: string) => `مغلق، يفتح غدا الساعة ${time}`,
    opensOn: (day: string, time: string) => `مغلق، يفتح ${day} الساعة ${time}`,
    noOpening: "لا يوجد موعد فتح مقرر حاليا",
    byAppointment: " (بموعد مسبق)",
  },
});

/** "17 h" in French, "17:00" elsewhere (unambiguous for every reader). */
export function timeIn(locale: Locale, minutes: number): string {
  if (locale === "fr") return formatTime(minutes);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Formatters are costly to create and a results page says twenty days: made once each. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: Locale, withinWeek: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${withinWeek} ${timeZone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, withinWeek ? { weekday: "long", timeZone } : { day: "numeric", month: "long", timeZone });
    dayFormats.set(key, format);
  }
  return format;
}

/** The names of the days already said (the twenty cards of a page name the same few days), bounded. */
const dayNames = new Map<string, string>();

/** "mardi", or "le 3 mars" beyond the coming week. */
function dayIn(locale: Locale, instant: Date, today: string, date: string, timeZone: string): string {
  const withinWeek = date <= addDays(today, 6);
  const key = `${locale} ${withinWeek} ${timeZone} ${date}`;
  let text = dayNames.get(key);
  if (text === undefined) {
    text = dayFormat(locale, withinWeek, timeZone).format(instant);
    if (dayNames.size >= 4096) dayNames.clear();
    dayNames.set(key, text);
  }
  return withinWeek || locale !== "fr" ? text : `le ${text}`;
}

export function describeOpeningStatus(status: OpeningStatus, now: Date, timeZone: string, locale: Locale): { open: boolean; text: string } {
  const t = messages(locale);
  const appointment = status.appointmentOnly ? t.byAppointment : "";
  if (status.open) {
    return { open: true, text: t.openUntil(timeIn(locale, localTime(status.closesAt, timeZone).minute)) + appointment };
  }
  if (!status.nextOpensAt) return { open: false, text: t.noOpening };
  const today = localTime(now, timeZone).date;
  const next = localTime(status.nextOpensAt, timeZone);
  const time = timeIn(locale, next.minute);
  if (next.date === today) return { open: false, text: t.opensToday(time) + appointment };
  if (next.date === addDays(today, 1)) return { open: false, text: t.opensTomorrow(time) + appointment };
  return { open: false, text: t.opensOn(dayIn(locale, status.nextOpensAt, today, next.date, timeZone), time) + appointment };
}
