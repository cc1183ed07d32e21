/**
 * Territory.searchVersion: the public search keeps each territory's published data in memory
 * (territory-index.ts) and reloads it when this number has moved past the one it was loaded at.
 *
 * The database bumps it: triggers on every table the search reads (migration
 * `search_version_triggers`) raise the version of each territory a statement wrote, in the
 * writer's transaction, so the new version becomes visible exactly when the data does. A writer
 * has nothing to remember for the search to stay fresh (search-version.db.test.ts writes every
 * table with plain Prisma calls and SQL).
 *
 * What remains for a writer is lock order. The triggers lock the territory's row when the first
 * statement of a transaction writes its data, after the rows that statement wrote. The open-data
 * import locks the territory's row first (FOR UPDATE), then writes offers, places and hours. An
 * interactive edit that had already locked one of those rows and then waited for the territory
 * would deadlock with it (PostgreSQL would abort one of the two). So the app's interactive writers
 * call lockTerritoryFirst before their first write: they then queue behind an import (or it behind
 * them) instead. Forgetting it can only cost such a deadlock error, never a stale search.
 */
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

/** The territory whose search data a write changes: given, or the one of a structure or of an offer. */
export type SearchScope = { territoryId: string } | { structureId: string } | { offerId: string };

/** Locks the territory's row (as the triggers' bump will) before the transaction's first write. */
export async function lockTerritoryFirst(tx: Tx, scope: SearchScope): Promise<void> {
  const territory =
    "territoryId" in scope
      ? Prisma.sql`${scope.territoryId}::uuid`
      : "structureId" in scope
        ? Prisma.sql`(SELECT s."territoryId" FROM "Structure" s WHERE s.id = ${scope.structureId}::uuid)`
        : Prisma.sql`(SELECT o."territoryId" FROM "Offer" o WHERE o.id = ${scope.offerId}::uuid)`;
  await tx.$queryRaw`SELECT id FROM "Territory" WHERE id = ${territory} FOR NO KEY UPDATE`;
}
