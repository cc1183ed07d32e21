/** @jsxImportSource @/lib/html */
/**
 * The communes of a large territory (`/t/<slug>/communes?lettre=B`), one first letter per page:
 * the letters as links, then the letter's communes, each a link to its results. Light however
 * many communes there are; the search box takes a commune's name or postal code as well.
 */
import type { DocumentHead } from "@/lib/html/document";
import type { HtmlPage } from "@/lib/html/respond";
import { languageSwitch } from "@/lib/html/language-switch";
import { safeUrl, sitePath } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import type { CommuneIndex } from "../communes";
import { searchMessages } from "../messages";
import type { Territory } from "../queries";
import { communeLinks, inLocale } from "./home-page";

export function communesPage(territory: Pick<Territory, "slug" | "name">, index: CommuneIndex, locale: Locale, addresses: Pick<DocumentHead, "canonical" | "alternates">): HtmlPage {
  const t = searchMessages(locale);
  const base = sitePath("t", territory.slug);
  const here = `${base}/communes`;
  const main = (
    <>
      {languageSwitch(locale, here, index.letter ? { lettre: index.letter } : {})}
      <p class="mt-4">
        <a href={safeUrl(base, inLocale(locale))} class="inline-block min-h-11 py-2 text-accent underline">
          {t.backHome}
        </a>
      </p>
      <h1 class="text-2xl font-bold break-words sm:text-3xl">{t.communesTitle(territory.name)}</h1>
      <p class="mt-2 text-lg">{t.communesIntro}</p>
      <nav aria-label={t.communesLetters} class="mt-4">
        <ul class="flex flex-wrap gap-1">
          {index.letters.map(({ letter }) => (
            <li>
              {letter === index.letter ? (
                <span aria-current="page" class="inline-flex min-h-11 min-w-11 items-center justify-center rounded bg-accent px-2 text-lg font-bold text-white">
                  {letter}
                </span>
              ) : (
                <a href={safeUrl(here, { lettre: letter, ...inLocale(locale) })} class="inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-slate-300 px-2 text-lg text-accent underline">
                  {letter}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {index.letter && (
        <section aria-labelledby="lettre" class="mt-6">
          <h2 id="lettre" class="text-xl font-bold">
            {t.communesOfLetter(index.letter)}
          </h2>
          {communeLinks(index.communes, `${base}/recherche`, locale)}
        </section>
      )}
      <p class="mt-6">
        <a href={safeUrl(base, inLocale(locale), "chercher")} class="inline-block min-h-11 py-2 text-accent underline">
          {t.communesSearchHint}
        </a>
      </p>
    </>
  );
  return { head: { title: t.communesTitle(territory.name), description: t.communesDescription(territory.name), ...addresses }, main };
}
