/** The newcomers' pages: the public request form's territory, and the coordinators' queue with each request's likely duplicates. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { findManagedTerritory } from "@/lib/memberships/queries";
import { findDuplicates } from "./duplicates";
import { pendingApplications } from "./requests";

export function loadApplicationTerritory(slug: string) {
  return db.territory.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, country: true } });
}

export async function loadNewcomersPage(actor: Actor, slug: string) {
  const territory = await findManagedTerritory(db, actor, slug);
  if (!territory) return null;
  const { applications, structures } = await pendingApplications(db, territory.id);
  return {
    territory: { id: territory.id, name: territory.name, slug: territory.slug },
    applications: applications.map((application) => ({ application, duplicates: findDuplicates(application, structures) })),
    structures: [...structures].sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

export const loadPendingApplicationCount = (territoryId: string) => db.structureApplication.count({ where: { territoryId, status: "pending" } });
