/** What the territory's public home and search read (app/t/[territory]), with the one client bound: app/ never imports `db`. */
import { db, withDb } from "@/lib/db";
import type { HtmlPage } from "@/lib/html/respond";
import { findPublicTerritory, searchOffers, territoryCommunes, type Territory } from "@/lib/public-search/queries";
import { ByVersion } from "./by-version";
import type { Commune, IgnoredFilter, SearchFilters } from "./filters";
import { resultsPage } from "./html/results-page";

export const loadPublicTerritory = withDb(findPublicTerritory);
const searchPublishedOffers = withDb(searchOffers);

const communes = new ByVersion<Commune[]>(200);

/** The territory's communes (its home, its communes' index), kept until its published data changes. */
export const loadTerritoryCommunes = (territory: Pick<Territory, "id" | "searchVersion">) =>
  communes.get(territory.id, territory.searchVersion, () => territoryCommunes(db, territory.id));

const resultPages = new ByVersion<HtmlPage>(300);

/**
 * A results page, searched and written once a minute per territory and query: what it says changes
 * only with the published data (the territory's `searchVersion`) and the clock (opening status, to
 * the minute). Residents arrive mostly by the same few doors (a need from the home, in a language),
 * so those pages are written once for all. Not with the free-slot filter: agendas change with each
 * booking, outside the version.
 */
export function loadResultsPage(territory: Territory, filters: SearchFilters, ignored: IgnoredFilter[], now: Date): Promise<HtmlPage> {
  const write = async () => resultsPage((await searchPublishedOffers(territory, filters, now))!, filters, ignored, now);
  if (filters.creneau !== null) return write();
  const minute = Math.floor(now.getTime() / 60_000);
  return resultPages.get(`${territory.id} ${JSON.stringify(filters)} ${JSON.stringify(ignored)}`, `${territory.searchVersion}/${minute}`, write);
}
