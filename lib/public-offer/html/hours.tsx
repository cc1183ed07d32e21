/** @jsxImportSource @/lib/html */
/**
 * The hours on the public pages: a range ("10 h – 12 h, sur rendez-vous", always left to right,
 * in Arabic too), a place's seven coming days as a real table (it reads well aloud and prints),
 * and the coming workshop sessions with their seats left.
 */
import { comingDays, type Range, type Schedule } from "@/lib/hours/rules";
import { timeIn } from "@/lib/hours/status-text";
import { frenchWithin } from "@/lib/html/html";
import { safeUrl, sitePath } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { formatSlot } from "@/lib/resident-booking/present";
import type { UpcomingSession } from "@/lib/workshops/queries";
import { workshopWords } from "@/lib/workshops/words";
import { offerMessages } from "../messages";
import { exceptionText, shortDate, upcomingExceptions, weekdayName } from "../present";

export function hoursRange(range: Range, locale: Locale) {
  return (
    <span class="me-3 inline-block">
      <span dir="ltr">{`${timeIn(locale, range.opensAtMinute)} – ${timeIn(locale, range.closesAtMinute)}`}</span>
      {range.appointmentOnly ? `, ${offerMessages(locale).appointment}` : null}
    </span>
  );
}

/** One place's hours for today and the six days after (exceptions and public holidays applied), the coming changes, the public-holiday rule. */
export function weekTable(schedule: Schedule, today: string, locale: Locale, caption: string) {
  const t = offerMessages(locale);
  const coming = upcomingExceptions(schedule, today);
  const holidays = { closed: t.holidaysClosed, open_as_usual: t.holidaysOpen, unknown: t.holidaysUnknown }[schedule.publicHolidays];
  return (
    <div>
      <table class="mt-2 w-full border-collapse text-start">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr class="border-b border-slate-300">
            <th scope="col" class="py-1 pe-3 text-start">
              {t.day}
            </th>
            <th scope="col" class="py-1 text-start">
              {t.hours}
            </th>
          </tr>
        </thead>
        <tbody>
          {comingDays(schedule, today).map((day) => (
            <tr class={`border-b border-slate-200 ${day.date === today ? "bg-blue-50 font-semibold" : ""}`}>
              <th scope="row" class="py-1 pe-3 text-start font-medium">
                <span class="capitalize">{weekdayName(locale, day.date)}</span> <span class="text-sm font-normal text-slate-700">{shortDate(locale, day.date)}</span>
              </th>
              <td class="py-1">
                {day.ranges.length === 0 ? t.closed : day.ranges.map((range) => hoursRange(range, locale))}
                {day.note && (
                  <span class="block text-sm font-normal text-slate-700" lang="fr">
                    {day.note}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="mt-2 text-sm">{holidays}</p>
      {coming.length > 0 && (
        <div class="mt-2">
          <h4 class="font-semibold">{t.upcomingChanges}</h4>
          <ul class="list-disc ps-5">
            {coming.map((exception) => (
              <li>{exceptionText(locale, exception)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The next workshop sessions of an offer, a place or a structure, with the seats left (no personal data). */
export function upcomingSessions(sessions: readonly UpcomingSession[], territorySlug: string, timeZone: string, locale: Locale) {
  if (sessions.length === 0) return null;
  const t = workshopWords(locale);
  const query = locale === "fr" ? undefined : { lang: locale };
  return (
    <section aria-labelledby="ateliers-a-venir" class="space-y-2">
      <h2 id="ateliers-a-venir" class="text-xl font-bold">
        {t.upcoming}
      </h2>
      <ul class="space-y-2">
        {sessions.map((session) => (
          <li class="rounded border border-slate-300 p-3">
            <p class="font-semibold" lang="fr">
              {session.theme}
            </p>
            <p>
              {formatSlot(session.startsAt, timeZone, locale)}
              {session.placeName && <span lang={frenchWithin(locale)}> — {session.placeName}</span>}
            </p>
            <p>{t.seatsLeft(session.seatsLeft)}</p>
            <a href={safeUrl(sitePath("t", territorySlug, "ateliers", session.id), query)} class="text-accent underline">
              {session.residentsMayAsk ? t.askSeat : t.details}
              <span class="sr-only"> — {session.theme}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
