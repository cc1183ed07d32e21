/** @jsxImportSource @/lib/html */
/**
 * The friendly 404 of the public pages written as HTML: what happened in plain words, in the
 * page's language, and the way back to the territory's offer when the address names one.
 */
import type { HtmlPage } from "@/lib/html/respond";
import { safeUrl, sitePath } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "../messages";

export function publicNotFound(locale: Locale, territorySlug: string | null): HtmlPage {
  const t = offerMessages(locale);
  const query = locale === "fr" ? undefined : { lang: locale };
  const main = (
    <>
      <h1 class="text-3xl font-bold">{t.notFoundTitle}</h1>
      <p class="mt-3 text-lg">{t.notFoundText}</p>
      <ul class="mt-4 space-y-2">
        {territorySlug && (
          <li>
            <a href={safeUrl(sitePath("t", territorySlug), query)} class="text-lg font-semibold text-accent underline">
              {t.notFoundBack}
            </a>
          </li>
        )}
        <li>
          <a href={safeUrl("/", query)} class="text-accent underline">
            {t.notFoundHome}
          </a>
        </li>
      </ul>
    </>
  );
  return { head: { title: t.notFoundTitle, noIndex: true }, main };
}
