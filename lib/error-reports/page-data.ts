/** The queue pages' reads, with the one client bound: a territory's (its coordinators) and a structure's (its admins and coordinators). */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { findManagedTerritory } from "@/lib/memberships/queries";
import { findStructureForEdit } from "@/lib/structures/queries";
import { listErrorReports, openReportCount } from "./queue";
import type { QueueFilter } from "./schemas";

export async function loadTerritoryReports(actor: Actor, slug: string, filter: QueueFilter) {
  const territory = await findManagedTerritory(db, actor, slug);
  if (!territory) return null;
  return { territory: { id: territory.id, name: territory.name, slug: territory.slug }, reports: await listErrorReports(db, { territoryId: territory.id }, filter) };
}

export async function loadStructureReports(actor: Actor, structureId: string, filter: QueueFilter) {
  const structure = isUuid(structureId) ? await findStructureForEdit(db, actor, structureId) : null;
  if (!structure) return null;
  return { structure: { id: structure.id, name: structure.name }, reports: await listErrorReports(db, { structureId: structure.id }, filter) };
}

export const loadOpenReportCount = (structureId: string) => openReportCount(db, structureId);
