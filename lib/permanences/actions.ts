"use server";

/**
 * The sheets' server actions. Who: a member of the structure that holds the permanence or of the
 * one that hosts it (`mayKeepSheet`, checked by lib/permanences/sheets.ts on the sheet itself, so a
 * forged id answers "not found").
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { deleteLine, openSheet, saveLine, saveOutcome } from "./sheets";
import { deleteLineSchema, lineSchema, openSheetSchema, outcomeSchema } from "./schemas";

const sheetPage = (sheetId: string) => `/feuilles/${sheetId}`;

export const openSheetAction = authorizedAction(
  openSheetSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await openSheet(db, actor, input);
    if (!outcome.ok) return outcome;
    redirect(sheetPage(outcome.sheetId));
  },
);

export const saveLineAction = authorizedAction(
  lineSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await saveLine(db, actor, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(sheetPage(input.sheetId), "layout");
    // A changed line goes back to the sheet without its edit form.
    if (input.lineId) redirect(`${sheetPage(input.sheetId)}#ligne-${input.lineId}`);
    return { ok: true, data: null, message: `${input.personLabel} est inscrit·e sur la feuille.` };
  },
);

export const deleteLineAction = authorizedAction(
  deleteLineSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await deleteLine(db, actor, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(sheetPage(input.sheetId), "layout");
    redirect(`${sheetPage(input.sheetId)}?fait=ligne-supprimee`);
  },
);

export const saveOutcomeAction = authorizedAction(
  outcomeSchema,
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await saveOutcome(db, actor, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(sheetPage(input.sheetId), "layout");
    return { ok: true, data: null, message: "Suite enregistrée." };
  },
);
