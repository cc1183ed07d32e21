"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { structureRef } from "@/lib/structures/refs";
import { confirmOfferUnchanged, confirmStructureUnchanged } from "./verify";

export const confirmUnchanged = authorizedAction(
  z.object({ offerId: z.uuid() }),
  async (actor, { offerId }) => {
    const offer = await db.offer.findUnique({
      where: { id: offerId },
      select: { structure: { select: { id: true, territoryId: true } } },
    });
    return !!offer && can(actor, "structure.edit", { structureId: offer.structure.id, territoryId: offer.structure.territoryId });
  },
  async (actor, { offerId }) => {
    const offer = await confirmOfferUnchanged(db, offerId, actor.userId);
    revalidatePath("/territoires", "layout");
    return { ok: true, data: null, message: `« ${offer.title} » est confirmée à jour.` };
  },
);

export const confirmStructureCardUnchanged = authorizedAction(
  z.object({ structureId: z.uuid() }),
  async (actor, { structureId }) => {
    const ref = await structureRef(db, structureId);
    return !!ref && can(actor, "structure.edit", ref);
  },
  async (actor, { structureId }) => {
    await confirmStructureUnchanged(db, structureId, actor.userId);
    revalidatePath(`/structures/${structureId}`, "layout");
    return { ok: true, data: null, message: "La fiche de la structure est confirmée à jour." };
  },
);
