"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "./refs";
import { structureCreateSchema, structureIdentitySchema } from "./schemas";
import { identityRefusal } from "./refusals";
import { createStructure, saveStructureIdentity } from "./update";

export const saveIdentity = authorizedAction(
  structureIdentitySchema,
  async (actor, { structureId }) => {
    const ref = await structureRef(db, structureId);
    return !!ref && can(actor, "structure.edit", ref);
  },
  async (actor, input) => {
    const outcome = await saveStructureIdentity(db, input, actor.userId);
    if (!outcome.ok) return identityRefusal(outcome);
    revalidatePath(`/structures/${input.structureId}`, "layout");
    return {
      ok: true,
      data: null,
      message: outcome.changed.length ? "Modifications enregistrées." : "Rien n'a changé : la fiche est déjà à jour.",
    };
  },
);

export const createStructureAction = authorizedAction(
  structureCreateSchema,
  (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await createStructure(db, input, actor.userId);
    if (!outcome.ok) return refusal({ code: outcome.code }, outcome.field);
    revalidatePath("/territoires", "layout");
    redirect(`/structures/${outcome.structureId}?creee=1`);
  },
);
