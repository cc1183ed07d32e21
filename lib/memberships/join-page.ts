/**
 * What "Rejoindre une structure" (/structures) shows, read for one actor from the URL's search:
 * the territory choices, which territories are searched, and one page of structures.
 *
 * By default a person searches the territories they already take part in (a structure's member or
 * a coordinator); someone who takes part in none — a new account — searches every territory, but
 * only once they have typed something: listing every structure of every territory helps nobody.
 */
import type { Actor } from "@/lib/auth/policy";
import { db as defaultDb, type PrismaClient } from "@/lib/db";
import { ALL_TERRITORIES, parseJoinSearch, type JoinSearchParams } from "./join-search";
import { searchJoinableStructures } from "./queries";

export type JoinPageScope =
  | { kind: "mine"; territoryNames: string[] }
  | { kind: "territory"; territoryName: string }
  | { kind: "all" };

export async function loadJoinPage(
  actor: Actor,
  params: Record<string, string | string[] | undefined>,
  db: PrismaClient = defaultDb,
) {
  const search = parseJoinSearch(params);
  const territories = await db.territory.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
  const ownIds = new Set([...actor.coordinatedTerritoryIds, ...actor.memberships.map(({ territoryId }) => territoryId)]);
  const own = territories.filter(({ id }) => ownIds.has(id));

  const chosen = territories.find(({ slug }) => slug === search.territoire);
  const scope: JoinPageScope = chosen
    ? { kind: "territory", territoryName: chosen.name }
    : own.length > 0 && search.territoire !== ALL_TERRITORIES
      ? { kind: "mine", territoryNames: own.map(({ name }) => name) }
      : { kind: "all" };
  // What the form shows as chosen: an unknown slug falls back to the default.
  const shownTerritory: JoinSearchParams["territoire"] = chosen ? chosen.slug : scope.kind === "all" && own.length > 0 ? ALL_TERRITORIES : "";
  const territoryIds = chosen ? [chosen.id] : scope.kind === "mine" ? own.map(({ id }) => id) : null;

  const needsText = scope.kind === "all" && search.q === "";
  const results = needsText
    ? null
    : await searchJoinableStructures(db, actor, { territoryIds, query: search.q, page: search.page });

  return {
    search: { ...search, territoire: shownTerritory, page: results?.page ?? 1 },
    scope,
    hasOwnTerritories: own.length > 0,
    territoryOptions: territories.map(({ slug, name }) => ({ id: slug, label: name })),
    results,
  };
}
