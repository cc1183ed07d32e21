"use server";

import { redirect } from "next/navigation";
import { authorizedAction, NOT_FOUND, type ActionResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { structureRef } from "@/lib/structures/refs";
import { createTransfer } from "./create";
import { transferSchema } from "./schemas";

export const createTransferAction = authorizedAction(
  transferSchema,
  async (actor, { fromStructureId }) => {
    const ref = await structureRef(db, fromStructureId);
    return !!ref && can(actor, "transfer.create", ref);
  },
  async (actor, input): Promise<ActionResult> => {
    const outcome = await createTransfer(db, actor, input);
    if (!outcome.ok) {
      if (outcome.reason === "not_found") return { ok: false, error: NOT_FOUND };
      return { ok: false, error: "Corrigez les champs signalés.", fieldErrors: { [outcome.field]: [outcome.message] } };
    }
    redirect(`/transferts/${outcome.transferId}`);
  },
);
