/** What the hours pages read (app/structures/[id]/…/horaires), with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { db, withDb } from "@/lib/db";
import { loadHours } from "@/lib/hours/editing";
import { findOfferForHours } from "@/lib/hours/queries";
import { isUuid } from "@/lib/ids";
import { findStructureForEdit } from "@/lib/structures/queries";

/** A place's hours in a structure the actor may edit; null answers 404. */
export async function loadPlaceHoursPage(actor: Actor, structureId: string, placeId: string) {
  const structure = isUuid(structureId) && isUuid(placeId) ? await findStructureForEdit(db, actor, structureId) : null;
  const loaded = structure && (await loadHours(db, structure.id, { kind: "place", placeId }));
  if (!structure || !loaded) return null;
  return { structure, loaded };
}

/** An offer whose hours the actor may edit, with its structure and places; null answers 404. */
export const loadOfferForHours = (actor: Actor, structureId: string, offerId: string) =>
  isUuid(structureId) && isUuid(offerId) ? findOfferForHours(db, actor, structureId, offerId) : Promise.resolve(null);

/** The hours of one owner (an offer, an offer at a place) of a structure already checked. */
export const loadHoursOf = withDb(loadHours);
