import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { confirmOfferUnchanged, confirmStructureUnchanged, getStructureHistory } from "./verify";

beforeAll(async () => {
  await seedDemoTerritory(db);
});

describe("confirming an offer is unchanged", () => {
  it("records when and by whom, on the offer and in the structure's history", async () => {
    const offer = await db.offer.findFirstOrThrow({ where: { title: { contains: "à partir de 60 ans" } } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } });
    const now = new Date("2026-11-22T10:00:00Z");
    await confirmOfferUnchanged(db, offer.id, admin.id, now);

    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      lastVerifiedAt: now,
      lastVerifiedById: admin.id,
    });
    const [latest] = await getStructureHistory(db, offer.structureId);
    expect(latest).toMatchObject({
      summary: "« Démarches en ligne faites pour vous, à partir de 60 ans » confirmée à jour, sans changement",
      createdAt: now,
      actor: { name: "Claire Martin" },
    });
  });
});

describe("confirming a structure's card is unchanged", () => {
  it("records when and by whom, on the structure and in its history", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "Repair" } } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } });
    const now = new Date("2026-11-22T11:00:00Z");
    await confirmStructureUnchanged(db, structure.id, admin.id, now);
    expect(await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).toMatchObject({ lastVerifiedAt: now, lastVerifiedById: admin.id });
    const [latest] = await getStructureHistory(db, structure.id);
    expect(latest).toMatchObject({ summary: "Fiche de la structure confirmée à jour, sans changement", createdAt: now });
  });
});
