/**
 * The matrix's health, for the network's indicators (issue 19): coverage gaps (needs × publics and
 * needs × postures with no published offer, or one provider only — the coverage page's tables,
 * counted), stale offers (not verified within the territory's delay) by structure, and the
 * public's error reports: those of the period, and those still open — the offer was neither
 * verified nor corrected since (saving an offer's form counts as verifying it).
 */
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { coverageTable } from "@/lib/matrix/coverage";
import { getCoverageInputs } from "@/lib/matrix/queries";
import { staleBefore } from "@/lib/offers/rules";
import { REPORT_ACTION } from "@/lib/public-offer/report";

export interface CoverageGaps {
  needs: number;
  /** Needs no published offer answers at all. */
  uncoveredNeeds: string[];
  publicCells: { none: number; single: number; total: number };
  postureCells: { none: number; single: number; total: number };
}

export interface MatrixFigures {
  coverage: CoverageGaps;
  publishedOffers: number;
  staleOffers: number;
  /** Structures with stale offers, the most first. */
  staleByStructure: { name: string; offers: number }[];
  reportsInPeriod: number;
  reportsOpen: number;
}

function cellCounts(rows: ReturnType<typeof coverageTable>) {
  const cells = rows.flatMap((row) => row.cells);
  return { none: cells.filter((cell) => cell.level === "none").length, single: cells.filter((cell) => cell.level === "single").length, total: cells.length };
}

export async function readMatrixFigures(db: PrismaClient, territoryId: string, staleAfterMonths: number, now: Date, range: { from: Date; until: Date }): Promise<MatrixFigures> {
  const inputs = await getCoverageInputs(db, territoryId);
  const limit = staleBefore(staleAfterMonths, now);
  const [stale, reports] = await Promise.all([
    db.$queryRaw<{ name: string | null; published: number; stale: number }[]>(Prisma.sql`
      SELECT s.name, count(*)::int AS published,
             count(*) FILTER (WHERE o."lastVerifiedAt" IS NULL OR o."lastVerifiedAt" < ${limit})::int AS stale
      FROM "Offer" o JOIN "Structure" s ON s.id = o."structureId"
      WHERE o."territoryId" = ${territoryId}::uuid AND o.status = 'published'
      GROUP BY GROUPING SETS ((), (s.id, s.name))`),
    db.$queryRaw<{ in_period: number; open: number }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE r."createdAt" >= ${range.from} AND r."createdAt" < ${range.until})::int AS in_period,
             count(*) FILTER (WHERE o.id IS NOT NULL AND (o."lastVerifiedAt" IS NULL OR o."lastVerifiedAt" < r."createdAt"))::int AS open
      FROM "ChangeRecord" r JOIN "Structure" s ON s.id = r."structureId" LEFT JOIN "Offer" o ON o.id = r."offerId"
      WHERE s."territoryId" = ${territoryId}::uuid AND r.action = ${REPORT_ACTION}`),
  ]);
  const total = stale.find((row) => row.name === null);
  const publicCells = coverageTable(inputs.offers, inputs.needs, inputs.publics, "publics");
  const postureCells = coverageTable(inputs.offers, inputs.needs, inputs.postures, "postures");
  return {
    coverage: {
      needs: inputs.needs.length,
      uncoveredNeeds: inputs.needs.filter((need) => !inputs.offers.some((offer) => offer.needs.includes(need))),
      publicCells: cellCounts(publicCells),
      postureCells: cellCounts(postureCells),
    },
    publishedOffers: total?.published ?? 0,
    staleOffers: total?.stale ?? 0,
    staleByStructure: stale
      .filter((row) => row.name !== null && row.stale > 0)
      .map((row) => ({ name: row.name!, offers: row.stale }))
      .sort((a, b) => b.offers - a.offers || a.name.localeCompare(b.name, "fr")),
    reportsInPeriod: reports[0]?.in_period ?? 0,
    reportsOpen: reports[0]?.open ?? 0,
  };
}
