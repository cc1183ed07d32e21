/**
 * The forms of a transfer's page, one zod schema each, shared by the browser and the server
 * actions (lib/transfers/actions.ts): "Bien reçu", accept, decline, cancel, complete, and
 * erasing the person's data. What a schema cannot know — that a suggested structure is a
 * published structure of the same territory — is checked on the server (lib/transfers/commands.ts).
 */
import { z } from "zod";
import { checkbox, optional, text } from "@/lib/forms/fields";
import { DeclineReason, TransferOutcome } from "@/lib/generated/prisma/enums";

export const DECLINE_MESSAGE_MAX = 500;
export const CANCEL_REASON_MAX = 500;
export const OUTCOME_NOTE_MAX = 1000;

const transferId = z.uuid("Ce transfert n'existe pas.");

/** "Envoyer" (a draft), "Bien reçu" and "Accepter": one click, nothing but the transfer. */
export const sendSchema = z.object({ transferId });
export const acknowledgeSchema = z.object({ transferId });
export const acceptSchema = z.object({ transferId });

export const declineSchema = z
  .object({
    transferId,
    reason: z.enum(DeclineReason, { error: "Choisissez le motif du refus." }),
    message: optional(text("Message", DECLINE_MESSAGE_MAX)),
    suggestedStructureId: optional(z.uuid("Choisissez un partenaire dans la liste.")),
  })
  .superRefine((input, context) => {
    if (input.reason === "other" && !input.message) {
      context.addIssue({ code: "custom", path: ["message"], message: "Précisez la raison du refus dans le message." });
    }
  });

export const cancelSchema = z.object({
  transferId,
  reason: text("Raison de l'annulation", CANCEL_REASON_MAX).min(1, "Indiquez pourquoi vous annulez ce transfert."),
});

export const completeSchema = z.object({
  transferId,
  outcome: z.enum(TransferOutcome, { error: "Choisissez le résultat." }),
  note: optional(text("Note", OUTCOME_NOTE_MAX)),
});

/** "Effacer les données de la personne": a confirmation box, so one stray click erases nothing. */
export const eraseSchema = z.object({
  transferId,
  confirm: checkbox.refine((value) => value, "Cochez la case pour confirmer l'effacement."),
});
