"use server";

/**
 * The transfer page's forms (app/transferts/[id]): each goes through `authorizedAction` (session,
 * the form's schema), then `runCommand` → `applyTransition` or `erasePersonalDataOnRequest`,
 * which authorize the command once, in the transaction, through `authorizeTransfer` (the policy
 * on the transfer's reference) — a refusal there is the same "not found". On success: back to the
 * transfer's page, which says what was done.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { erasePersonalDataOnRequest, runCommand, type CommandResult } from "./commands";
import { acceptSchema, acknowledgeSchema, sendSchema, cancelSchema, completeSchema, declineSchema, eraseSchema } from "./transition-schemas";

/** The command itself asks the policy (lib/transfers/authorize.ts), once: the wrapper does not ask twice. */
const authorizedByTheCommand = () => true;

function done(transferId: string, result: CommandResult, what: string): HandlerResult {
  if (!result.ok) return result;
  revalidatePath("/transferts", "layout");
  revalidatePath("/territoires", "layout");
  redirect(`/transferts/${transferId}?fait=${what}`);
}

export const sendTransferAction = authorizedAction(sendSchema, authorizedByTheCommand, async (actor, { transferId }) =>
  done(transferId, await runCommand(db, actor, transferId, { command: "send" }), "send"),
);

export const acknowledgeTransferAction = authorizedAction(acknowledgeSchema, authorizedByTheCommand, async (actor, { transferId }) =>
  done(transferId, await runCommand(db, actor, transferId, { command: "acknowledge" }), "acknowledge"),
);

export const acceptTransferAction = authorizedAction(acceptSchema, authorizedByTheCommand, async (actor, { transferId }) =>
  done(transferId, await runCommand(db, actor, transferId, { command: "accept" }), "accept"),
);

export const declineTransferAction = authorizedAction(declineSchema, authorizedByTheCommand, async (actor, input) =>
  done(
    input.transferId,
    await runCommand(db, actor, input.transferId, {
      command: "decline",
      reason: input.reason,
      message: input.message,
      suggestedStructureId: input.suggestedStructureId,
    }),
    "decline",
  ),
);

export const cancelTransferAction = authorizedAction(cancelSchema, authorizedByTheCommand, async (actor, input) =>
  done(input.transferId, await runCommand(db, actor, input.transferId, { command: "cancel", reason: input.reason }), "cancel"),
);

export const completeTransferAction = authorizedAction(completeSchema, authorizedByTheCommand, async (actor, input) =>
  done(
    input.transferId,
    await runCommand(db, actor, input.transferId, { command: "complete", outcome: input.outcome, note: input.note }),
    "complete",
  ),
);

export const eraseTransferPersonalDataAction = authorizedAction(eraseSchema, authorizedByTheCommand, async (actor, { transferId }) =>
  done(transferId, await erasePersonalDataOnRequest(db, actor, transferId), "erase"),
);
