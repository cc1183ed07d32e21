/** Reads for the hours pages, scoped to what the actor may edit (see findStructureForEdit). */
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { findStructureForEdit } from "@/lib/structures/queries";

/** An offer of a structure the actor may edit, with its places, or null. */
export async function findOfferForHours(db: PrismaClient, actor: Actor, structureId: string, offerId: string) {
  const structure = await findStructureForEdit(db, actor, structureId);
  if (!structure) return null;
  const offer = await db.offer.findFirst({
    where: { id: offerId, structureId: structure.id },
    select: {
      id: true,
      title: true,
      places: {
        select: { place: { select: { id: true, name: true, communeName: true } } },
        orderBy: { place: { name: "asc" } },
      },
    },
  });
  return offer && { structure, offer: { ...offer, places: offer.places.map(({ place }) => place) } };
}
