/**
 * An uploaded file kept between its preview and its confirmation (ImportDraft): its bytes, owned
 * by the person who uploaded it, for one territory, for two hours. The confirmation parses the
 * same bytes again, so it imports exactly the previewed file; it is stored in PostgreSQL, so any
 * app instance can confirm it.
 */
import type { PrismaClient } from "@/lib/db";
import { parseImportFile, type ImportFormat } from "./file";
import type { ImportPlan } from "./matching";
import type { ImportResult } from "./model";
import { planImport } from "./plan";

const LIFETIME_MS = 2 * 60 * 60 * 1000;

export async function saveImportDraft(
  db: PrismaClient,
  draft: { territoryId: string; actorId: string; fileName: string; format: ImportFormat; content: Uint8Array; planHash: string },
  now = new Date(),
) {
  // The person's expired drafts go when they upload again: no scheduled job needed.
  await db.importDraft.deleteMany({ where: { actorId: draft.actorId, expiresAt: { lt: now } } });
  const created = await db.importDraft.create({
    data: { ...draft, content: Buffer.from(draft.content), expiresAt: new Date(now.getTime() + LIFETIME_MS) },
    select: { id: true },
  });
  return created.id;
}

/** The actor's own, unexpired draft for this territory, or null (another person's answers null too). */
export function findImportDraft(db: PrismaClient, draftId: string, actorId: string, territoryId: string, now = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(draftId)) return Promise.resolve(null);
  return db.importDraft.findFirst({
    where: { id: draftId, actorId, territoryId, expiresAt: { gt: now } },
    select: { id: true, fileName: true, format: true, content: true, planHash: true, createdAt: true },
  });
}

/** The file parsed and planned against the territory as it is now. */
export async function previewImport(db: PrismaClient, territoryId: string, fileName: string, content: Uint8Array, format: ImportFormat): Promise<{ parsed: ImportResult; plan: ImportPlan }> {
  const parsed = await parseImportFile(fileName, content, format);
  const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
  return { parsed, plan };
}
