/** What the offer pages read (app/structures/[id]/offres/…), with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { loadOffer } from "@/lib/offers/editing";
import { getOfferFormOptions } from "@/lib/offers/form-options";
import { findStructureForEdit } from "@/lib/structures/queries";

/** An offer of a structure the actor may edit, with the form's choices; null answers 404. */
export async function loadOfferPage(actor: Actor, structureId: string, offerId: string) {
  const structure = isUuid(structureId) && isUuid(offerId) ? await findStructureForEdit(db, actor, structureId) : null;
  const loaded = structure && (await loadOffer(db, structure.id, offerId));
  if (!structure || !loaded) return null;
  const options = await getOfferFormOptions(db, structure.id, structure.territoryId);
  return { structure, loaded, options };
}

/** The new offer's form in a structure the actor may edit; null answers 404. */
export async function loadNewOfferPage(actor: Actor, structureId: string) {
  const structure = isUuid(structureId) ? await findStructureForEdit(db, actor, structureId) : null;
  if (!structure) return null;
  return { structure, options: await getOfferFormOptions(db, structure.id, structure.territoryId) };
}
