import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { newTransferCode } from "./code";
import { erasePersonalData } from "./erasure";
import { encryptPersonalDetails } from "./personal-data";

let transferId: string;

beforeAll(async () => {
  await seedDemoTerritory(db);
  const structure = await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } });
  transferId = crypto.randomUUID();
  await db.transfer.create({
    data: {
      id: transferId,
      parcoursId: transferId,
      code: newTransferCode(),
      territoryId: structure.territoryId,
      fromStructureId: structure.id,
      toStructureId: structure.id,
      idempotencyKey: crypto.randomUUID(),
      level: "augmented",
      status: "declined",
      needDescription: "Bloquer un contact sur les réseaux sociaux",
      personLabel: "Véro",
      personalDetailsEncrypted: encryptPersonalDetails({ phone: "0612345678", email: null, language: "fr", accessibilityNeeds: null }),
      consentGivenAt: new Date(),
      consentScope: ["contact"],
      noteForPartner: "Préfère être appelée le matin",
      askFor: "Mme Durand",
      declineReason: "other",
      declineMessage: "Déjà suivie par Véro's association",
      closedAt: new Date(),
      events: { create: { type: "declined", fromStatus: "sent", toStatus: "declined", details: { reason: "other", message: "Déjà suivie" } } },
    },
  });
});

describe("erasePersonalData", () => {
  it("erases every personal field and event text once, keeping the anonymous record", async () => {
    expect(await db.$transaction((tx) => erasePersonalData(tx, { transferId, actorId: null, reason: "retention" }))).toBe(true);
    const transfer = await db.transfer.findUniqueOrThrow({ where: { id: transferId }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(transfer).toMatchObject({
      personLabel: null,
      personalDetailsEncrypted: null,
      noteForPartner: null,
      askFor: null,
      declineMessage: null,
      // Kept for the indicators:
      status: "declined",
      declineReason: "other",
      level: "augmented",
      needDescription: "Bloquer un contact sur les réseaux sociaux",
    });
    expect(transfer.personalDataErasedAt).not.toBeNull();
    expect(JSON.stringify(transfer)).not.toMatch(/Véro|Durand|0612345678|Déjà suivie/);
    expect(transfer.events.map((event) => event.type)).toEqual(["declined", "personal_data.erased"]);
    expect(transfer.events[0]!.details).toEqual({ reason: "other" });

    expect(await db.$transaction((tx) => erasePersonalData(tx, { transferId, actorId: null, reason: "request" }))).toBe(false);
    expect(await db.transferEvent.count({ where: { transferId, type: "personal_data.erased" } })).toBe(1);
  });

  it("erases a cancellation's reason, free text by the sender, from the transfer and its event", async () => {
    const original = await db.transfer.findUniqueOrThrow({ where: { id: transferId } });
    const id = crypto.randomUUID();
    await db.transfer.create({
      data: {
        id,
        parcoursId: id,
        code: newTransferCode(),
        territoryId: original.territoryId,
        fromStructureId: original.fromStructureId,
        toStructureId: original.toStructureId,
        idempotencyKey: crypto.randomUUID(),
        level: "accompanied",
        status: "cancelled",
        needDescription: "Ouvrir un compte Ameli",
        cancelReason: "Véro est hospitalisée",
        closedAt: new Date(),
        events: {
          create: { type: "cancelled", fromStatus: "sent", toStatus: "cancelled", details: { reason: "Véro est hospitalisée", actorStructure: "Association Lien numérique" } },
        },
      },
    });
    expect(await db.$transaction((tx) => erasePersonalData(tx, { transferId: id, actorId: null, reason: "request" }))).toBe(true);
    const transfer = await db.transfer.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(transfer).toMatchObject({ cancelReason: null, status: "cancelled" });
    expect(transfer.events[0]!.details).toEqual({ actorStructure: "Association Lien numérique" });
    expect(JSON.stringify(transfer)).not.toContain("hospitalisée");
  });
});
