/**
 * The reference code lookup (`findTransferByCode`): only among the actor's own transfers, so a
 * code of another structure's transfer is "aucun transfert avec ce code dans vos structures".
 */
import type { Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { normalizeTransferCode } from "./code";
import { structureIdsOf } from "./query-scope";

export type CodeSearch = { kind: "incomplete" } | { kind: "none"; code: string } | { kind: "found"; id: string };

/**
 * A reference code typed by a party (typically the receiving partner reading the fiche navette):
 * among the actor's own transfers only. Another structure's transfer answers exactly like a code
 * that does not exist.
 */
export async function findTransferByCode(db: PrismaClient, actor: Actor, typed: string): Promise<CodeSearch> {
  const code = normalizeTransferCode(typed);
  if (!code) return { kind: "incomplete" };
  const mine = structureIdsOf(actor);
  if (mine.length === 0) return { kind: "none", code };
  const transfer = await db.transfer.findFirst({
    where: {
      code,
      OR: [{ fromStructureId: { in: mine } }, { toStructureId: { in: mine }, status: { not: "draft" } }],
    },
    select: { id: true },
  });
  return transfer ? { kind: "found", id: transfer.id } : { kind: "none", code };
}
