/**
 * The one place a transfer command is authorized: load the transfer's reference (its territory,
 * its two structures, its status) and ask the policy. Every command path goes through it once:
 * `applyTransitionIn` (send, acknowledge, accept, decline, cancel, complete — also when a transfer
 * is sent at its creation) and `erasePersonalDataOnRequest`.
 */
import { can, type Actor, type ActionResources, type TransferRef } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TransferAction = { [A in keyof ActionResources]: ActionResources[A] extends TransferRef ? A : never }[keyof ActionResources];

/** The policy's reference of a transfer row. */
export const transferRefOf = (row: TransferRef): TransferRef => ({
  territoryId: row.territoryId,
  fromStructureId: row.fromStructureId,
  toStructureId: row.toStructureId,
  status: row.status,
});

export interface AuthorizedTransfer {
  ref: TransferRef;
  /** The territory's time zone, for the dates a refusal states. */
  timeZone: string;
}

/** The transfer's reference when the actor may do `action` on it; null (→ "not found") otherwise. */
export async function authorizeTransfer(
  db: Pick<Prisma.TransactionClient, "transfer">,
  actor: Actor,
  transferId: string,
  action: TransferAction,
): Promise<AuthorizedTransfer | null> {
  const row = await db.transfer.findUnique({
    where: { id: transferId },
    select: { territoryId: true, fromStructureId: true, toStructureId: true, status: true, territory: { select: { timeZone: true } } },
  });
  if (!row) return null;
  const ref = transferRefOf(row);
  return can(actor, action, ref) ? { ref, timeZone: row.territory.timeZone } : null;
}
