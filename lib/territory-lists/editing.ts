/**
 * Editing a territory's short lists (its coordinators: policy `territory.manage`): add, rename,
 * move up or down, archive or restore. Labels are unique in a list, whatever their case (the
 * database holds the exact one); an archived item stays on the records that name it.
 */
import { refusal, type Refusal } from "@/lib/errors/app-error";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { TerritoryListKind } from "@/lib/generated/prisma/enums";
import { listItems } from "./queries";

type Db = PrismaClient;
type Outcome = { ok: true } | Refusal;

const taken = () => refusal({ code: "territory_list.label_taken" }, "label");
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function labelTaken(db: Db, territoryId: string, kind: TerritoryListKind, label: string, exceptId?: string) {
  const same = await db.territoryListItem.findFirst({
    where: { territoryId, kind, label: { equals: label, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  return same !== null;
}

export async function addItem(db: Db, input: { territoryId: string; kind: TerritoryListKind; label: string }): Promise<Outcome> {
  // The defaults first, so that a new item never stops them from being written.
  await listItems(db, input.territoryId, input.kind);
  if (await labelTaken(db, input.territoryId, input.kind, input.label)) return taken();
  const last = await db.territoryListItem.aggregate({ where: { territoryId: input.territoryId, kind: input.kind }, _max: { position: true } });
  try {
    await db.territoryListItem.create({ data: { ...input, position: (last._max.position ?? -1) + 1 } });
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
  return { ok: true };
}

const itemOf = (db: Db, territoryId: string, itemId: string) =>
  db.territoryListItem.findFirst({ where: { id: itemId, territoryId }, select: { id: true, kind: true } });

export async function renameItem(db: Db, input: { territoryId: string; itemId: string; label: string }): Promise<Outcome> {
  const item = await itemOf(db, input.territoryId, input.itemId);
  if (!item) return refusal({ code: "not_found" });
  if (await labelTaken(db, input.territoryId, item.kind, input.label, item.id)) return taken();
  try {
    await db.territoryListItem.update({ where: { id: item.id }, data: { label: input.label } });
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
  return { ok: true };
}

/** Swaps the item with its neighbour (archived items included), positions written again 0, 1, 2… */
export async function moveItem(db: Db, input: { territoryId: string; itemId: string; direction: "up" | "down" }): Promise<Outcome> {
  const item = await itemOf(db, input.territoryId, input.itemId);
  if (!item) return refusal({ code: "not_found" });
  await db.$transaction(async (tx) => {
    const items = await tx.territoryListItem.findMany({
      where: { territoryId: input.territoryId, kind: item.kind },
      orderBy: [{ position: "asc" }, { label: "asc" }],
      select: { id: true },
    });
    const index = items.findIndex((candidate) => candidate.id === item.id);
    const other = input.direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= items.length) return;
    [items[index], items[other]] = [items[other]!, items[index]!];
    for (const [position, row] of items.entries()) await tx.territoryListItem.update({ where: { id: row.id }, data: { position } });
  });
  return { ok: true };
}

export async function setArchived(db: Db, input: { territoryId: string; itemId: string; archived: boolean }, now: Date): Promise<Outcome> {
  const item = await itemOf(db, input.territoryId, input.itemId);
  if (!item) return refusal({ code: "not_found" });
  await db.territoryListItem.update({ where: { id: item.id }, data: { archivedAt: input.archived ? now : null } });
  return { ok: true };
}
