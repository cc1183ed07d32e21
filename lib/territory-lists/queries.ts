/**
 * A territory's short lists (usages skills, permanence request categories): read them, the
 * defaults written the first time a territory's list is read (`INSERT … ON CONFLICT DO NOTHING`,
 * so two first readers at once write them once). Archived items are not offered but stay on the
 * records that name them.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TerritoryListKind } from "@/lib/generated/prisma/enums";
import { DEFAULT_LIST_ITEMS } from "./defaults";

type Db = PrismaClient | Prisma.TransactionClient;

export interface ListItem {
  id: string;
  label: string;
  position: number;
  archived: boolean;
}

export async function listItems(db: Db, territoryId: string, kind: TerritoryListKind, { withArchived = false } = {}): Promise<ListItem[]> {
  const read = () =>
    db.territoryListItem.findMany({
      where: { territoryId, kind, ...(withArchived ? {} : { archivedAt: null }) },
      orderBy: [{ position: "asc" }, { label: "asc" }],
      select: { id: true, label: true, position: true, archivedAt: true },
    });
  let rows = await read();
  if (rows.length === 0 && (await db.territoryListItem.count({ where: { territoryId, kind } })) === 0) {
    await db.territoryListItem.createMany({
      data: DEFAULT_LIST_ITEMS[kind].map((label, position) => ({ territoryId, kind, label, position })),
      skipDuplicates: true,
    });
    rows = await read();
  }
  return rows.map(({ archivedAt, ...item }) => ({ ...item, archived: archivedAt !== null }));
}
