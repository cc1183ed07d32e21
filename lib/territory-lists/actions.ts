"use server";

/** The short lists' editor actions: the territory's coordinators (policy `territory.manage`); each write is scoped to the territory. */
import { revalidatePath } from "next/cache";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { addItem, moveItem, renameItem, setArchived } from "./editing";
import { addItemSchema, archiveItemSchema, moveItemSchema, renameItemSchema } from "./schemas";

const mayManage = (actor: Parameters<typeof can>[0], input: { territoryId: string }) => can(actor, "territory.manage", { territoryId: input.territoryId });
const done = (message: string): HandlerResult => {
  revalidatePath("/territoires/[slug]/listes", "page");
  return { ok: true, data: null, message };
};

export const addItemAction = authorizedAction(addItemSchema, mayManage, async (_actor, input) => {
  const outcome = await addItem(db, input);
  return outcome.ok ? done(`« ${input.label} » ajouté.`) : outcome;
});

export const renameItemAction = authorizedAction(renameItemSchema, mayManage, async (_actor, input) => {
  const outcome = await renameItem(db, input);
  return outcome.ok ? done(`Renommé en « ${input.label} ».`) : outcome;
});

export const moveItemAction = authorizedAction(moveItemSchema, mayManage, async (_actor, input) => {
  const outcome = await moveItem(db, input);
  return outcome.ok ? done(input.direction === "up" ? "Monté d'un rang." : "Descendu d'un rang.") : outcome;
});

export const archiveItemAction = authorizedAction(archiveItemSchema, mayManage, async (_actor, input) => {
  const outcome = await setArchived(db, input, new Date());
  return outcome.ok ? done(input.archived ? "Archivé : il n'est plus proposé." : "Restauré.") : outcome;
});
