/** What the place pages read (app/structures/[id]/lieux/…), with the one client bound: app/ never imports `db`. */
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { loadPlace, offersAtPlace } from "@/lib/places/editing";
import { findPlaceForEdit, hostedOffers } from "@/lib/places/queries";

/** A place the actor may edit, its form values, the offers it hosts and those held there; null answers 404. */
export async function loadPlacePage(actor: Actor, structureId: string, placeId: string) {
  const place = isUuid(structureId) && isUuid(placeId) ? await findPlaceForEdit(db, actor, structureId, placeId) : null;
  if (!place) return null;
  const [loaded, hosted, offersHere] = await Promise.all([
    loadPlace(db, structureId, place.id),
    hostedOffers(db, structureId, place.id),
    offersAtPlace(db, place.id),
  ]);
  if (!loaded) return null;
  return { place, loaded, hosted, offersHere };
}
