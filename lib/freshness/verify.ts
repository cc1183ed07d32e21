/**
 * "Rien n'a changé": confirming in one click that an offer is still true. Records who and when,
 * on the offer and in the structure's history, in one transaction. `actorId` null: confirmed
 * without an account, through an update campaign's signed link (lib/campaigns).
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";

type Tx = Prisma.TransactionClient;

/** The offer confirmed, inside the caller's transaction. */
export async function markOfferVerified(tx: Tx, offerId: string, actorId: string | null, now: Date) {
  // "À vérifier" in the public search depends on lastVerifiedAt: the territory first (search-version.ts).
  await lockTerritoryFirst(tx, { offerId });
  const offer = await tx.offer.update({
    where: { id: offerId },
    data: { lastVerifiedAt: now, lastVerifiedById: actorId, unconfirmedSince: null },
    select: { title: true, structureId: true },
  });
  await tx.changeRecord.create({
    data: {
      structureId: offer.structureId,
      offerId,
      actorId,
      action: "offer.verified",
      summary: `« ${offer.title} » confirmée à jour, sans changement`,
      createdAt: now,
    },
  });
  return offer;
}

export function confirmOfferUnchanged(db: PrismaClient, offerId: string, actorId: string, now = new Date()) {
  return db.$transaction((tx) => markOfferVerified(tx, offerId, actorId, now));
}

/** The structure's own card (identity, contact, labels) confirmed, inside the caller's transaction. */
export async function markStructureVerified(tx: Tx, structureId: string, actorId: string | null, now: Date) {
  const structure = await tx.structure.update({
    where: { id: structureId },
    data: { lastVerifiedAt: now, lastVerifiedById: actorId },
    select: { name: true },
  });
  await tx.changeRecord.create({
    data: { structureId, actorId, action: "structure.verified", summary: "Fiche de la structure confirmée à jour, sans changement", createdAt: now },
  });
  return structure;
}

/** "Rien n'a changé" for the structure's own card: who and when. */
export function confirmStructureUnchanged(db: PrismaClient, structureId: string, actorId: string, now = new Date()) {
  return db.$transaction((tx) => markStructureVerified(tx, structureId, actorId, now));
}

/** A structure's history, newest first. */
export function getStructureHistory(db: PrismaClient, structureId: string, take = 100) {
  return db.changeRecord.findMany({
    where: { structureId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, summary: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
}
