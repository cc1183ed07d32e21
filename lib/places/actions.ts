"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import type { SignedInActor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { structureRef } from "@/lib/structures/refs";
import { frenchCommunes, frenchCommunesOf } from "./communes";
import { createPlace, deletePlace, updatePlace } from "./editing";
import { placeSaveRefusal, unknownCommune } from "./refusals";
import { geocoderUrl, searchAddress, type AddressCandidate } from "./geocoder";
import { addressSearchSchema, deletePlaceSchema, placeSchema } from "./schemas";

/** The server's schema: the browser's rules, plus the commune checked against the postal code. */
const schema = placeSchema(frenchCommunes);

/** Structure admins and the territory's coordinators edit its places (lib/auth/policy.ts). */
async function mayEdit(actor: SignedInActor, { structureId }: { structureId: string }) {
  const ref = await structureRef(db, structureId);
  return !!ref && can(actor, "structure.edit", ref);
}

const placePage = (structureId: string, placeId: string) => `/structures/${structureId}/lieux/${placeId}`;

export const createPlaceAction = authorizedAction(schema, mayEdit, async (actor, input): Promise<HandlerResult> => {
  const outcome = await createPlace(db, input, actor.userId);
  if (!outcome.ok && outcome.reason === "unknown_commune") return unknownCommune(input);
  if (!outcome.ok) return refusal({ code: "not_found" });
  revalidatePath(`/structures/${input.structureId}`, "layout");
  redirect(placePage(input.structureId, outcome.placeId));
});

export const updatePlaceAction = authorizedAction(schema, mayEdit, async (actor, input): Promise<HandlerResult> => {
  const { placeId } = input;
  if (!placeId) return refusal({ code: "not_found" });
  const outcome = await updatePlace(db, { ...input, placeId }, actor.userId);
  if (!outcome.ok) return placeSaveRefusal(outcome, input);
  revalidatePath(`/structures/${input.structureId}`, "layout");
  return {
    ok: true,
    data: null,
    message: outcome.changed.length ? "Modifications enregistrées." : "Rien n'a changé : le lieu est déjà à jour.",
  };
});

export const deletePlaceAction = authorizedAction(deletePlaceSchema, mayEdit, async (actor, input): Promise<HandlerResult> => {
  const outcome = await deletePlace(db, input, actor.userId);
  if (!outcome.ok && outcome.reason === "not_found") return refusal({ code: "not_found" });
  if (!outcome.ok) return refusal({ code: "place.has_offers", params: { offers: outcome.offers } });
  revalidatePath(`/structures/${input.structureId}`, "layout");
  // The history shows "Lieu supprimé : …", which confirms what was done.
  redirect(`/structures/${input.structureId}/historique`);
});

/** "Trouver l'adresse": candidates from the address service, when GEOCODER_URL is set. */
export const findAddressAction = authorizedAction(addressSearchSchema, mayEdit, async (_actor, input): Promise<HandlerResult<AddressCandidate[]>> => {
  const baseUrl = geocoderUrl();
  if (!baseUrl) return refusal({ code: "not_found" });
  const result = await searchAddress(baseUrl, input.query, { postalCode: input.postalCode });
  return result.ok ? { ok: true, data: result.candidates } : refusal(result.error);
});

/** The communes of a French postal code, for the form's suggestions (the list stays on the server). */
export async function communesOfPostalCode(postalCode: unknown): Promise<{ code: string; name: string }[]> {
  if (typeof postalCode !== "string" || !/^\d{5}$/.test(postalCode.trim())) return [];
  if (!(await getActor())) return [];
  return frenchCommunesOf(postalCode).map(({ code, name }) => ({ code, name }));
}
