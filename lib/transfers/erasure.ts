/**
 * Erasing a person's data from a transfer: on request at any time (either party), or by the
 * scheduled worker N days after closure (lib/transfers/timers.ts). What stays is the anonymous
 * record the indicators count: structures, offer, need, level, statuses, dates, outcome.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** Every field that may hold something about the person. */
export const PERSONAL_FIELDS = {
  personLabel: null,
  personalDetailsEncrypted: null,
  noteForPartner: null,
  declineMessage: null,
  // Typed freely by the sender when cancelling: it may speak of the person.
  cancelReason: null,
  outcomeNote: null,
  askFor: null,
} satisfies Prisma.TransferUpdateManyMutationInput;

/**
 * Erases once: a second call (or the worker after a request) changes nothing and returns false.
 * `actorId` null is the scheduled worker. Run it inside a transaction with the caller's checks.
 */
export async function erasePersonalData(
  tx: Prisma.TransactionClient,
  { transferId, actorId, reason, now = new Date() }: { transferId: string; actorId: string | null; reason: "request" | "retention"; now?: Date },
): Promise<boolean> {
  const { count } = await tx.transfer.updateMany({
    where: { id: transferId, personalDataErasedAt: null },
    data: { ...PERSONAL_FIELDS, personalDataErasedAt: now },
  });
  if (count === 0) return false;
  await tx.transferEvent.create({
    data: { transferId, actorId, type: "personal_data.erased", details: { reason }, createdAt: now },
  });
  // Free-text details of past events (a decline's message, an outcome's note, a cancellation's
  // reason) go too.
  await tx.$executeRaw`
    UPDATE "TransferEvent" SET details = details - 'message' - 'note'
    WHERE "transferId" = ${transferId}::uuid AND details IS NOT NULL`;
  await tx.$executeRaw`
    UPDATE "TransferEvent" SET details = details - 'reason'
    WHERE "transferId" = ${transferId}::uuid AND type = 'cancelled' AND details IS NOT NULL`;
  return true;
}
