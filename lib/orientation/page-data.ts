/** What the orientation pages read, with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { withDb, type PrismaClient } from "@/lib/db";
import { mayOrientIn } from "@/lib/transfers/create-form";
import { findPublicTerritory } from "@/lib/public-search/queries";
import { orient } from "./engine";
import type { IgnoredAnswer, Situation } from "./situation";

export const loadOrientation = withDb(orient);

/**
 * The mediators' assistant (`/territoires/<slug>/orientation`): for the members of the territory's
 * structures and its coordinators; null (404) for anyone else. `mayTransfer`: the actor may create
 * a transfer from one of its structures there, so each result offers one.
 */
export async function assistantPage(db: PrismaClient, actor: Actor, slug: string, parsed: { situation: Situation; ignored: IgnoredAnswer[] }, now: Date) {
  const territory = await findPublicTerritory(db, slug);
  if (!territory) return null;
  const member = actor.memberships.some((membership) => membership.territoryId === territory.id);
  if (!member && !actor.coordinatedTerritoryIds.includes(territory.id) && !actor.isPlatformAdmin) return null;
  const result = await orient(db, slug, parsed, now);
  if (!result) return null;
  return { result, mayTransfer: mayOrientIn(actor, territory.id) };
}

export const loadAssistantPage = withDb(assistantPage);

/** The territories whose assistant the actor may use (member of one of their structures, or coordinator), by name. */
export async function assistantTerritories(db: PrismaClient, actor: Actor) {
  const ids = [...new Set([...actor.memberships.map(({ territoryId }) => territoryId), ...actor.coordinatedTerritoryIds])];
  if (ids.length === 0) return [];
  return db.territory.findMany({ where: { id: { in: ids } }, select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export const loadAssistantTerritories = withDb(assistantTerritories);
