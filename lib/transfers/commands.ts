/**
 * What the transfer page's server actions do, as plain functions (lib/transfers/actions.ts only
 * wraps them): apply a command through `applyTransition` and say a success in French or a refusal
 * as a code (its words: lib/errors/messages.ts), check a suggested partner, erase the person's
 * data on request.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import { authorizeTransfer } from "./authorize";
import { erasePersonalData } from "./erasure";
import { COMMAND_LABELS } from "./labels";
import { applyTransition, type TransitionInput } from "./transitions";

export type CommandResult = Refusal | { ok: true; message: string };

/**
 * Applies one command for the actor: `applyTransitionIn` authorizes it (the one check, in the
 * transaction). The suggested partner of a decline must be a published structure of the same
 * territory (not the receiving one): a forged id is refused at its field.
 */
export async function runCommand(
  db: PrismaClient,
  actor: SignedInActor,
  transferId: string,
  input: Exclude<TransitionInput, { command: "expire" }>,
  now = new Date(),
): Promise<CommandResult> {
  const result = await applyTransition(db, { transferId, actor, input, now });
  if (result.ok) return { ok: true, message: `${COMMAND_LABELS[input.command].done}.` };
  if (result.reason === "partner_not_listed") return refusal({ code: "transfer.partner_not_listed" }, "suggestedStructureId");
  if (result.reason === "already_handled") {
    const { territory } = await db.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { territory: { select: { timeZone: true } } } });
    return refusal({ code: "transfer.already_decided", params: { status: result.status, by: result.by, at: result.at, timeZone: territory.timeZone } });
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
    const found = await authorizeTransfer(tx, actor, transferId, "transfer.erasePersonalData");
    if (!found) return refusal({ code: "not_found" });
    const erased = await erasePersonalData(tx, { transferId, actorId: actor.userId, reason: "request", now });
    if (!erased) {
      const { personalDataErasedAt } = await tx.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { personalDataErasedAt: true } });
      return refusal({ code: "transfer.personal_data_already_erased", params: { at: personalDataErasedAt, timeZone: found.timeZone } });
    }
    return { ok: true, message: "Les données de la personne ont été effacées. Le transfert reste, sans elles, pour les indicateurs." };
  });
}
