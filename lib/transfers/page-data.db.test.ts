import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { parseTerritoryTransferFilters } from "./territory-transfers";
import { loadCoordinatedTerritories, loadTerritoryTransfersPage } from "./page-data";

let coordinator: SignedInActor;
let member: SignedInActor;
let platformAdmin: SignedInActor;
let slug: string;

const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db);
  coordinator = await actorByEmail("coordination@val-de-lise.exemple.fr");
  member = await actorByEmail("accueil@franceservices.exemple.fr");
  platformAdmin = await actorByEmail("admin@toile.exemple.fr");
  slug = (await db.territory.findFirstOrThrow({ where: { coordinators: { some: { userId: coordinator.userId } } } })).slug;
});

describe("loadTerritoryTransfersPage", () => {
  const filters = parseTerritoryTransferFilters({});

  it("shows a territory's transfers to its coordinators and the platform's administrators", async () => {
    for (const actor of [coordinator, platformAdmin]) {
      const page = await loadTerritoryTransfersPage(actor, slug, filters);
      expect(page?.territory.slug).toBe(slug);
      expect(page?.view).toBeTruthy();
    }
  });

  it("answers null (404) to a structure member, and for an unknown territory", async () => {
    expect(await loadTerritoryTransfersPage(member, slug, filters)).toBeNull();
    expect(await loadTerritoryTransfersPage(coordinator, "territoire-inconnu", filters)).toBeNull();
  });
});

describe("loadCoordinatedTerritories", () => {
  it("lists the territories the actor coordinates, and none for someone who coordinates none", async () => {
    expect((await loadCoordinatedTerritories(coordinator)).map((territory) => territory.slug)).toEqual([slug]);
    expect(await loadCoordinatedTerritories(member)).toEqual([]);
  });
});
