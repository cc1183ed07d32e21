/** @jsxImportSource @/lib/html */
/**
 * The search results page (`/t/<territory>/recherche`), as HTML: the found offers, one card each,
 * the filters (a GET form), paging, and, when nothing matches, a link per filter to remove it and
 * the frequent needs. Served by app/t/[territory]/recherche/route.ts: see lib/html/html.ts for why
 * it is not a React page. Every link goes through `safeUrl` (lib/html/url.ts).
 */
import type { DocumentHead } from "@/lib/html/document";
import type { Html } from "@/lib/html/html";
import { languageSwitch } from "@/lib/html/language-switch";
import { safeUrl, sitePath } from "@/lib/html/url";
import { filterParams, searchParamsOf, type IgnoredFilter, type SearchFilters } from "../filters";
import { searchMessages } from "../messages";
import { frequentNeeds } from "../needs";
import type { SearchOutcome } from "../queries";
import { filtersForm } from "./filters-form";
import { needGrid } from "./need-grid";
import { removeFilterLinks } from "./remove-filter-links";
import { resultCard } from "./result-card";
import { resultPages } from "./result-pages";

const LINK = "inline-block min-h-11 py-2 text-accent underline";
const FILTERS = safeUrl("#filtres");

export function resultsPage(outcome: SearchOutcome, filters: SearchFilters, ignoredInUrl: IgnoredFilter[], now: Date): { head: DocumentHead; main: Html } {
  const { territory, results, total, page, pageCount, needs } = outcome;
  const locale = filters.lang;
  const t = searchMessages(locale);
  const base = sitePath("t", territory.slug);
  const action = `${base}/recherche`;
  const hrefWith = (changes: Partial<SearchFilters>) => safeUrl(action, searchParamsOf(filters, changes));
  const inLocale = locale === "fr" ? undefined : { lang: locale };
  const ignored = [...ignoredInUrl, ...outcome.ignored];

  const found =
    results.length > 0 ? (
      <section aria-labelledby="resultats">
        <h2 id="resultats" class="sr-only">
          {t.resultCount(total)}
        </h2>
        <ol class="space-y-4">
          {results.map((result) => (
            <li>{resultCard(result, safeUrl(`${base}/offres/${encodeURIComponent(result.id)}`, inLocale), locale, territory.timeZone, now, filters.creneau !== null)}</li>
          ))}
        </ol>
        {resultPages(page, pageCount, (target) => hrefWith({ page: target }), locale)}
      </section>
    ) : (
      <section aria-labelledby="aucun" class="space-y-3">
        <h2 id="aucun" class="text-xl font-semibold">
          {t.noResult}
        </h2>
        {removeFilterLinks(filters, hrefWith, locale)}
        <p>{t.noResultHelp}</p>
        {needGrid(frequentNeeds(territory.country), (need) => hrefWith({ besoin: need, q: "", page: 1 }), locale)}
      </section>
    );

  const main = (
    <>
      {languageSwitch(locale, action, filterParams({ ...filters, page }))}
      <p class="mt-4">
        <a href={safeUrl(base, inLocale)} class={LINK}>
          {t.backHome}
        </a>
      </p>
      <h1 class="text-2xl font-bold break-words sm:text-3xl">{t.resultsHeading}</h1>
      <p class="mt-1 text-lg" lang="fr">
        {territory.name}
      </p>
      {ignored.length > 0 && (
        <section aria-labelledby="ignores" class="mt-4 rounded border-s-4 border-amber-600 bg-amber-50 p-3">
          <h2 id="ignores" class="font-semibold">
            {t.ignoredHeading}
          </h2>
          <ul class="mt-1 list-disc ps-5">
            {ignored.map(({ filter, reason }) => (
              <li>{filter === "commune" ? t.unknownCommune : t.ignoredReason(t.filterNames(filter), reason)}</li>
            ))}
          </ul>
          {outcome.communeSuggestions.length > 0 && (
            <>
              <p class="mt-2 font-semibold">{t.communeSuggestions}</p>
              <ul class="flex flex-wrap gap-x-4">
                {outcome.communeSuggestions.map((commune) => (
                  <li>
                    <a href={hrefWith({ commune: commune.code, page: 1 })} class={LINK} lang="fr">
                      {`${commune.name} (${commune.postalCode})`}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <div class="mt-4 space-y-1 text-lg">
        <p role="status">
          <strong>{t.resultCount(total)}</strong>
        </p>
        {needs.length > 0 && <p>{`${t.lookingFor} ${needs.map(({ need }) => t.needLabels(need.slug, need.label)).join(" · ")}`}</p>}
        {outcome.textFallback && <p>{t.textFallback}</p>}
        {outcome.truncated && <p>{t.truncated}</p>}
        <p>
          <a href={FILTERS} class={LINK}>
            {t.filtersHeading}
          </a>
        </p>
      </div>
      <div class="mt-4 grid grid-cols-1 gap-6 md:grid-cols-[18rem_1fr]">
        <div class="md:order-2">{found}</div>
        <div class="md:order-1">{filtersForm(safeUrl(action), filters, locale, territory.country, safeUrl(action, inLocale))}</div>
      </div>
    </>
  );

  return { head: { title: t.resultsTitle(territory.name), description: t.resultsDescription(territory.name), noIndex: true }, main };
}
