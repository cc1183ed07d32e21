/** @jsxImportSource @/lib/html */
/**
 * A territory's public home (`/t/<slug>`): the questionnaire, the frequent needs, the search box,
 * the communes — listed when there are few, else an index by letter (lib/public-search/communes.ts)
 * so the page stays light at any size — and the links to the open data and for newcomers.
 */
import type { DocumentHead } from "@/lib/html/document";
import type { HtmlPage } from "@/lib/html/respond";
import { languageSwitch } from "@/lib/html/language-switch";
import { safeUrl, sitePath } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { openDataMessages } from "@/lib/open-data/messages";
import { residentMessages } from "@/lib/orientation/resident-messages";
import { questionnaireHref } from "@/lib/orientation/resident-steps";
import { HOME_COMMUNES_MAX } from "../communes";
import type { Commune } from "../filters";
import { searchMessages } from "../messages";
import { frequentNeeds } from "../needs";
import type { Territory } from "../queries";
import { needGrid } from "./need-grid";
import { searchBox } from "./search-box";

const BIG_LINK = "inline-block min-h-11 py-2 text-lg text-accent underline";

/** `?lang=` for the pages in English or Arabic. */
export const inLocale = (locale: Locale) => (locale === "fr" ? undefined : { lang: locale });

export function communeLinks(communes: readonly Commune[], results: string, locale: Locale) {
  return (
    <ul class="mt-3 grid gap-2 sm:grid-cols-2">
      {communes.map((commune) => (
        <li>
          <a href={safeUrl(results, { commune: commune.code, ...inLocale(locale) })} class={BIG_LINK} lang="fr">
            {`${commune.name} (${commune.postalCode})`}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function homePage(territory: Pick<Territory, "slug" | "name" | "country">, communes: readonly Commune[], locale: Locale, addresses: Pick<DocumentHead, "canonical" | "alternates">): HtmlPage {
  const t = searchMessages(locale);
  const resident = residentMessages(locale);
  const base = sitePath("t", territory.slug);
  const results = `${base}/recherche`;
  const main = (
    <>
      {languageSwitch(locale, base, {})}
      <h1 class="mt-4 text-2xl font-bold break-words sm:text-3xl" lang="fr">
        {territory.name}
      </h1>
      <p class="mt-2 text-lg text-slate-700">{t.homeIntro}</p>

      <p class="mt-4">
        <a href={safeUrl(questionnaireHref(territory.slug, { lang: locale }))} class="inline-block min-h-11 rounded border-2 border-accent px-4 py-2 text-lg font-semibold text-accent underline hover:bg-blue-50">
          {resident.homeLink}
        </a>
        <span class="mt-1 block text-slate-700">{resident.homeLinkHint}</span>
      </p>

      <section aria-labelledby="besoins" class="mt-6">
        <h2 id="besoins" class="text-2xl font-bold">
          {t.needsHeading}
        </h2>
        <div class="mt-3">{needGrid(frequentNeeds(territory.country), (need) => safeUrl(results, { besoin: need, ...inLocale(locale) }), locale)}</div>
      </section>

      <section aria-labelledby="chercher" class="mt-8">
        <h2 id="chercher" class="text-2xl font-bold">
          {t.searchHeading}
        </h2>
        <div class="mt-3">{searchBox(safeUrl(results), locale)}</div>
      </section>

      {communes.length > 0 && (
        <section aria-labelledby="communes" class="mt-8">
          <h2 id="communes" class="text-2xl font-bold">
            {t.communesHeading}
          </h2>
          {communes.length <= HOME_COMMUNES_MAX ? (
            communeLinks(communes, results, locale)
          ) : (
            <p class="mt-3">
              <a href={safeUrl(`${base}/communes`, inLocale(locale))} class={`${BIG_LINK} font-semibold`}>
                {t.communesAll(communes.length)}
              </a>
            </p>
          )}
        </section>
      )}

      <p class="mt-8">
        <a href={safeUrl(results, inLocale(locale))} class={`${BIG_LINK} font-semibold`}>
          {t.seeAll}
        </a>
      </p>
      <p class="mt-8 text-sm">
        <a href={safeUrl(`${base}/donnees`)} class="inline-block min-h-11 py-2 text-accent underline">
          {openDataMessages(locale).openData}
        </a>
      </p>
      {/* For professionals, in French: a structure missing from the offer asks to join (lib/newcomers). */}
      <p class="text-sm" lang="fr">
        <a href={safeUrl(`${base}/rejoindre`)} class="inline-block min-h-11 py-2 text-accent underline">
          Votre structure n'est pas dans l'annuaire ? Demandez à y apparaître
        </a>
      </p>
    </>
  );
  return { head: { title: t.homeTitle(territory.name), description: t.homeDescription(territory.name), ...addresses }, main };
}
