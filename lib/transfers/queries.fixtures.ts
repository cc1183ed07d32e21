/**
 * Test support for the transfers' integration tests (lib/transfers/*.db.test.ts): the demo's
 * people as actors, a member of a third structure, and transfers written directly in any status.
 */
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db";
import type { Prisma, TransferStatus } from "@/lib/generated/prisma/client";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { newTransferCode } from "./code";
import { encryptPersonalDetails } from "./personal-data";

export interface TransferCast {
  mediator: SignedInActor; // Lucas Petit: Association Lien numérique and Centre social des Tilleuls (sender)
  receiver: SignedInActor; // Sophie Leroy, member of France Services (receiver)
  receiverAdmin: SignedInActor; // Karim Benali, admin of France Services (receiver)
  coordinator: SignedInActor; // Claire Martin, the territory's coordinator
  third: SignedInActor; // a member of the Médiathèque: neither side
  platformAdmin: SignedInActor; // Awa Diallo: no structure
  territoryId: string;
  fromStructureId: string; // Association Lien numérique
  otherFromStructureId: string; // Centre social des Tilleuls (Lucas's second structure)
  toStructureId: string; // Espace France Services
  thirdStructureId: string; // Médiathèque
}

export async function transferCast(db: PrismaClient): Promise<TransferCast> {
  await seedDemoTerritory(db);
  const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
  const structure = (name: string) => db.structure.findFirstOrThrow({ where: { name: { startsWith: name } } });
  const [from, otherFrom, to, third] = await Promise.all([
    structure("Association Lien numérique"),
    structure("Centre social des Tilleuls"),
    structure("Espace France Services"),
    structure("Médiathèque"),
  ]);
  const thirdUser = await db.user.upsert({
    where: { email: "tiers@mediatheque.exemple.fr" },
    update: {},
    create: { email: "tiers@mediatheque.exemple.fr", name: "Théo Tiers", memberships: { create: { structureId: third.id, role: "admin" } } },
  });
  return {
    mediator: await actorByEmail("informaticien@lien-numerique.exemple.org"),
    receiver: await actorByEmail("accueil@franceservices.exemple.fr"),
    receiverAdmin: await actorByEmail("direction@franceservices.exemple.fr"),
    coordinator: await actorByEmail("coordination@val-de-lise.exemple.fr"),
    third: (await loadActor(db, thirdUser.id))!,
    platformAdmin: await actorByEmail("admin@toile.exemple.fr"),
    territoryId: to.territoryId,
    fromStructureId: from.id,
    otherFromStructureId: otherFrom.id,
    toStructureId: to.id,
    thirdStructureId: third.id,
  };
}

/** A transfer in any status, written directly (no event), with a person and consented details. */
export async function insertTransfer(
  db: PrismaClient,
  cast: TransferCast,
  { status = "sent", ...data }: Partial<Prisma.TransferUncheckedCreateInput> & { status?: TransferStatus } = {},
) {
  const id = crypto.randomUUID();
  return db.transfer.create({
    data: {
      id,
      parcoursId: id,
      code: newTransferCode(),
      territoryId: cast.territoryId,
      fromStructureId: cast.fromStructureId,
      toStructureId: cast.toStructureId,
      createdById: cast.mediator.userId,
      idempotencyKey: crypto.randomUUID(),
      level: "accompanied",
      status,
      needDescription: "Refaire un CV pour une candidature",
      personLabel: "José",
      personalDetailsEncrypted: encryptPersonalDetails({ phone: "06 12 34 56 78", email: null, language: "es", accessibilityNeeds: null }),
      consentGivenAt: new Date(),
      consentRecordedById: cast.mediator.userId,
      consentScope: ["contact", "language"],
      noteForPartner: "Préfère être appelé le matin",
      askFor: "Sophie",
      sentAt: status === "draft" ? null : new Date(),
      ...data,
    },
  });
}
