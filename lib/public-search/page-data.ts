/** What the territory's public home and search read (app/t/[territory]), with the one client bound: app/ never imports `db`. */
import { db, withDb } from "@/lib/db";
import { findPublicTerritory, searchOffers, territoryCommunes, type Territory } from "@/lib/public-search/queries";
import { ByVersion } from "./by-version";
import type { Commune } from "./filters";

export const loadPublicTerritory = withDb(findPublicTerritory);
export const searchPublishedOffers = withDb(searchOffers);

const communes = new ByVersion<Commune[]>(200);

/** The territory's communes (its home, its communes' index), kept until its published data changes. */
export const loadTerritoryCommunes = (territory: Pick<Territory, "id" | "searchVersion">) =>
  communes.get(territory.id, territory.searchVersion, () => territoryCommunes(db, territory.id));
