/**
 * The public pages' language switch: plain links to the same page and filters in each language,
 * so it works without JavaScript. Each name is written in its own language (and direction).
 */
import { directionOf, hrefInLocale, LOCALE_NAMES, LOCALES, type Locale, type SearchParams } from "@/lib/i18n/locales";
import { defineMessages } from "@/lib/i18n/messages";

const messages = defineMessages({
  fr: { language: "Langue" },
  en: { language: "Language" },
  ar: { language: "اللغة" },
});

export function LanguageSwitch({ locale, pathname, searchParams }: { locale: Locale; pathname: string; searchParams: SearchParams }) {
  return (
    <nav aria-label={messages(locale).language} className="print:hidden">
      <ul className="flex flex-wrap gap-x-4 text-sm">
        {LOCALES.map((option) => (
          <li key={option}>
            {option === locale ? (
              <span aria-current="true" lang={option} dir={directionOf(option)} className="font-semibold">
                {LOCALE_NAMES[option]}
              </span>
            ) : (
              <a href={hrefInLocale(pathname, searchParams, option)} hrefLang={option} lang={option} dir={directionOf(option)} className="text-accent underline">
                {LOCALE_NAMES[option]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
