/**
 * The open-data API's handlers with the one client bound: what the route handlers of app/api/v1
 * and app/t/[territory]/donnees call (app/ never imports `db`). The handlers themselves take the
 * client first, so that tests pass their own.
 */
import { withDb } from "@/lib/db";
import { getDownload, getOffer, getOffers, getStructure, getStructures, getTerritories, getTerritory } from "@/lib/open-data/api/handlers";

export const territoriesEndpoint = withDb(getTerritories);
export const territoryEndpoint = withDb(getTerritory);
export const territoryStructuresEndpoint = withDb(getStructures);
export const territoryOffersEndpoint = withDb(getOffers);
export const structureEndpoint = withDb(getStructure);
export const offerEndpoint = withDb(getOffer);
export const downloadEndpoint = withDb(getDownload);
