/**
 * What the structure workspace pages read (app/structures/[id]/…), with the one client bound:
 * app/ never imports `db` (eslint.config.mjs). Each loader answers null when the structure is not
 * the actor's to see or edit, and the page answers 404.
 */
import type { Actor } from "@/lib/auth/policy";
import { db, withDb } from "@/lib/db";
import { getStructureHistory } from "@/lib/freshness/verify";
import { isUuid } from "@/lib/ids";
import { findManagedTerritory, findStructureForMembers, getMembersPage } from "@/lib/memberships/queries";
import { findStructureForEdit, getStructureFormOptions, getStructureOverview } from "@/lib/structures/queries";
import { loadStructureIdentity } from "@/lib/structures/update";

/** The structure, when its id is well formed and the actor may edit it. */
export const loadEditableStructure = (actor: Actor, structureId: string) =>
  isUuid(structureId) ? findStructureForEdit(db, actor, structureId) : Promise.resolve(null);

/** The structure's overview (app/structures/[id]), for those who may see its members. */
export async function loadStructurePage(actor: Actor, structureId: string) {
  const found = isUuid(structureId) ? await findStructureForMembers(db, actor, structureId) : null;
  if (!found) return null;
  return { found, structure: await getStructureOverview(db, found.id) };
}

/** The structure's history of checks and changes. */
export async function loadStructureHistoryPage(actor: Actor, structureId: string) {
  const structure = isUuid(structureId) ? await findStructureForMembers(db, actor, structureId) : null;
  if (!structure) return null;
  return { structure, history: await getStructureHistory(db, structure.id) };
}

/** The structure's members, invitations and join requests. */
export async function loadMembersPage(actor: Actor, structureId: string) {
  const structure = isUuid(structureId) ? await findStructureForMembers(db, actor, structureId) : null;
  if (!structure) return null;
  return { structure, ...(await getMembersPage(db, structure.id)) };
}

/** The identity form of a structure the actor may edit: its values, version and the form's choices. */
export async function loadStructureIdentityPage(actor: Actor, structureId: string) {
  const structure = await loadEditableStructure(actor, structureId);
  if (!structure) return null;
  const [{ values, version }, options] = await Promise.all([loadStructureIdentity(db, structure.id), getStructureFormOptions(db)]);
  return { structure, values, version, options };
}

/** A new structure's form in a territory the actor manages. */
export async function loadNewStructurePage(actor: Actor, territorySlug: string) {
  const territory = await findManagedTerritory(db, actor, territorySlug);
  if (!territory) return null;
  return { territory, options: await getStructureFormOptions(db) };
}

/** The territory the actor manages (app/territoires/[slug]), or null. */
export const loadManagedTerritory = withDb(findManagedTerritory);
