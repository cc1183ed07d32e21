/**
 * The frame shared by a place's and a structure's programme pages: title, the week shown (this
 * week by default, `?semaine=YYYY-MM-DD` for another), previous / next week links, the table.
 */
import { UpcomingSessions } from "@/components/workshops/UpcomingSessions";
import type { UpcomingSession } from "@/lib/workshops/queries";
import { LanguageSwitch } from "@/components/public/LanguageSwitch";
import { ProgrammeTable } from "@/components/public/ProgrammeTable";
import { OfferPrintButton } from "@/components/public/OfferPrintButton";
import { addDays } from "@/lib/hours/holidays";
import { hrefInLocale, type Locale, type SearchParams } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { longDate } from "@/lib/public-offer/present";
import { isEmptyProgramme, weeklyProgramme, type ProgrammeEntry } from "@/lib/public-offer/programme";


export function ProgrammePage({
  name,
  subtitle,
  entries,
  week,
  locale,
  pathname,
  query,
  territory,
  workshops = [],
}: {
  name: string;
  subtitle: string | null;
  entries: ProgrammeEntry[];
  week: string;
  locale: Locale;
  pathname: string;
  query: SearchParams;
  territory: { slug: string; name: string; timeZone: string };
  /** The week's workshop sessions (issue 17), with their seats left. */
  workshops?: UpcomingSession[];
}) {
  const t = offerMessages(locale);
  const fr = locale === "fr" ? undefined : "fr";
  const days = weeklyProgramme(entries, week);
  const weekLink = (date: string) => hrefInLocale(pathname, { ...query, semaine: date }, locale);
  return (
    <div className="programme-page print-landscape space-y-4 break-words hyphens-auto">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <a href={hrefInLocale(`/t/${territory.slug}`, {}, locale)} className="text-accent underline">
          {t.backToTerritory(territory.name)}
        </a>
        <LanguageSwitch locale={locale} pathname={pathname} searchParams={query} />
      </div>
      <h1 className="text-3xl font-bold">
        {t.programmeTitle("")}
        <span lang={fr}>{name}</span>
      </h1>
      {subtitle ? <p lang={fr}>{subtitle}</p> : null}
      <p>{t.programmeIntro(longDate(locale, days[0]!.date), longDate(locale, days[6]!.date))}</p>
      <nav aria-label={t.weekNav} className="flex flex-wrap gap-4 print:hidden">
        <a href={weekLink(addDays(days[0]!.date, -7))} className="text-accent underline">
          {t.previousWeek}
        </a>
        <a href={weekLink(addDays(days[0]!.date, 7))} className="text-accent underline">
          {t.nextWeek}
        </a>
        <OfferPrintButton label={t.print} />
      </nav>
      {isEmptyProgramme(days) ? <p className="text-lg font-semibold">{t.programmeEmpty}</p> : null}
      {/* Focusable, so a keyboard can scroll the table sideways on a narrow screen. */}
      <div className="overflow-x-auto" role="region" aria-label={t.programmeCaption(name)} tabIndex={0}>
        <ProgrammeTable
          days={days}
          caption={t.programmeCaption(name)}
          locale={locale}
          offerHref={(offerId) => hrefInLocale(`/t/${territory.slug}/offres/${offerId}`, {}, locale)}
        />
      </div>
      <UpcomingSessions sessions={workshops} territory={territory.slug} timeZone={territory.timeZone} locale={locale} />
    </div>
  );
}
