/**
 * Territory.searchVersion: the public search keeps each territory's published data in memory
 * (territory-index.ts) and reloads it when this number has moved past the one it was loaded at.
 * Every write of what the search shows (offers and their terms and places, places, hours,
 * structures, freshness, imports) calls bumpSearchVersion in its own transaction, so the new
 * version becomes visible exactly when the data does.
 *
 * Writers bump it before their writes: the territory's row is then locked first, as the
 * open-data import locks it first, so two writers of a territory never wait on each other
 * in opposite orders. A writer that ends up changing nothing still bumps: one needless reload.
 */
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** The territory whose search data a write changes: given, or the one of a structure or of an offer. */
export type SearchScope = { territoryId: string } | { structureId: string } | { offerId: string };

export async function bumpSearchVersion(tx: Tx, scope: SearchScope): Promise<void> {
  const territory =
    "territoryId" in scope
      ? Prisma.sql`${scope.territoryId}::uuid`
      : "structureId" in scope
        ? Prisma.sql`(SELECT s."territoryId" FROM "Structure" s WHERE s.id = ${scope.structureId}::uuid)`
        : Prisma.sql`(SELECT o."territoryId" FROM "Offer" o WHERE o.id = ${scope.offerId}::uuid)`;
  await tx.$executeRaw`UPDATE "Territory" SET "searchVersion" = "searchVersion" + 1 WHERE id = ${territory}`;
}
