"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "@/lib/structures/refs";
import { saveHours } from "./editing";
import { hoursFormSchema } from "./schemas";

export type SavedHours = { version: string; description: string };

export const saveHoursAction = authorizedAction(
  hoursFormSchema,
  async (actor, { structureId }) => {
    const ref = await structureRef(db, structureId);
    return !!ref && can(actor, "structure.edit", ref);
  },
  async (actor, input) => {
    const outcome = await saveHours(db, input, actor.userId);
    if (!outcome.ok) {
      if (outcome.reason === "not_found") return refusal({ code: "not_found" });
      return refusal({ code: "hours.changed_meanwhile", params: { current: outcome.current } });
    }
    revalidatePath(`/structures/${input.structureId}`, "layout");
    return {
      ok: true,
      data: { version: outcome.version, description: outcome.description } satisfies SavedHours,
      message: outcome.changed ? "Horaires enregistrés." : "Rien n'a changé : les horaires sont déjà à jour.",
    };
  },
);
