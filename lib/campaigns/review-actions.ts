"use server";

/**
 * The review page's actions (app/mise-a-jour/[token]): each one bound to the link's secret by the
 * page, opened again on every call (link-action.ts), scoped to the link's structure.
 */
import { revalidatePath } from "next/cache";
import type { HandlerResult } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import type { SavedHours } from "@/lib/hours/actions";
import { hoursFormSchema } from "@/lib/hours/schemas";
import { offerSaveRefusal } from "@/lib/offers/conflict";
import { offerSchema } from "@/lib/offers/schemas";
import { frenchCommunes, frenchCommunesOf } from "@/lib/places/communes";
import { placeSaveRefusal } from "@/lib/places/refusals";
import { placeSchema } from "@/lib/places/schemas";
import { clientIp } from "@/lib/auth/client-address";
import { headers } from "next/headers";
import { openCampaignLink } from "./access";
import { campaignLinkAction } from "./link-action";
import { identityRefusal } from "@/lib/structures/refusals";
import { structureIdentitySchema } from "@/lib/structures/schemas";
import { answerTemporaryHours, confirmUnchanged, removeOffer, saveCardThroughLink, saveHoursThroughLink, saveOfferThroughLink, savePlaceThroughLink } from "./review";
import { confirmItemSchema, removeOfferSchema, temporaryHoursSchema } from "./schemas";

const reviewed = <T,>(data: T, message: string): HandlerResult<T> => {
  revalidatePath("/mise-a-jour/[token]", "page");
  return { ok: true, data, message };
};

export const confirmThroughLinkAction = campaignLinkAction(confirmItemSchema, async (target, input) => {
  const outcome = await confirmUnchanged(db, target, { kind: input.kind, itemId: input.kind === "structure" ? target.structureId : input.itemId });
  if (!outcome.ok) return refusal({ code: "not_found" });
  return reviewed(null, input.kind === "all" ? `Merci : ${outcome.confirmed} élément${outcome.confirmed > 1 ? "s" : ""} confirmé${outcome.confirmed > 1 ? "s" : ""} à jour.` : "Merci : confirmé à jour.");
});

export const removeOfferThroughLinkAction = campaignLinkAction(removeOfferSchema, async (target, input) => {
  const outcome = await removeOffer(db, target, input.offerId);
  if (!outcome.ok) return refusal({ code: "not_found" });
  return reviewed(null, `« ${outcome.title} » est retirée : le public ne la voit plus.`);
});

export const temporaryHoursThroughLinkAction = campaignLinkAction(temporaryHoursSchema, async (target, input) => {
  const outcome = await answerTemporaryHours(db, target, input);
  if (!outcome.ok) {
    if (outcome.reason === "not_temporary") return refusal({ code: "campaign.not_temporary" });
    if (outcome.reason === "conflict") return refusal({ code: "hours.changed_meanwhile", params: { current: "modifiés à l'instant par quelqu'un d'autre" } });
    return refusal({ code: "not_found" });
  }
  return reviewed(null, input.choice === "usual" ? "Merci : horaires habituels pendant la période." : "Merci : vos horaires de la période sont enregistrés.");
});

export const saveOfferThroughLinkAction = campaignLinkAction(offerSchema, async (target, input) => {
  // Corrections only: the link does not create offers.
  if (!input.offerId) return refusal({ code: "not_found" });
  const outcome = await saveOfferThroughLink(db, target, input);
  if (!outcome.ok) return offerSaveRefusal(db, outcome, input);
  return reviewed(null, outcome.changed.length ? "Merci : corrections enregistrées." : "Rien n'a changé : l'offre est confirmée à jour.");
});

export const saveHoursThroughLinkAction = campaignLinkAction(hoursFormSchema, async (target, input) => {
  const outcome = await saveHoursThroughLink(db, target, input);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return refusal({ code: "not_found" });
    return refusal({ code: "hours.changed_meanwhile", params: { current: outcome.current } });
  }
  return reviewed<SavedHours>(
    { version: outcome.version, description: outcome.description },
    outcome.changed ? "Merci : horaires enregistrés." : "Rien n'a changé : les horaires sont confirmés.",
  );
});

export const savePlaceThroughLinkAction = campaignLinkAction(placeSchema(frenchCommunes), async (target, input) => {
  // Corrections only: the link does not create places.
  if (!input.placeId) return refusal({ code: "not_found" });
  const outcome = await savePlaceThroughLink(db, target, { ...input, placeId: input.placeId });
  if (!outcome.ok) return placeSaveRefusal(outcome, input);
  return reviewed(null, outcome.changed.length ? "Merci : corrections enregistrées." : "Rien n'a changé : le lieu est confirmé à jour.");
});

/** The place form's commune suggestions, for the holder of a live link (the list stays on the server). */
export async function communesThroughLink(token: string, postalCode: unknown): Promise<{ code: string; name: string }[]> {
  if (typeof postalCode !== "string" || !/^\d{5}$/.test(postalCode.trim())) return [];
  if (!(await openCampaignLink(db, token, { ip: clientIp(await headers()) })).ok) return [];
  return frenchCommunesOf(postalCode).map(({ code, name }) => ({ code, name }));
}

export const saveCardThroughLinkAction = campaignLinkAction(structureIdentitySchema, async (target, input) => {
  const outcome = await saveCardThroughLink(db, target, input);
  if (!outcome.ok) return identityRefusal(outcome);
  return reviewed(null, outcome.changed.length ? "Merci : corrections enregistrées." : "Rien n'a changé : la fiche est confirmée à jour.");
});
