"use server";

import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "@/lib/structures/refs";
import { createTransfer } from "./create";
import { transferSchema } from "./schemas";

export const createTransferAction = authorizedAction(
  transferSchema,
  async (actor, { fromStructureId }) => {
    const ref = await structureRef(db, fromStructureId);
    return !!ref && can(actor, "transfer.create", ref);
  },
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await createTransfer(db, actor, input);
    if (!outcome.ok) return outcome.reason === "not_found" ? refusal({ code: "not_found" }) : refusal(outcome.error, outcome.field);
    redirect(`/transferts/${outcome.transferId}`);
  },
);
