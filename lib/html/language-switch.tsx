/** @jsxImportSource @/lib/html */
/**
 * The public pages' language switch: plain links to the same page and filters in each language,
 * so it works without JavaScript. Each name is written in its own language (and direction).
 */
import { directionOf, hrefInLocale, LOCALE_NAMES, LOCALES, type Locale, type SearchParams } from "@/lib/i18n/locales";
import { defineMessages } from "@/lib/i18n/messages";
import { safeUrl } from "./url";

const messages = defineMessages({
  fr: { language: "Langue" },
  en: { language: "Language" },
  ar: { language: "اللغة" },
});

export function languageSwitch(locale: Locale, pathname: string, searchParams: SearchParams) {
  return (
    <nav aria-label={messages(locale).language} class="print:hidden">
      <ul class="flex flex-wrap gap-x-4 text-sm">
        {LOCALES.map((option) =>
          option === locale ? (
            <li>
              <span aria-current="true" lang={option} dir={directionOf(option)} class="font-semibold">
                {LOCALE_NAMES[option]}
              </span>
            </li>
          ) : (
            <li>
              <a href={safeUrl(hrefInLocale(pathname, searchParams, option))} hreflang={option} lang={option} dir={directionOf(option)} class="text-accent underline">
                {LOCALE_NAMES[option]}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
