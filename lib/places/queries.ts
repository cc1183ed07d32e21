import type { PrismaClient } from "@/lib/db";
import { scopeFor, type Actor } from "@/lib/auth/policy";

/** A place of this structure, when the actor may edit the structure; otherwise null (→ 404). */
export function findPlaceForEdit(db: PrismaClient, actor: Actor, structureId: string, placeId: string) {
  return db.place.findFirst({
    where: { id: placeId, structureId, structure: scopeFor(actor, "structure.edit") },
    select: {
      id: true,
      name: true,
      structure: { select: { id: true, name: true, territory: { select: { country: true } } } },
    },
  });
}

/** The places of a structure, by name. */
export function placesOfStructure(db: Pick<PrismaClient, "place">, structureId: string) {
  return db.place.findMany({
    where: { structureId },
    select: { id: true, name: true, address: true, postalCode: true, communeName: true },
    orderBy: { name: "asc" },
  });
}

/** "Permanences accueillies ici": the offers of other structures held at this structure's place. */
export async function hostedOffers(db: Pick<PrismaClient, "offerPlace">, structureId: string, placeId: string) {
  const rows = await db.offerPlace.findMany({
    where: { placeId, place: { structureId }, offer: { structureId: { not: structureId } } },
    select: { offer: { select: { id: true, title: true, structure: { select: { name: true } } } } },
    orderBy: [{ offer: { structure: { name: "asc" } } }, { offer: { title: "asc" } }],
  });
  return rows.map(({ offer }) => ({ offerId: offer.id, title: offer.title, structureName: offer.structure.name }));
}
