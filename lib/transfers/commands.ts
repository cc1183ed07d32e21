/**
 * What the transfer page's server actions do, as plain functions (lib/transfers/actions.ts only
 * wraps them): apply a command through `applyTransition` and say the result in French, check a
 * suggested partner, erase the person's data on request.
 */
import type { ActionResult } from "@/lib/actions/authorized-action";
import { NOT_FOUND } from "@/lib/actions/authorized-action";
import type { SignedInActor } from "@/lib/auth/actor";
import { can, type TransferRef } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import { erasePersonalData } from "./erasure";
import { COMMAND_LABELS, STATUS_LABELS } from "./labels";
import { suggestablePartners } from "./queries";
import { applyTransition, type TransitionInput } from "./transitions";

/** The refusal of a command this person may not make on this transfer: nothing more is said. */
export const NOT_YOURS = "Action impossible : ce transfert n'existe pas, ou cette action ne vous revient pas.";

const dateTime = (timeZone: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone });

/** "Déjà traité par Karim Benali (Espace France Services) le 22 novembre 2026 à 19:04 : …". */
export function alreadyHandledMessage(
  result: { status: TransferStatus; by: string | null; at: Date | null },
  timeZone = "Europe/Paris",
): string {
  const who = result.by ? ` par ${result.by}` : "";
  const when = result.at ? ` le ${dateTime(timeZone).format(result.at)}` : "";
  return `Déjà traité${who}${when} : ce transfert est maintenant « ${STATUS_LABELS[result.status]} ».`;
}

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

export type CommandResult = Extract<ActionResult, { ok: false }> | { ok: true; message: string };

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
  if (!found || !can(actor, "transfer.view", found.ref)) return { ok: false, error: NOT_FOUND };
  if (input.command === "decline" && input.suggestedStructureId) {
    const partners = await suggestablePartners(db, found.ref);
    if (!partners.some((partner) => partner.id === input.suggestedStructureId)) {
      return {
        ok: false,
        error: "Corrigez les champs signalés.",
        fieldErrors: { suggestedStructureId: ["Choisissez un partenaire publié du territoire dans la liste."] },
      };
    }
  }
  const result = await applyTransition(db, { transferId, actor, input, now });
  if (result.ok) return { ok: true, message: `${COMMAND_LABELS[input.command].done}.` };
  // A draft is the sender's own (getTransferForActor): the partner is not told it exists.
  if (result.reason === "already_handled" && result.status === "draft") return { ok: false, error: NOT_FOUND };
  if (result.reason === "already_handled") return { ok: false, error: alreadyHandledMessage(result, found.timeZone) };
  return { ok: false, error: result.reason === "not_found" ? NOT_FOUND : NOT_YOURS };
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
    if (!found || !can(actor, "transfer.erasePersonalData", found.ref)) return { ok: false, error: NOT_FOUND };
    const erased = await erasePersonalData(tx, { transferId, actorId: actor.userId, reason: "request", now });
    if (!erased) {
      const { personalDataErasedAt } = await tx.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { personalDataErasedAt: true } });
      return {
        ok: false,
        error: `Les données de la personne ont déjà été effacées${personalDataErasedAt ? ` le ${dateTime(found.timeZone).format(personalDataErasedAt)}` : ""}.`,
      };
    }
    return { ok: true, message: "Les données de la personne ont été effacées. Le transfert reste, sans elles, pour les indicateurs." };
  });
}
