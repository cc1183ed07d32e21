/** `/territoires/<slug>/listes`: the territory (for its coordinators; null answers 404) and both lists, archived items included. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { findManagedTerritory } from "@/lib/memberships/queries";
import { listItems } from "./queries";

export async function loadListsPage(actor: Actor, slug: string) {
  const territory = await findManagedTerritory(db, actor, slug);
  if (!territory) return null;
  const [requestCategories, usageSkills] = await Promise.all([
    listItems(db, territory.id, "request_category", { withArchived: true }),
    listItems(db, territory.id, "usage_skill", { withArchived: true }),
  ]);
  return { territory: { id: territory.id, name: territory.name, slug: territory.slug }, requestCategories, usageSkills };
}
