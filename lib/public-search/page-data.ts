/** What the territory's public home and search read (app/t/[territory]), with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { findPublicTerritory, searchOffers, territoryCommunes } from "@/lib/public-search/queries";

export const loadPublicTerritory = withDb(findPublicTerritory);
export const loadTerritoryCommunes = withDb(territoryCommunes);
export const searchPublishedOffers = withDb(searchOffers);
