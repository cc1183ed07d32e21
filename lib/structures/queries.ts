import type { PrismaClient } from "@/lib/db";
import { scopeFor, type Actor } from "@/lib/auth/policy";
import { isStale } from "@/lib/offers/rules";
import { LABEL_ROLE, TYPOLOGY_ROLE } from "./update";

/** A structure the actor may edit (the policy's "structure.edit" scope), or null: another structure's page answers 404. */
export function findStructureForEdit(db: PrismaClient, actor: Actor, structureId: string) {
  return db.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.edit")] },
    select: { id: true, name: true, territoryId: true, territory: { select: { country: true } } },
  });
}

/** The typologies and labels a structure may be given. */
export async function getStructureFormOptions(db: PrismaClient) {
  const terms = await db.vocabularyTerm.findMany({
    where: { vocabulary: { role: { in: [TYPOLOGY_ROLE, LABEL_ROLE] } } },
    select: { id: true, label: true, vocabulary: { select: { role: true } } },
    orderBy: [{ vocabularyKey: "asc" }, { sortOrder: "asc" }],
  });
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  const ofRole = (role: string) =>
    terms.filter((term) => term.vocabulary.role === role).map(({ id, label }) => ({ id, label }));
  return {
    typologies: ofRole(TYPOLOGY_ROLE).sort((a, b) => collator.compare(a.label, b.label)),
    labels: ofRole(LABEL_ROLE),
  };
}

/**
 * A structure's page for its people and its territory's coordinators: identity, places, offers
 * (with their status and freshness), and the permanences other structures hold at its places.
 */
export async function getStructureOverview(db: PrismaClient, structureId: string, now = new Date()) {
  const structure = await db.structure.findUniqueOrThrow({
    where: { id: structureId },
    select: {
      id: true,
      name: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      status: true,
      lastVerifiedAt: true,
      lastVerifiedBy: { select: { name: true, email: true } },
      territory: { select: { name: true, slug: true, staleAfterMonths: true } },
      identifiers: { select: { type: true, value: true } },
      terms: { select: { term: { select: { label: true } } } },
      places: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          address: true,
          postalCode: true,
          communeName: true,
          offers: { where: { offer: { structureId: { not: structureId }, status: { not: "archived" } } }, select: { offer: { select: { title: true, structure: { select: { name: true } } } } } },
        },
      },
      offers: {
        orderBy: [{ status: "asc" }, { title: "asc" }],
        select: {
          id: true,
          title: true,
          status: true,
          phoneLine: true,
          lastVerifiedAt: true,
          lastVerifiedBy: { select: { name: true, email: true } },
          places: { select: { place: { select: { name: true, communeName: true, structureId: true, structure: { select: { name: true } } } } } },
        },
      },
    },
  });
  return {
    ...structure,
    stale: isStale(structure.lastVerifiedAt, structure.territory.staleAfterMonths, now),
    offers: structure.offers.map((offer) => ({ ...offer, stale: isStale(offer.lastVerifiedAt, structure.territory.staleAfterMonths, now) })),
  };
}
