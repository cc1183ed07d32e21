/**
 * The sheets' counts for the territory's follow-up (shown by the activity pages): no names, no
 * requests' words — occurrences with a sheet, lines, walk-ins, lines per request category and per
 * outcome, transfers started from a line. `range` is calendar days, `from` included, `until` not.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SheetLineResult } from "@/lib/generated/prisma/enums";

export interface SheetCounts {
  sheets: number;
  lines: number;
  walkIns: number;
  /** Every category named by a line, with its count; lines without one under `null`. */
  byCategory: { categoryId: string | null; label: string | null; lines: number }[];
  byResult: Record<SheetLineResult | "none", number>;
  transfersStarted: number;
}

export async function sheetCounts(db: PrismaClient, territoryId: string, range: { from: string; until: string }): Promise<SheetCounts> {
  const sheetWhere = { territoryId, date: { gte: new Date(`${range.from}T00:00:00Z`), lt: new Date(`${range.until}T00:00:00Z`) } };
  const lineWhere = { sheet: sheetWhere };
  const [sheets, lines, walkIns, transfersStarted, categories, results] = await Promise.all([
    db.permanenceSheet.count({ where: { ...sheetWhere, lines: { some: {} } } }),
    db.permanenceSheetLine.count({ where: lineWhere }),
    db.permanenceSheetLine.count({ where: { ...lineWhere, walkIn: true } }),
    db.permanenceSheetLine.count({ where: { ...lineWhere, transferId: { not: null } } }),
    db.permanenceSheetLine.groupBy({ by: ["categoryId"], where: lineWhere, _count: { _all: true } }),
    db.permanenceSheetLine.groupBy({ by: ["result"], where: lineWhere, _count: { _all: true } }),
  ]);
  const ids = categories.map((row) => row.categoryId).filter((id): id is string => id !== null);
  const labels = new Map(
    (await db.territoryListItem.findMany({ where: { id: { in: ids } }, select: { id: true, label: true, position: true } })).map((item) => [item.id, item]),
  );
  const byResult: SheetCounts["byResult"] = { solved: 0, to_continue: 0, appointment_given: 0, redirected: 0, none: 0 };
  for (const row of results) byResult[row.result ?? "none"] = row._count._all;
  return {
    sheets,
    lines,
    walkIns,
    byCategory: categories
      .map((row) => ({ categoryId: row.categoryId, label: row.categoryId ? (labels.get(row.categoryId)?.label ?? null) : null, lines: row._count._all }))
      .sort((a, b) => (a.categoryId ? (labels.get(a.categoryId)?.position ?? 0) : Infinity) - (b.categoryId ? (labels.get(b.categoryId)?.position ?? 0) : Infinity)),
    byResult,
    transfersStarted,
  };
}
