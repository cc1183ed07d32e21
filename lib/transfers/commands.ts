/**
 * What the transfer page's server actions do, as plain functions (lib/transfers/actions.ts only
 * wraps them): apply a command through `applyTransition` and say a success in French or a refusal
 * as a code (its words: lib/errors/messages.ts), check a suggested partner, erase the person's
 * data on request.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { can, type TransferRef } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import { erasePersonalData } from "./erasure";
import { COMMAND_LABELS } from "./labels";
import { suggestablePartners } from "./transfer-view";
import { applyTransition, type TransitionInput } from "./transitions";

/** The transfer's parties and territory, for the policy: one read. */
export async function transferRefOf(db: Pick<PrismaClient, "transfer">, transferId: string) {
  const transfer = await db.transfer.findUnique({
    where: { id: transferId },
    select: { territoryId: true, fromStructureId: true, toStructureId: true, territory: { select: { timeZone: true } } },
  });
  if (!transfer) return null;
  const ref: TransferRef = { territoryId: transfer.territoryId, fromStructureId: transfer.fromStructureId, toStructureId: transfer.toStructureId };
  return { ref, timeZone: transfer.territory.timeZone };
}

export type CommandResult = Refusal | { ok: true; message: string };

/**
 * Applies one command for the actor. The suggested partner of a decline must be a published
 * structure of the same territory (not the receiving one): a forged id is refused at its field.
 */
export async function runCommand(
  db: PrismaClient,
  actor: SignedInActor,
  transferId: string,
  input: Exclude<TransitionInput, { command: "expire" }>,
  now = new Date(),
): Promise<CommandResult> {
  const found = await transferRefOf(db, transferId);
  if (!found || !can(actor, "transfer.view", found.ref)) return refusal({ code: "not_found" });
  if (input.command === "decline" && input.suggestedStructureId) {
    const partners = await suggestablePartners(db, found.ref);
    if (!partners.some((partner) => partner.id === input.suggestedStructureId)) {
      return refusal({ code: "transfer.partner_not_listed" }, "suggestedStructureId");
    }
  }
  const result = await applyTransition(db, { transferId, actor, input, now });
  if (result.ok) return { ok: true, message: `${COMMAND_LABELS[input.command].done}.` };
  // A draft is the sender's own (getTransferForActor): the partner is not told it exists.
  if (result.reason === "already_handled" && result.status === "draft") return refusal({ code: "not_found" });
  if (result.reason === "already_handled") {
    return refusal({ code: "transfer.already_decided", params: { status: result.status, by: result.by, at: result.at, timeZone: found.timeZone } });
  }
  return refusal({ code: result.reason === "not_found" ? "not_found" : "transfer.not_yours" });
}

/**
 * "Effacer les données de la personne", on request, by either party: once; the anonymous record
 * stays. A coordinator or anyone else is told "not found".
 */
export async function erasePersonalDataOnRequest(
  db: PrismaClient,
  actor: SignedInActor,
  transferId: string,
  now = new Date(),
): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    const found = await transferRefOf(tx, transferId);
    if (!found || !can(actor, "transfer.erasePersonalData", found.ref)) return refusal({ code: "not_found" });
    const erased = await erasePersonalData(tx, { transferId, actorId: actor.userId, reason: "request", now });
    if (!erased) {
      const { personalDataErasedAt } = await tx.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { personalDataErasedAt: true } });
      return refusal({ code: "transfer.personal_data_already_erased", params: { at: personalDataErasedAt, timeZone: found.timeZone } });
    }
    return { ok: true, message: "Les données de la personne ont été effacées. Le transfert reste, sans elles, pour les indicateurs." };
  });
}
