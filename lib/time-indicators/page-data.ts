/** What `/territoires/<slug>/activite` reads, with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { territoryActivity } from "./queries";

export const loadTerritoryActivity = withDb(territoryActivity);
