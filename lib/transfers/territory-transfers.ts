/** The coordinator's view of a territory's transfers (`listTerritoryTransfers`), without personal data. */
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import type { Prisma, TransferLevel, TransferStatus } from "@/lib/generated/prisma/client";
import { TRANSFER_STATUSES } from "./state-machine";
import { INBOX_PAGE_SIZE } from "./inbox";
import { first, LEVELS, oneOf, TRANSFER_ROW } from "./query-scope";

export interface TerritoryTransferFilters {
  status: TransferStatus | null;
  level: TransferLevel | null;
  toStructureId: string | null;
  page: number;
}

export function parseTerritoryTransferFilters(params: Record<string, string | string[] | undefined>): TerritoryTransferFilters {
  const structure = first(params.structure);
  const page = Number(first(params.page));
  return {
    status: oneOf(TRANSFER_STATUSES, first(params.statut)),
    level: oneOf(LEVELS, first(params.niveau)),
    toStructureId: structure && z.uuid().safeParse(structure).success ? structure : null,
    page: Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1,
  };
}

/** The coordinators' row: the common columns and how it ended; still nothing about the person. */
const TERRITORY_ROW = {
  ...TRANSFER_ROW,
  closedAt: true,
  outcome: true,
  declineReason: true,
} satisfies Prisma.TransferSelect;

/**
 * A territory's transfers for its coordinators (and platform admins): counts by status, by level
 * and by receiving structure over the whole territory (drafts excluded: they were never sent),
 * and the filtered list — never the person's data. Null when the actor may not manage the territory.
 */
export async function listTerritoryTransfers(db: PrismaClient, actor: Actor, territoryId: string, filters: TerritoryTransferFilters) {
  if (!can(actor, "territory.manage", { territoryId })) return null;
  const all: Prisma.TransferWhereInput = { territoryId, status: { not: "draft" } };
  const filtered: Prisma.TransferWhereInput = {
    AND: [
      all,
      ...(filters.status ? [{ status: filters.status }] : []),
      ...(filters.level ? [{ level: filters.level }] : []),
      ...(filters.toStructureId ? [{ toStructureId: filters.toStructureId }] : []),
    ],
  };
  const [byStatus, byLevel, byStructure, total] = await Promise.all([
    db.transfer.groupBy({ by: ["status"], where: all, _count: { _all: true } }),
    db.transfer.groupBy({ by: ["level"], where: all, _count: { _all: true } }),
    db.transfer.groupBy({ by: ["toStructureId"], where: all, _count: { _all: true } }),
    db.transfer.count({ where: filtered }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const [rows, structures] = await Promise.all([
    db.transfer.findMany({
      where: filtered,
      select: TERRITORY_ROW,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
    }),
    db.structure.findMany({ where: { id: { in: byStructure.map((row) => row.toStructureId) } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(structures.map((structure) => [structure.id, structure.name]));
  return {
    total,
    page,
    pageCount,
    rows,
    byStatus: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Partial<Record<TransferStatus, number>>,
    byLevel: Object.fromEntries(byLevel.map((row) => [row.level, row._count._all])) as Partial<Record<TransferLevel, number>>,
    byReceivingStructure: byStructure
      .map((row) => ({ structureId: row.toStructureId, name: nameOf.get(row.toStructureId) ?? "—", count: row._count._all }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "fr")),
  };
}
