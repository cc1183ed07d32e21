/**
 * One place's hours for today and the six days after (exceptions and public holidays applied),
 * then the coming changes and the public-holiday rule. A real table: it reads well aloud and prints.
 */
import { comingDays, type Schedule } from "@/lib/hours/rules";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { OfferRange } from "./OfferRange";
import { exceptionText, shortDate, upcomingExceptions, weekdayName } from "@/lib/public-offer/present";

export function OfferWeekTable({ schedule, today, locale, caption }: { schedule: Schedule; today: string; locale: Locale; caption: string }) {
  const t = offerMessages(locale);
  const days = comingDays(schedule, today);
  const coming = upcomingExceptions(schedule, today);
  const holidays = { closed: t.holidaysClosed, open_as_usual: t.holidaysOpen, unknown: t.holidaysUnknown }[schedule.publicHolidays];
  return (
    <div>
      <table className="mt-2 w-full border-collapse text-start">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pe-3 text-start">{t.day}</th>
            <th scope="col" className="py-1 text-start">{t.hours}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date} className={`border-b border-slate-200 ${day.date === today ? "bg-blue-50 font-semibold" : ""}`}>
              <th scope="row" className="py-1 pe-3 text-start font-medium">
                <span className="capitalize">{weekdayName(locale, day.date)}</span>{" "}
                <span className="text-sm font-normal text-slate-700">{shortDate(locale, day.date)}</span>
              </th>
              <td className="py-1">
                {day.ranges.length === 0
                  ? t.closed
                  : day.ranges.map((range, index) => (
                      <OfferRange key={index} range={range} locale={locale} />
                    ))}
                {day.note ? (
                  <span className="block text-sm font-normal text-slate-700" lang="fr">
                    {day.note}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm">{holidays}</p>
      {coming.length > 0 ? (
        <div className="mt-2">
          <h4 className="font-semibold">{t.upcomingChanges}</h4>
          <ul className="list-disc ps-5">
            {coming.map((exception) => (
              <li key={`${exception.startsOn}-${exception.label}`}>{exceptionText(locale, exception)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
