/**
 * The import page's read: the territory the actor coordinates (else null: 404) and, when the URL
 * names one, the actor's own import job there (`jobGone` when it names one the actor cannot see:
 * abandoned, expired, another person's).
 */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { findManagedTerritory } from "@/lib/memberships/queries";
import { findImportJob } from "./jobs";

export async function loadImportPage(actor: Actor, slug: string, jobId: string | undefined, now = new Date()) {
  const territory = await findManagedTerritory(db, actor, slug);
  if (!territory) return null;
  const job = jobId ? await findImportJob(db, jobId, actor.userId, territory.id, now) : null;
  return { territory: { id: territory.id, name: territory.name, slug: territory.slug }, job, jobGone: !!jobId && !job };
}
