"use server";

/**
 * The transfer page's forms (app/transferts/[id]): each goes through `authorizedAction` (session,
 * the form's schema, `transfer.view`), then `runCommand` → `applyTransition`, which checks the
 * actor's party and the current status again, in the transaction. On success: back to the
 * transfer's page, which says what was done.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import type { SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { erasePersonalDataOnRequest, runCommand, transferRefOf, type CommandResult } from "./commands";
import { acceptSchema, acknowledgeSchema, sendSchema, cancelSchema, completeSchema, declineSchema, eraseSchema } from "./transition-schemas";

const mayView = async (actor: SignedInActor, { transferId }: { transferId: string }) => {
  const found = await transferRefOf(db, transferId);
  return !!found && can(actor, "transfer.view", found.ref);
};

function done(transferId: string, result: CommandResult, what: string): HandlerResult {
  if (!result.ok) return result;
  revalidatePath("/transferts", "layout");
  revalidatePath("/territoires", "layout");
  redirect(`/transferts/${transferId}?fait=${what}`);
}

export const sendTransferAction = authorizedAction(sendSchema, mayView, async (actor, { transferId }) =>
  done(transferId, await runCommand(db, actor, transferId, { command: "send" }), "send"),
);

export const acknowledgeTransferAction = authorizedAction(acknowledgeSchema, mayView, async (actor, { transferId }) =>
  done(transferId, await runCommand(db, actor, transferId, { command: "acknowledge" }), "acknowledge"),
);

export const acceptTransferAction = authorizedAction(acceptSchema, mayView, async (actor, { transferId }) =>
  done(transferId, await runCommand(db, actor, transferId, { command: "accept" }), "accept"),
);

export const declineTransferAction = authorizedAction(declineSchema, mayView, async (actor, input) =>
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

export const cancelTransferAction = authorizedAction(cancelSchema, mayView, async (actor, input) =>
  done(input.transferId, await runCommand(db, actor, input.transferId, { command: "cancel", reason: input.reason }), "cancel"),
);

export const completeTransferAction = authorizedAction(completeSchema, mayView, async (actor, input) =>
  done(
    input.transferId,
    await runCommand(db, actor, input.transferId, { command: "complete", outcome: input.outcome, note: input.note }),
    "complete",
  ),
);

export const eraseTransferPersonalDataAction = authorizedAction(eraseSchema, mayView, async (actor, { transferId }) =>
  done(transferId, await erasePersonalDataOnRequest(db, actor, transferId), "erase"),
);
