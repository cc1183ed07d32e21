/** @jsxImportSource @/lib/html */
/**
 * A place's or a structure's weekly programme (`/t/<slug>/lieux/<id>/programme`,
 * `/t/<slug>/structures/<id>/programme`): the week shown (this week by default,
 * `?semaine=YYYY-MM-DD` for another), previous / next week links, then the days in rows (a phone
 * reads it top to bottom), morning, afternoon and evening in columns, each cell the offers open
 * then with their hours; the week's workshop sessions. Printed on A4 landscape (app/globals.css).
 */
import { addDays } from "@/lib/hours/holidays";
import type { DocumentHead } from "@/lib/html/document";
import { frenchWithin, type Html } from "@/lib/html/html";
import { languageSwitch } from "@/lib/html/language-switch";
import type { HtmlPage } from "@/lib/html/respond";
import { safeUrl, sitePath, type SafeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import type { UpcomingSession } from "@/lib/workshops/queries";
import { offerMessages } from "../messages";
import { longDate, shortDate, weekdayName } from "../present";
import { isEmptyProgramme, PERIODS, weeklyProgramme, type ProgrammeDay, type ProgrammeEntry } from "../programme";
import { hoursRange, upcomingSessions } from "./hours";

function programmeTable(days: ProgrammeDay[], caption: string, locale: Locale, offerHref: (offerId: string) => SafeUrl) {
  const t = offerMessages(locale);
  const fr = frenchWithin(locale);
  const periodNames = { morning: t.morning, afternoon: t.afternoon, evening: t.evening };
  return (
    <table class="programme-table mt-4 w-full border-collapse text-start">
      <caption class="mb-2 text-start text-lg font-semibold">{caption}</caption>
      <thead>
        <tr>
          <td class="border border-slate-300 p-2"></td>
          {PERIODS.map((period) => (
            <th scope="col" class="border border-slate-300 bg-slate-100 p-2 text-start">
              {periodNames[period.key]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr>
            <th scope="row" class="border border-slate-300 bg-slate-100 p-2 text-start align-top">
              <span class="capitalize">{weekdayName(locale, day.date)}</span>
              <span class="block text-sm font-normal">{shortDate(locale, day.date)}</span>
              {day.closures.map((closure) => (
                <span class="block text-sm font-normal" lang={fr}>
                  {closure.note}
                </span>
              ))}
            </th>
            {PERIODS.map((period) => {
              const items = day.periods[period.key];
              return (
                <td class="border border-slate-300 p-2 align-top">
                  {items.length === 0 ? (
                    <span aria-label={t.closed}>{t.nothing}</span>
                  ) : (
                    <ul class="space-y-2">
                      {items.map((item) => (
                        <li>
                          <a href={offerHref(item.offerId)} class="font-semibold text-accent underline" lang={fr}>
                            {item.title}
                          </a>
                          <span class="block">{item.ranges.map((range) => hoursRange(range, locale))}</span>
                          {item.permanence && <span class="block text-sm font-semibold">{t.permanence}</span>}
                          {item.detail && (
                            <span class="block text-sm text-slate-700" lang={fr}>
                              {item.detail}
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The table of a week, written once per programme, language and week: `entries` is the programme
 * kept in memory while the territory's data holds (page-data.ts), so a new version comes as a new
 * array, and its tables go with the old one.
 */
interface WeekTable {
  table: Html;
  empty: boolean;
  /** Its Monday and Sunday. */
  first: string;
  last: string;
}

const tables = new WeakMap<ProgrammeEntry[], Map<string, WeekTable>>();

function keptWeek(entries: ProgrammeEntry[], week: string, caption: string, locale: Locale, offerHref: (offerId: string) => SafeUrl): WeekTable {
  let byWeek = tables.get(entries);
  if (!byWeek) tables.set(entries, (byWeek = new Map()));
  const key = `${locale}/${week}/${caption}`;
  let kept = byWeek.get(key);
  if (!kept) {
    const days = weeklyProgramme(entries, week);
    kept = { table: programmeTable(days, caption, locale, offerHref), empty: isEmptyProgramme(days), first: days[0]!.date, last: days[6]!.date };
    byWeek.set(key, kept);
  }
  return kept;
}

export interface ProgrammePageInput {
  territory: { slug: string; name: string; timeZone: string };
  name: string;
  subtitle: string | null;
  entries: ProgrammeEntry[];
  week: string;
  /** The week was asked for (`?semaine=`): the language links keep it. */
  weekAsked: boolean;
  workshops: readonly UpcomingSession[];
  locale: Locale;
  pathname: string;
  description: string;
  head: Pick<DocumentHead, "canonical" | "alternates" | "structuredData">;
}

export function programmePage({ territory, name, subtitle, entries, week, weekAsked, workshops, locale, pathname, description, head }: ProgrammePageInput): HtmlPage {
  const t = offerMessages(locale);
  const fr = frenchWithin(locale);
  const inLocale = locale === "fr" ? {} : { lang: locale };
  const weekLink = (date: string) => safeUrl(pathname, { semaine: date, ...inLocale });
  const days = keptWeek(entries, week, t.programmeCaption(name), locale, (offerId) => safeUrl(sitePath("t", territory.slug, "offres", offerId), locale === "fr" ? undefined : inLocale));
  const main = (
    <div class="programme-page print-landscape space-y-4 break-words hyphens-auto">
      <div class="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <a href={safeUrl(sitePath("t", territory.slug), inLocale)} class="text-accent underline">
          {t.backToTerritory(territory.name)}
        </a>
        {languageSwitch(locale, pathname, weekAsked ? { semaine: week } : {})}
      </div>
      <h1 class="text-3xl font-bold">
        {t.programmeTitle("")}
        <span lang={fr}>{name}</span>
      </h1>
      {subtitle && <p lang={fr}>{subtitle}</p>}
      <p>{t.programmeIntro(longDate(locale, days.first), longDate(locale, days.last))}</p>
      <nav aria-label={t.weekNav} class="flex flex-wrap gap-4 print:hidden">
        <a href={weekLink(addDays(days.first, -7))} class="inline-block min-h-11 py-2 text-accent underline">
          {t.previousWeek}
        </a>
        <a href={weekLink(addDays(days.first, 7))} class="inline-block min-h-11 py-2 text-accent underline">
          {t.nextWeek}
        </a>
      </nav>
      {days.empty && <p class="text-lg font-semibold">{t.programmeEmpty}</p>}
      {/* Focusable, so a keyboard can scroll the table sideways on a narrow screen. */}
      <div class="overflow-x-auto" role="region" aria-label={t.programmeCaption(name)} tabindex={0}>
        {days.table}
      </div>
      {/* Shown by the enhancement script (lib/html/scripts.ts); below the table, so that appearing moves nothing one is reading. */}
      <p class="print:hidden">
        <button type="button" hidden data-print="" class="min-h-11 rounded border border-accent px-3 py-1 font-semibold text-accent">
          {t.print}
        </button>
      </p>
      {upcomingSessions(workshops, territory.slug, territory.timeZone, locale)}
    </div>
  );
  return { head: { title: t.programmeTitle(name), description, enhanced: true, ...head }, main };
}
