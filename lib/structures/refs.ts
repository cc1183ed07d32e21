/**
 * The structure and its territory, as the policy needs them; null (→ "not found") when it does
 * not exist. Actions on a structure's places, offers and hours pass the structure's id and then
 * scope their writes to it (`where: { id, structureId }`), so one read serves every such action.
 */
import type { PrismaClient } from "@/lib/db";
import type { StructureRef } from "@/lib/auth/policy";

export async function structureRef(db: Pick<PrismaClient, "structure">, structureId: string): Promise<StructureRef | null> {
  const structure = await db.structure.findUnique({ where: { id: structureId }, select: { id: true, territoryId: true } });
  return structure && { structureId: structure.id, territoryId: structure.territoryId };
}
