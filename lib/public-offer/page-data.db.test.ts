import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { loadOfferPage, loadPlaceProgrammePage, loadStructureProgrammePage } from "./page-data";

const SLUG = "val-de-lise";
let ccas: { id: string; structureId: string; title: string };

beforeAll(async () => {
  await seedDemoTerritory(db);
  ccas = await db.offer.findFirstOrThrow({ where: { title: { contains: "à partir de 60 ans" } }, select: { id: true, structureId: true, title: true } });
});

const day = 86_400_000;

describe("the offer page's data, kept while the territory's data holds", () => {
  it("shows a change at once: the write moves the territory's version, the kept offer is read again", async () => {
    const now = new Date();
    const first = (await loadOfferPage(SLUG, ccas.id, now, new Date(now.getTime() + day)))!;
    expect(first.found.offer.title).toBe(ccas.title);
    const again = (await loadOfferPage(SLUG, ccas.id, now, new Date(now.getTime() + day)))!;
    expect(again.found).toBe(first.found); // kept: the same object, not read again

    const renamed = `${ccas.title} (renommée)`;
    await db.offer.update({ where: { id: ccas.id }, data: { title: renamed } });
    try {
      const after = (await loadOfferPage(SLUG, ccas.id, now, new Date(now.getTime() + day)))!;
      expect(after.version).toBeGreaterThan(first.version);
      expect(after.found.offer.title).toBe(renamed);
      // A programme kept the same way shows it too.
      const programme = (await loadStructureProgrammePage(SLUG, ccas.structureId, now))!;
      expect(programme.version).toBe(after.version);
      expect(programme.found.entries.map((entry) => entry.title)).toContain(renamed);
    } finally {
      await db.offer.update({ where: { id: ccas.id }, data: { title: ccas.title } });
    }
  });

  it("says in the same statement whether the offer has an agenda, permanences at a partner's place, or workshop sessions in the window", async () => {
    const pattern = await db.availabilityPattern.findFirstOrThrow({ select: { offerId: true } });
    const session = await db.workshopSession.findFirstOrThrow({ where: { status: "scheduled" }, select: { offerId: true, startsAt: true } });
    const around = (at: Date) => [new Date(at.getTime() - day), new Date(at.getTime() + day)] as const;

    const withAgenda = (await loadOfferPage(SLUG, pattern.offerId, new Date(), new Date(Date.now() + day)))!;
    expect(withAgenda.hasAgenda).toBe(true);

    // An offer held at a partner's place: its permanences there.
    const [partner] = await db.$queryRaw<{ offerId: string }[]>`
      SELECT op."offerId" FROM "OfferPlace" op JOIN "Place" p ON p.id = op."placeId" JOIN "Offer" o ON o.id = op."offerId"
      WHERE p."structureId" <> o."structureId" AND o.status = 'published' LIMIT 1`;
    expect((await loadOfferPage(SLUG, partner!.offerId, new Date(), new Date(Date.now() + day)))!.hasPermanences).toBe(true);

    const [from, until] = around(session.startsAt);
    expect((await loadOfferPage(SLUG, session.offerId, from, until))!.hasSessions).toBe(true);
    // The same offer, in a window that ends before the session: nothing to read.
    expect((await loadOfferPage(SLUG, session.offerId, new Date(from.getTime() - 30 * day), new Date(from.getTime() - 29 * day)))!.hasSessions).toBe(false);

    const plain = (await loadOfferPage(SLUG, ccas.id, from, until))!;
    expect(plain).toMatchObject({ hasAgenda: false, hasPermanences: false, hasSessions: false });
  });

  it("finds nothing for an unknown territory, an offer of another territory or a malformed id", async () => {
    const now = new Date();
    const until = new Date(now.getTime() + day);
    expect(await loadOfferPage("nulle-part", ccas.id, now, until)).toBeNull();
    expect(await loadOfferPage(SLUG, "pas-un-identifiant", now, until)).toBeNull();
    expect(await loadOfferPage(SLUG, "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f", now, until)).toBeNull();
  });
});

describe("a programme page's data", () => {
  it("says in the same statement whether the place or structure holds workshop sessions within a year of today", async () => {
    const session = await db.workshopSession.findFirstOrThrow({ where: { status: "scheduled", placeId: { not: null } }, select: { structureId: true, placeId: true, startsAt: true } });
    const near = new Date(session.startsAt.getTime() - 7 * day);
    expect((await loadStructureProgrammePage(SLUG, session.structureId, near))!.hasSessions).toBe(true);
    expect((await loadPlaceProgrammePage(SLUG, session.placeId!, near))!.hasSessions).toBe(true);
    // Long after its last session, no week the page can show holds one.
    const last = await db.workshopSession.findFirstOrThrow({ where: { structureId: session.structureId, status: "scheduled" }, orderBy: { startsAt: "desc" }, select: { startsAt: true } });
    const later = new Date(last.startsAt.getTime() + 400 * day);
    expect((await loadStructureProgrammePage(SLUG, session.structureId, later))!.hasSessions).toBe(false);

    const plain = (await loadStructureProgrammePage(SLUG, ccas.structureId, near))!;
    expect(plain.hasSessions).toBe(false);
    expect(plain.found.entries.map((entry) => entry.offerId)).toContain(ccas.id);
  });

  it("finds nothing for an unknown territory, an unknown structure or a malformed id", async () => {
    const now = new Date();
    const place = await db.place.findFirstOrThrow({ where: { structure: { territory: { slug: SLUG } } }, select: { id: true } });
    expect(await loadPlaceProgrammePage(SLUG, place.id, now)).not.toBeNull();
    expect(await loadPlaceProgrammePage("nulle-part", place.id, now)).toBeNull();
    expect(await loadPlaceProgrammePage(SLUG, "pas-un-identifiant", now)).toBeNull();
    expect(await loadStructureProgrammePage(SLUG, "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f", now)).toBeNull();
  });
});
