"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "@/lib/structures/refs";
import { offerSaveRefusal } from "./conflict";
import { saveOffer, setOfferStatus } from "./editing";
import { offerSchema, offerStatusSchema } from "./schemas";

const mayEdit = async (actor: Parameters<typeof can>[0], { structureId }: { structureId: string }) => {
  const ref = await structureRef(db, structureId);
  return !!ref && can(actor, "structure.edit", ref);
};

export const saveOfferAction = authorizedAction(offerSchema, mayEdit, async (actor, input) => {
  const outcome = await saveOffer(db, input, actor.userId);
  if (!outcome.ok) return offerSaveRefusal(db, outcome, input);
  revalidatePath(`/structures/${input.structureId}`, "layout");
  revalidatePath("/territoires", "layout");
  // A new offer gets its own page, where hours and publication come next.
  if (!input.offerId) redirect(`/structures/${input.structureId}/offres/${outcome.offerId}?creee=1`);
  return {
    ok: true,
    data: null,
    message: outcome.changed.length ? "Modifications enregistrées." : "Rien n'a changé : l'offre est déjà à jour.",
  };
});

const STATUS_MESSAGES = {
  published: "est publiée : elle apparaît dans la matrice et sur la page publique.",
  draft: "est repassée en brouillon : le public ne la voit plus.",
  archived: "est archivée : elle n'apparaît plus nulle part, son historique est gardé.",
} as const;

export const setOfferStatusAction = authorizedAction(offerStatusSchema, mayEdit, async (actor, input) => {
  const outcome = await setOfferStatus(db, input, actor.userId);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return refusal({ code: "not_found" });
    return refusal({ code: "offer.not_ready", params: { problems: outcome.problems } });
  }
  revalidatePath(`/structures/${input.structureId}`, "layout");
  revalidatePath("/territoires", "layout");
  return { ok: true, data: null, message: `« ${outcome.title} » ${STATUS_MESSAGES[input.status]}` };
});
