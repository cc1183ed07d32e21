/**
 * The weekly programme as a table: days in rows (a phone reads it top to bottom), morning,
 * afternoon and evening in columns; each cell lists the offers open then, with their hours.
 * Printed on A4 landscape (see the print block at the end of app/globals.css).
 */
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { OfferRange } from "./OfferRange";
import { shortDate, weekdayName } from "@/lib/public-offer/present";
import { PERIODS, type ProgrammeDay } from "@/lib/public-offer/programme";

export function ProgrammeTable({ days, caption, locale, offerHref }: { days: ProgrammeDay[]; caption: string; locale: Locale; offerHref: (offerId: string) => string }) {
  const t = offerMessages(locale);
  const fr = locale === "fr" ? undefined : "fr";
  const periodNames = { morning: t.morning, afternoon: t.afternoon, evening: t.evening };
  return (
    <table className="programme-table mt-4 w-full border-collapse text-start">
      <caption className="mb-2 text-start text-lg font-semibold">{caption}</caption>
      <thead>
        <tr>
          <td className="border border-slate-300 p-2" />
          {PERIODS.map((period) => (
            <th key={period.key} scope="col" className="border border-slate-300 bg-slate-100 p-2 text-start">
              {periodNames[period.key]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.date}>
            <th scope="row" className="border border-slate-300 bg-slate-100 p-2 text-start align-top">
              <span className="capitalize">{weekdayName(locale, day.date)}</span>
              <span className="block text-sm font-normal">{shortDate(locale, day.date)}</span>
              {day.closures.map((closure) => (
                <span key={closure.title} className="block text-sm font-normal" lang={fr}>
                  {closure.note}
                </span>
              ))}
            </th>
            {PERIODS.map((period) => {
              const items = day.periods[period.key];
              return (
                <td key={period.key} className="border border-slate-300 p-2 align-top">
                  {items.length === 0 ? (
                    <span aria-label={t.closed}>{t.nothing}</span>
                  ) : (
                    <ul className="space-y-2">
                      {items.map((item) => (
                        <li key={`${item.offerId}-${item.detail}`}>
                          <a href={offerHref(item.offerId)} className="font-semibold text-accent underline" lang={fr}>
                            {item.title}
                          </a>
                          <span className="block">
                            {item.ranges.map((range, index) => (
                              <OfferRange key={index} range={range} locale={locale} />
                            ))}
                          </span>
                          {item.permanence ? <span className="block text-sm font-semibold">{t.permanence}</span> : null}
                          {item.detail ? (
                            <span className="block text-sm text-slate-700" lang={fr}>
                              {item.detail}
                            </span>
                          ) : null}
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
