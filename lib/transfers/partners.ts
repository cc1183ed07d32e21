import type { PrismaClient } from "@/lib/db";

/**
 * Partners a receiver may suggest when declining: the territory's published structures other
 * than the receiving one. The same list checks a posted id on the server (lib/transfers/transitions.ts).
 */
export function suggestablePartners(db: Pick<PrismaClient, "structure">, transfer: { territoryId: string; toStructureId: string }) {
  return db.structure.findMany({
    where: { territoryId: transfer.territoryId, status: "published", id: { not: transfer.toStructureId } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
