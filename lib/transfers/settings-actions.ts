"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { refusal } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { SETTING_LABELS, saveTransferSettings, transferSettingsSchema } from "./settings";

/** Saves a territory's transfer timers; only its coordinators (policy `territory.manage`). */
export const saveTransferSettingsAction = authorizedAction(
  transferSettingsSchema,
  (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
  async (_actor, input): Promise<HandlerResult<{ version: string }>> => {
    const outcome = await saveTransferSettings(db, input);
    if (!outcome.ok && outcome.reason === "not_found") return refusal({ code: "not_found" });
    if (!outcome.ok) {
      const fields = outcome.changedMeanwhile.map((field) => SETTING_LABELS[field]);
      return refusal({ code: "save.changed_meanwhile", params: { what: "la configuration des transferts", pronoun: "la", fields } });
    }
    revalidatePath("/territoires", "layout");
    return {
      ok: true,
      data: { version: outcome.version },
      message: outcome.changed.length
        ? "Réglages enregistrés : ils s'appliquent dès maintenant aux transferts du territoire."
        : "Rien n'a changé : les réglages sont déjà ceux-là.",
    };
  },
);
