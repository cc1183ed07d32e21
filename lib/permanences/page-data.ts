/** What the permanences' pages read (app/structures/[id]/permanences, app/feuilles/…), with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { findStructureForPermanences, structurePermanences } from "./queries";
import { loadSheet, orientOptions } from "./sheets";

/** `/structures/<id>/permanences`; null answers 404. */
export async function loadPermanencesPage(actor: Actor, structureId: string, now = new Date()) {
  if (!isUuid(structureId)) return null;
  const structure = await findStructureForPermanences(db, actor, structureId);
  if (!structure) return null;
  return { structure, ...(await structurePermanences(db, structure, now)) };
}

/** `/feuilles/<id>` and `/feuilles/<id>/imprimer`; null answers 404. */
export async function loadSheetPage(actor: Actor, sheetId: string, now = new Date()) {
  return isUuid(sheetId) ? loadSheet(db, actor, sheetId, now) : null;
}

/** `/feuilles/<id>/orienter/<lineId>`: the line and where to orient the person; null answers 404. */
export async function loadOrientPage(actor: Actor, sheetId: string, lineId: string, now = new Date()) {
  if (!isUuid(sheetId) || !isUuid(lineId)) return null;
  const sheet = await loadSheet(db, actor, sheetId, now);
  const line = sheet?.lines.find((candidate) => candidate.id === lineId);
  if (!sheet || !line) return null;
  const territoryId = (await db.permanenceSheet.findUniqueOrThrow({ where: { id: sheet.id }, select: { territoryId: true } })).territoryId;
  return { sheet, line, offers: await orientOptions(db, territoryId) };
}

