"use server";

/**
 * The call sheet's server actions. Who: a member of the structure holding the line (policy
 * `structure.receive`, checked by lib/phone-line/calls.ts on the call itself, so a forged id
 * answers "not found"). The clock is the server's.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { endCall, recordOutcome, saveSheet, startCall } from "./calls";
import { endCallSchema, outcomeSchema, sheetSchema, startCallSchema } from "./schemas";

const callPage = (structureId: string, callId: string) => `/structures/${structureId}/appels/${callId}`;

async function structureOfCall(callId: string) {
  return (await db.phoneCall.findUnique({ where: { id: callId }, select: { structureId: true } }))?.structureId ?? "";
}

export const startCallAction = authorizedAction(
  startCallSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await startCall(db, actor, input, new Date());
    if (!outcome.ok) return outcome;
    redirect(callPage(input.structureId, outcome.callId));
  },
);

export const saveSheetAction = authorizedAction(
  sheetSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await saveSheet(db, actor, input);
    if (!outcome.ok) return outcome;
    // Back to the sheet, now with the assistant's suggestions for this analysis.
    redirect(`${callPage(await structureOfCall(input.callId), input.callId)}?fait=analyse#suggestions`);
  },
);

export const recordOutcomeAction = authorizedAction(
  outcomeSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await recordOutcome(db, actor, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(callPage(await structureOfCall(input.callId), input.callId));
    return { ok: true, data: null, message: outcome.sent ? "Issue enregistrée, message envoyé." : "Issue enregistrée." };
  },
);

export const endCallAction = authorizedAction(
  endCallSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await endCall(db, actor, input.callId, new Date());
    if (!outcome.ok) return outcome;
    redirect(`${callPage(await structureOfCall(input.callId), input.callId)}?fait=termine`);
  },
);
