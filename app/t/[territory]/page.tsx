import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LanguageSwitch } from "@/components/public/LanguageSwitch";
import { NeedGrid } from "@/components/public/NeedGrid";
import { SearchBox } from "@/components/public/SearchBox";
import { safeUrl } from "@/lib/html/url";
import { localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { openDataMessages } from "@/lib/open-data/messages";
import { residentMessages } from "@/lib/orientation/resident-messages";
import { questionnaireHref } from "@/lib/orientation/resident-steps";
import { searchMessages } from "@/lib/public-search/messages";
import { frequentNeeds } from "@/lib/public-search/needs";
import { loadPublicTerritory, loadTerritoryCommunes } from "@/lib/public-search/page-data";
import { parseSearchFilters, searchParamsOf } from "@/lib/public-search/filters";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string }>; searchParams: Promise<SearchParams> };

/** Read once per request: the metadata and the page both need it. */
const territoryBySlug = cache((slug: string) => loadPublicTerritory(slug));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const territory = await territoryBySlug((await params).territory);
  if (!territory) return { title: "Page introuvable" };
  const t = searchMessages(localeFrom((await searchParams).lang));
  return { title: t.homeTitle(territory.name), description: t.homeDescription(territory.name) };
}

export default async function TerritoryHomePage({ params, searchParams }: Props) {
  const slug = (await params).territory;
  const query = await searchParams;
  const territory = await territoryBySlug(slug);
  if (!territory) notFound();
  const communes = await loadTerritoryCommunes(territory.id);
  const { filters } = parseSearchFilters({ lang: query.lang });
  const locale = filters.lang;
  const t = searchMessages(locale);
  const results = `/t/${territory.slug}/recherche`;
  const resultsHref = (changes: Partial<typeof filters>) => safeUrl(results, searchParamsOf(filters, changes));
  return (
    <>
      <LanguageSwitch locale={locale} pathname={`/t/${territory.slug}`} searchParams={{ lang: query.lang }} />
      <h1 className="mt-4 text-2xl font-bold break-words sm:text-3xl" lang="fr">
        {territory.name}
      </h1>
      <p className="mt-2 text-lg text-slate-700">{t.homeIntro}</p>

      <p className="mt-4">
        <a href={questionnaireHref(territory.slug, { lang: locale })} className="inline-block min-h-11 rounded border-2 border-accent px-4 py-2 text-lg font-semibold text-accent underline hover:bg-blue-50">
          {residentMessages(locale).homeLink}
        </a>
        <span className="mt-1 block text-slate-700">{residentMessages(locale).homeLinkHint}</span>
      </p>

      <section aria-labelledby="besoins" className="mt-6">
        <h2 id="besoins" className="text-2xl font-bold">
          {t.needsHeading}
        </h2>
        <div className="mt-3">
          <NeedGrid needs={frequentNeeds(territory.country)} hrefFor={(need) => resultsHref({ besoin: need })} locale={locale} />
        </div>
      </section>

      <section aria-labelledby="chercher" className="mt-8">
        <h2 id="chercher" className="text-2xl font-bold">
          {t.searchHeading}
        </h2>
        <div className="mt-3">
          <SearchBox action={results} locale={locale} />
        </div>
      </section>

      {communes.length > 0 && (
        <section aria-labelledby="communes" className="mt-8">
          <h2 id="communes" className="text-2xl font-bold">
            {t.communesHeading}
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {communes.map((commune) => (
              <li key={commune.code}>
                <a href={resultsHref({ commune: commune.code })} className="inline-block min-h-11 py-2 text-lg text-accent underline" lang="fr">
                  {commune.name} ({commune.postalCode})
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="mt-8">
        <a href={resultsHref({})} className="inline-block min-h-11 py-2 text-lg font-semibold text-accent underline">
          {t.seeAll}
        </a>
      </p>
      <p className="mt-8 text-sm">
        <a href={`/t/${territory.slug}/donnees`} className="inline-block min-h-11 py-2 text-accent underline">
          {openDataMessages(locale).openData}
        </a>
      </p>
      {/* For professionals, in French: a structure missing from the offer asks to join (lib/newcomers). */}
      <p className="text-sm" lang="fr">
        <a href={`/t/${territory.slug}/rejoindre`} className="inline-block min-h-11 py-2 text-accent underline">
          Votre structure n&apos;est pas dans l&apos;annuaire ? Demandez à y apparaître
        </a>
      </p>
    </>
  );
}
