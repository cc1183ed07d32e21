/**
 * The reference code lookup (`findTransferByCode`): only among the actor's own transfers, so a
 * code of another structure's transfer is "aucun transfert avec ce code dans vos structures".
 */
import { scopeFor, type Actor } from "@/lib/auth/policy";
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
  if (structureIdsOf(actor).length === 0) return { kind: "none", code };
  // The parties' transfers: what they may act on as the sender or as the receiver (coordinators follow theirs from the territory's list).
  const transfer = await db.transfer.findFirst({
    where: { AND: [{ code }, { OR: [scopeFor(actor, "transfer.actAsSender"), scopeFor(actor, "transfer.actAsReceiver")] }] },
    select: { id: true },
  });
  return transfer ? { kind: "found", id: transfer.id } : { kind: "none", code };
}
