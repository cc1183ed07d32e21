/**
 * The public API's reads: published data only (published offers of published structures), by
 * pages in id order with a keyset cursor (`id > after`), so that a page costs the same at the end
 * of a list as at its start. The territory's published structures are read first and offers then
 * found through their `structureId` index (a join on the structure's territory made PostgreSQL
 * scan every offer of the country, lib/public-search/queries.ts); vocabulary terms are read first
 * too, so that the need filter is `termId IN (…)` on OfferTerm's index.
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TermRef } from "../crosswalks";
import type { OffersParams, StructuresParams } from "./params";

export interface ApiTerritory {
  id: string;
  slug: string;
  name: string;
  country: "FR" | "BE";
  timeZone: string;
}

const territorySelect = { id: true, slug: true, name: true, country: true, timeZone: true } as const;

export function listTerritories(db: PrismaClient): Promise<ApiTerritory[]> {
  return db.territory.findMany({ select: territorySelect, orderBy: { slug: "asc" } });
}

export function findTerritory(db: PrismaClient, slug: string): Promise<ApiTerritory | null> {
  if (slug.length > 100) return Promise.resolve(null);
  return db.territory.findUnique({ where: { slug }, select: territorySelect });
}

async function publishedStructureIds(db: PrismaClient, territoryId: string): Promise<string[]> {
  const rows = await db.structure.findMany({ where: { territoryId, status: "published" }, select: { id: true } });
  return rows.map(({ id }) => id);
}

/** Every structure of the territory, published or not: a permanence may be held at any one's place. */
async function territoryStructureIds(db: PrismaClient, territoryId: string): Promise<string[]> {
  const rows = await db.structure.findMany({ where: { territoryId }, select: { id: true } });
  return rows.map(({ id }) => id);
}

/*
 * Changed since: edited, or verified unchanged ("rien n'a changé" counts as fresh data) — the item
 * itself or a row its JSON shows. An item's JSON is more than its row: a structure shows its places
 * (with their hours) and the ids of its published offers; an offer shows its places and, in HSDS,
 * its organization. So the filter reads the latest date over the item and those rows, as
 * snapshot.ts does for `updatedOn` (`servedDate`): a place's edit by any writer (the place form,
 * the hours editor, an import) then reaches every offer held there and the place's structure
 * without each writer having to know who shows that place. What has no date of its own (hours,
 * closures, terms, an offer's places) moves its owner's `updatedAt` when written (lib/hours/editing.ts,
 * lib/offers/editing.ts). A structure also appears when one of its offers changed, published or not
 * (publishing or withdrawing one changes its `offerIds`): a harvester may re-read a structure that
 * did not change, never miss one that did.
 */
const changedSince = (since: Date) => [{ updatedAt: { gte: since } }, { lastVerifiedAt: { gte: since } }];
const structureChangedSince = (since: Date): Prisma.StructureWhereInput => ({
  OR: [...changedSince(since), { places: { some: { updatedAt: { gte: since } } } }, { offers: { some: { updatedAt: { gte: since } } } }],
});
const offerChangedSince = (since: Date): Prisma.OfferWhereInput => ({
  OR: [...changedSince(since), { structure: { updatedAt: { gte: since } } }, { places: { some: { place: { updatedAt: { gte: since } } } } }],
});

/**
 * The places of these structures in a commune (INSEE or postal code), read through Place's
 * structureId index: communes have no index of their own, and a territory has few places.
 */
async function placesInCommune(db: PrismaClient, structureIds: string[], code: string): Promise<{ id: string; structureId: string }[]> {
  return db.place.findMany({ where: { structureId: { in: structureIds }, OR: [{ communeCode: code }, { postalCode: code }] }, select: { id: true, structureId: true } });
}

export interface Page {
  ids: string[];
  /** The last id when there is a next page. */
  after: string | null;
}

function page(rows: { id: string }[], limit: number): Page {
  const ids = rows.slice(0, limit).map(({ id }) => id);
  return { ids, after: rows.length > limit ? ids.at(-1)! : null };
}

export async function structuresPage(db: PrismaClient, territoryId: string, params: StructuresParams): Promise<Page> {
  const inCommune = params.commune ? [...new Set((await placesInCommune(db, await publishedStructureIds(db, territoryId), params.commune)).map(({ structureId }) => structureId))] : null;
  const where: Prisma.StructureWhereInput = {
    territoryId,
    status: "published",
    AND: [
      ...(params.cursor ? [{ id: { gt: params.cursor } }] : []),
      ...(inCommune ? [{ id: { in: inCommune } }] : []),
      ...(params.updated_since ? [structureChangedSince(params.updated_since)] : []),
    ],
  };
  const rows = await db.structure.findMany({ where, orderBy: { id: "asc" }, take: params.limit + 1, select: { id: true } });
  return page(rows, params.limit);
}

async function termIds(db: PrismaClient, refs: readonly TermRef[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const terms = await db.vocabularyTerm.findMany({
    where: { OR: refs.map(([vocabularyKey, code]) => ({ vocabularyKey, code })) },
    select: { id: true },
  });
  return terms.map(({ id }) => id);
}

export async function offersPage(db: PrismaClient, territoryId: string, params: OffersParams): Promise<Page> {
  const structureIds = await publishedStructureIds(db, territoryId);
  if (structureIds.length === 0) return { ids: [], after: null };
  const needIds = params.need ? await termIds(db, params.need.terms) : null;
  // Offers held at a place in the commune, whoever owns the place (a permanence counts).
  const placeIds = params.commune ? (await placesInCommune(db, await territoryStructureIds(db, territoryId), params.commune)).map(({ id }) => id) : null;
  const where: Prisma.OfferWhereInput = {
    status: "published",
    structureId: { in: structureIds },
    ...(params.cursor ? { id: { gt: params.cursor } } : {}),
    AND: [
      ...(needIds ? [{ terms: { some: { termId: { in: needIds } } } }] : []),
      ...(placeIds ? [{ places: { some: { placeId: { in: placeIds } } } }] : []),
      ...(params.updated_since ? [offerChangedSince(params.updated_since)] : []),
    ],
  };
  const rows = await db.offer.findMany({ where, orderBy: { id: "asc" }, take: params.limit + 1, select: { id: true } });
  return page(rows, params.limit);
}

/** A published structure, with its territory; null for anything else (draft, closed, unknown). */
export async function findPublishedStructure(db: PrismaClient, id: string): Promise<{ id: string; territory: ApiTerritory } | null> {
  return db.structure.findFirst({ where: { id, status: "published" }, select: { id: true, territory: { select: territorySelect } } });
}

/** A published offer of a published structure, with its territory. */
export async function findPublishedOffer(db: PrismaClient, id: string): Promise<{ id: string; territory: ApiTerritory } | null> {
  const offer = await db.offer.findFirst({
    where: { id, status: "published", structure: { status: "published" } },
    select: { id: true, structure: { select: { territory: { select: territorySelect } } } },
  });
  return offer && { id: offer.id, territory: offer.structure.territory };
}
