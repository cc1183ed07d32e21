import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { getTerritoryOffers } from "./queries";

beforeAll(async () => {
  await seedDemoTerritory(db);
});

describe("getTerritoryOffers", () => {
  it("lists the published offers of the territory's published structures only", async () => {
    const data = await getTerritoryOffers(DEMO_TERRITORY_SLUG);
    expect(data).not.toBeNull();
    const published = await db.offer.count({
      where: {
        status: "published",
        structure: { status: "published", territory: { slug: DEMO_TERRITORY_SLUG } },
      },
    });
    expect(data!.offers).toHaveLength(published);

    const offer = data!.offers[0]!;
    await db.offer.update({ where: { id: offer.id }, data: { status: "draft" } });
    const after = await getTerritoryOffers(DEMO_TERRITORY_SLUG);
    expect(after!.offers.map((o) => o.id)).not.toContain(offer.id);
    await db.offer.update({ where: { id: offer.id }, data: { status: "published" } });
  });

  it("gives each offer its hours at each place: the offer's own, else the place's", async () => {
    const data = await getTerritoryOffers(DEMO_TERRITORY_SLUG);
    const offerPlace = await db.offerPlace.findFirstOrThrow({
      where: { openingSlots: { some: {} }, offer: { status: "published" } },
      include: { openingSlots: true, place: true },
    });
    const listed = data!.offers
      .find((offer) => offer.id === offerPlace.offerId)!
      .places.find((place) => place.address === offerPlace.place.address)!;
    expect(listed.openingSlots).toHaveLength(offerPlace.openingSlots.length);

    const placeOnly = await db.offerPlace.findFirstOrThrow({
      where: { openingSlots: { none: {} }, place: { openingSlots: { some: {} } }, offer: { status: "published" } },
      include: { place: { include: { openingSlots: true } } },
    });
    const listedPlace = data!.offers
      .find((offer) => offer.id === placeOnly.offerId)!
      .places.find((place) => place.address === placeOnly.place.address)!;
    expect(listedPlace.openingSlots).toHaveLength(placeOnly.place.openingSlots.length);
  });

  it("groups the offer's vocabulary labels by what they describe", async () => {
    const data = await getTerritoryOffers(DEMO_TERRITORY_SLUG);
    const ccas = data!.offers.find((offer) => offer.structure.name.includes("CCAS"))!;
    expect(ccas.labelsByRole.posture).toContain("Faire à la place");
  });

  it("answers null for a territory that does not exist", async () => {
    expect(await getTerritoryOffers("nulle-part")).toBeNull();
  });
});
