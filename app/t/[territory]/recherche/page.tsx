import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LanguageSwitch } from "@/components/public/LanguageSwitch";
import { NeedGrid } from "@/components/public/NeedGrid";
import { ResultCard } from "@/components/public/ResultCard";
import { RemoveFilterLinks } from "@/components/public/RemoveFilterLinks";
import { ResultPages } from "@/components/public/ResultPages";
import { SearchFiltersForm } from "@/components/public/SearchFiltersForm";
import { db } from "@/lib/db";
import { localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { filterParams, parseSearchFilters, searchQuery, type SearchFilters } from "@/lib/public-search/filters";
import { searchMessages } from "@/lib/public-search/messages";
import { frequentNeeds } from "@/lib/public-search/needs";
import { findPublicTerritory, searchOffers } from "@/lib/public-search/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string }>; searchParams: Promise<SearchParams> };

/** Read once per request: the metadata and the page both need it. */
const territoryBySlug = cache((slug: string) => findPublicTerritory(db, slug));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const territory = await territoryBySlug((await params).territory);
  if (!territory) return { title: "Page introuvable" };
  const t = searchMessages(localeFrom((await searchParams).lang));
  return { title: t.resultsTitle(territory.name), description: t.resultsDescription(territory.name), robots: { index: false } };
}

export default async function SearchResultsPage({ params, searchParams }: Props) {
  const found = await territoryBySlug((await params).territory);
  if (!found) notFound();
  const { filters, ignored: ignoredInUrl } = parseSearchFilters(await searchParams);
  const now = new Date();
  const outcome = (await searchOffers(db, found, filters, now))!;
  const { territory, results, total, page, pageCount, needs } = outcome;
  const locale = filters.lang;
  const t = searchMessages(locale);
  const base = `/t/${territory.slug}`;
  const action = `${base}/recherche`;
  const hrefWith = (changes: Partial<SearchFilters>) => {
    const text = searchQuery(filters, changes);
    return text ? `${action}?${text}` : action;
  };
  const langSuffix = locale === "fr" ? "" : `?lang=${locale}`;
  const ignored = [...ignoredInUrl, ...outcome.ignored];
  return (
    <>
      <LanguageSwitch locale={locale} pathname={action} searchParams={filterParams({ ...filters, page })} />
      <p className="mt-4">
        <a href={`${base}${langSuffix}`} className="inline-block min-h-11 py-2 text-accent underline">
          {t.backHome}
        </a>
      </p>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{t.resultsHeading}</h1>
      <p className="mt-1 text-lg" lang="fr">
        {territory.name}
      </p>

      {ignored.length > 0 && (
        <section aria-labelledby="ignores" className="mt-4 rounded border-s-4 border-amber-600 bg-amber-50 p-3">
          <h2 id="ignores" className="font-semibold">
            {t.ignoredHeading}
          </h2>
          <ul className="mt-1 list-disc ps-5">
            {ignored.map(({ filter, reason }) => (
              <li key={`${filter}-${reason}`}>{filter === "commune" ? t.unknownCommune : t.ignoredReason(t.filterNames(filter), reason)}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-4 space-y-1 text-lg">
        <p role="status">
          <strong>{t.resultCount(total)}</strong>
        </p>
        {needs.length > 0 && (
          <p>
            {t.lookingFor} {needs.map(({ need }) => t.needLabels(need.slug, need.label)).join(" · ")}
          </p>
        )}
        {outcome.textFallback && <p>{t.textFallback}</p>}
        {outcome.truncated && <p>{t.truncated}</p>}
        <p>
          <a href="#filtres" className="inline-block min-h-11 py-2 text-accent underline">
            {t.filtersHeading}
          </a>
        </p>
      </div>

      <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-[18rem_1fr]">
        <div className="md:order-2">
          {results.length > 0 ? (
            <section aria-labelledby="resultats">
              <h2 id="resultats" className="sr-only">
                {t.resultCount(total)}
              </h2>
              <ol className="space-y-4">
                {results.map((result) => (
                  <li key={result.id}>
                    <ResultCard result={result} href={`${base}/offres/${result.id}${langSuffix}`} locale={locale} timeZone={territory.timeZone} now={now} />
                  </li>
                ))}
              </ol>
              <ResultPages page={page} pageCount={pageCount} hrefFor={(target) => hrefWith({ page: target })} locale={locale} />
            </section>
          ) : (
            <section aria-labelledby="aucun" className="space-y-3">
              <h2 id="aucun" className="text-xl font-semibold">
                {t.noResult}
              </h2>
              <RemoveFilterLinks filters={filters} hrefWith={hrefWith} locale={locale} />
              <p>{t.noResultHelp}</p>
              <NeedGrid needs={frequentNeeds(territory.country)} hrefFor={(besoin) => hrefWith({ besoin, q: "", page: 1 })} locale={locale} />
            </section>
          )}
        </div>
        <div className="md:order-1">
          <SearchFiltersForm action={action} filters={filters} locale={locale} country={territory.country} clearHref={`${action}${langSuffix}`} />
        </div>
      </div>
    </>
  );
}
