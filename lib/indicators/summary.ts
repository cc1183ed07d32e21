/**
 * The monthly summaries behind a territory's and the platform's dashboards (issue 19, "Scale"):
 * `TransferMonthStat` and `ParcoursMonthStat`, one set of rows per territory and month — and the
 * same for the platform, summed from the territories' — so that a dashboard reads a few hundred
 * rows whatever the number of transfers.
 *
 * Kept up to date without any writer remembering it: a trigger on Transfer marks the (territory,
 * month) a statement touches (`IndicatorStaleMonth`: the month each row was sent in, and the month
 * its parcours began). `refreshStaleMonths` takes marks one at a time (deleted in their own short
 * statement, SKIP LOCKED, so a writer never waits for a computation), computes the month again
 * from the transfers under an advisory lock per (territory, month), then sums the platform's
 * months that changed. A write landing meanwhile marks the month again and the next refresh takes
 * it. The worker refreshes every minute, and a dashboard refreshes the marks of its own territory
 * before it reads, so what a coordinator sees is never behind.
 */
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { histogramCount, histogramPercentile } from "./histogram";
import { countsOf, NO_TRANSFERS, type Delays, type ParcoursFigures, type TransferCounts, type TransferFigures } from "./figures";

/** The platform's rows carry this scope id. */
export const PLATFORM_SCOPE = "00000000-0000-0000-0000-000000000000";

const OPEN = Prisma.sql`('sent', 'acknowledged', 'accepted')`;

const COUNTS = Prisma.sql`
  count(*)::int, count(*) FILTER (WHERE t."acknowledgedAt" IS NOT NULL)::int, count(*) FILTER (WHERE t."acceptedAt" IS NOT NULL)::int,
  count(*) FILTER (WHERE t.status = 'declined')::int, count(*) FILTER (WHERE t.status = 'expired')::int,
  count(*) FILTER (WHERE t.status = 'cancelled')::int, count(*) FILTER (WHERE t.status = 'completed')::int,
  count(*) FILTER (WHERE t.status IN ${OPEN})::int, count(*) FILTER (WHERE t.outcome IN ('resolved', 'partially_resolved'))::int`;

const STAT_COLUMNS = Prisma.sql`("scopeId", month, dimension, key, sent, acknowledged, accepted, declined, expired, cancelled, completed, open, resolved, "ackDelays", "acceptDelays")`;

/** The transfers of a territory sent in a month of its calendar (as `t`). */
const monthCohort = (territoryId: string, month: string) => Prisma.sql`
  FROM "Transfer" t,
       (SELECT ((${month}::date)::timestamp AT TIME ZONE z."timeZone") AT TIME ZONE 'UTC' AS from_at,
               ((${month}::date + interval '1 month')::timestamp AT TIME ZONE z."timeZone") AT TIME ZONE 'UTC' AS until_at
        FROM "Territory" z WHERE z.id = ${territoryId}::uuid) b
  WHERE t."territoryId" = ${territoryId}::uuid AND t."sentAt" >= b.from_at AND t."sentAt" < b.until_at`;

/** Computes one territory's month again, from its transfers, in one transaction. */
async function refreshTerritoryMonth(db: PrismaClient, territoryId: string, month: string): Promise<void> {
  const cohort = monthCohort(territoryId, month);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('indicators'), hashtext(${`${territoryId} ${month}`}))`;
    await tx.$executeRaw`DELETE FROM "TransferMonthStat" WHERE "scopeId" = ${territoryId}::uuid AND month = ${month}::date`;
    await tx.$executeRaw`DELETE FROM "ParcoursMonthStat" WHERE "scopeId" = ${territoryId}::uuid AND month = ${month}::date`;
    // Every breakdown's counts in one pass; delays only where the dashboard gives them.
    await tx.$executeRaw`
      INSERT INTO "TransferMonthStat" ${STAT_COLUMNS}
      SELECT ${territoryId}::uuid, ${month}::date, dimension, key, sent, acknowledged, accepted, declined, expired, cancelled, completed, open, resolved, '{}', '{}'
      FROM (
        SELECT CASE WHEN GROUPING(t."needTermId") = 0 THEN 'need'
                    WHEN GROUPING(t."fromStructureId", t."toStructureId") = 0 THEN 'pair'
                    WHEN GROUPING(t."fromStructureId") = 0 THEN 'sender'
                    WHEN GROUPING(t."declineReason") = 0 THEN 'decline_reason'
                    ELSE 'outcome' END AS dimension,
               CASE WHEN GROUPING(t."needTermId") = 0 THEN coalesce(t."needTermId"::text, '')
                    WHEN GROUPING(t."fromStructureId", t."toStructureId") = 0 THEN t."fromStructureId"::text || ' ' || t."toStructureId"::text
                    WHEN GROUPING(t."fromStructureId") = 0 THEN t."fromStructureId"::text
                    WHEN GROUPING(t."declineReason") = 0 THEN t."declineReason"::text
                    ELSE t.outcome::text END AS key,
               ${COUNTS}
        ${cohort}
        GROUP BY GROUPING SETS ((t."needTermId"), (t."fromStructureId", t."toStructureId"), (t."fromStructureId"), (t."declineReason"), (t.outcome))
      ) AS grouped (dimension, key, sent, acknowledged, accepted, declined, expired, cancelled, completed, open, resolved)
      WHERE key IS NOT NULL`;
    await tx.$executeRaw`
      INSERT INTO "TransferMonthStat" ${STAT_COLUMNS}
      SELECT ${territoryId}::uuid, ${month}::date,
             CASE WHEN GROUPING(t.level) = 0 THEN 'level' WHEN GROUPING(t."toStructureId") = 0 THEN 'receiver' ELSE 'all' END,
             CASE WHEN GROUPING(t.level) = 0 THEN t.level::text WHEN GROUPING(t."toStructureId") = 0 THEN t."toStructureId"::text ELSE '' END,
             ${COUNTS},
             toile_histogram(toile_delay_bucket(extract(epoch FROM t."acknowledgedAt" - t."sentAt"))),
             toile_histogram(toile_delay_bucket(extract(epoch FROM t."acceptedAt" - t."sentAt")))
      ${cohort}
      GROUP BY GROUPING SETS ((), (t.level), (t."toStructureId"))`;
    await tx.$executeRaw`
      INSERT INTO "TransferMonthStat" ${STAT_COLUMNS}
      SELECT ${territoryId}::uuid, ${month}::date, 'ping_pong', t."fromStructureId"::text || ' ' || t."toStructureId"::text,
             count(*)::int, 0, 0, 0, 0, 0, 0, 0, 0, '{}', '{}'
      ${cohort} AND t."parcoursId" <> t.id
        AND EXISTS (SELECT 1 FROM "Transfer" e
                    WHERE e."parcoursId" = t."parcoursId" AND e.id <> t.id AND e."sentAt" < t."sentAt"
                      AND (e."fromStructureId" = t."toStructureId" OR e."toStructureId" = t."toStructureId"))
      GROUP BY t."fromStructureId", t."toStructureId"`;
    await tx.$executeRaw`
      WITH roots AS (SELECT t.id ${cohort} AND t.id = t."parcoursId"),
      per_parcours AS (
        SELECT (SELECT count(DISTINCT s) FROM unnest(array_agg(p."fromStructureId") || array_agg(p."toStructureId")) s)::int AS structures,
               bool_or(p.status IN ${OPEN}) AS open,
               extract(epoch FROM max(p."closedAt") - min(p."sentAt")) AS seconds,
               (array_agg(p.status::text ORDER BY p."sentAt" DESC, p.id DESC))[1] AS last_status,
               (array_agg(p.outcome::text ORDER BY p."sentAt" DESC, p.id DESC))[1] AS last_outcome
        FROM roots JOIN "Transfer" p ON p."parcoursId" = roots.id
        WHERE p.status <> 'draft'
        GROUP BY roots.id
      )
      INSERT INTO "ParcoursMonthStat" ("scopeId", month, structures, parcours, open, closed, resolved, "partiallyResolved", "notResolved", dropped, unknown, "closingDelays")
      SELECT ${territoryId}::uuid, ${month}::date, least(structures, 5), count(*)::int, count(*) FILTER (WHERE open)::int, count(*) FILTER (WHERE NOT open)::int,
             count(*) FILTER (WHERE NOT open AND last_outcome = 'resolved')::int,
             count(*) FILTER (WHERE NOT open AND last_outcome = 'partially_resolved')::int,
             count(*) FILTER (WHERE NOT open AND last_outcome LIKE 'not_resolved%')::int,
             count(*) FILTER (WHERE NOT open AND last_status IN ('declined', 'expired', 'cancelled'))::int,
             count(*) FILTER (WHERE NOT open AND last_status = 'completed' AND (last_outcome IS NULL OR last_outcome = 'unknown'))::int,
             toile_histogram(toile_delay_bucket(seconds)) FILTER (WHERE NOT open)
      FROM per_parcours
      GROUP BY least(structures, 5)`;
  });
}

/** The platform's month: the territories' rows summed (receivers become territories); no pairs. */
async function refreshPlatformMonth(db: PrismaClient, month: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('indicators'), hashtext(${`platform ${month}`}))`;
    await tx.$executeRaw`DELETE FROM "TransferMonthStat" WHERE "scopeId" = ${PLATFORM_SCOPE}::uuid AND month = ${month}::date`;
    await tx.$executeRaw`DELETE FROM "ParcoursMonthStat" WHERE "scopeId" = ${PLATFORM_SCOPE}::uuid AND month = ${month}::date`;
    await tx.$executeRaw`
      INSERT INTO "TransferMonthStat" ${STAT_COLUMNS}
      SELECT ${PLATFORM_SCOPE}::uuid, ${month}::date, dimension, key, sum(sent), sum(acknowledged), sum(accepted), sum(declined), sum(expired),
             sum(cancelled), sum(completed), sum(open), sum(resolved), toile_histogram_sum("ackDelays"), toile_histogram_sum("acceptDelays")
      FROM "TransferMonthStat"
      WHERE month = ${month}::date AND "scopeId" <> ${PLATFORM_SCOPE}::uuid AND dimension IN ('all', 'level', 'need', 'decline_reason', 'outcome')
      GROUP BY dimension, key
      UNION ALL
      SELECT ${PLATFORM_SCOPE}::uuid, ${month}::date, 'receiver', "scopeId"::text, sent, acknowledged, accepted, declined, expired,
             cancelled, completed, open, resolved, "ackDelays", "acceptDelays"
      FROM "TransferMonthStat"
      WHERE month = ${month}::date AND "scopeId" <> ${PLATFORM_SCOPE}::uuid AND dimension = 'all'`;
    await tx.$executeRaw`
      INSERT INTO "ParcoursMonthStat" ("scopeId", month, structures, parcours, open, closed, resolved, "partiallyResolved", "notResolved", dropped, unknown, "closingDelays")
      SELECT ${PLATFORM_SCOPE}::uuid, ${month}::date, structures, sum(parcours), sum(open), sum(closed), sum(resolved), sum("partiallyResolved"),
             sum("notResolved"), sum(dropped), sum(unknown), toile_histogram_sum("closingDelays")
      FROM "ParcoursMonthStat"
      WHERE month = ${month}::date AND "scopeId" <> ${PLATFORM_SCOPE}::uuid
      GROUP BY structures`;
  });
}

/**
 * Computes the marked months again (only a territory's, when given), then the platform's months
 * that changed. Returns how many territory months were computed. Safe with several instances.
 */
export async function refreshStaleMonths(db: PrismaClient, { territoryId, limit = 500 }: { territoryId?: string; limit?: number } = {}): Promise<number> {
  const months = new Set<string>();
  let done = 0;
  while (done < limit) {
    const [mark] = await db.$queryRaw<{ territoryId: string; month: string }[]>`
      DELETE FROM "IndicatorStaleMonth"
      WHERE ("territoryId", month) IN (
        SELECT "territoryId", month FROM "IndicatorStaleMonth"
        WHERE ${territoryId ? Prisma.sql`"territoryId" = ${territoryId}::uuid` : Prisma.sql`TRUE`}
        ORDER BY "markedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "territoryId"::text AS "territoryId", to_char(month, 'YYYY-MM-DD') AS month`;
    if (!mark) break;
    try {
      await refreshTerritoryMonth(db, mark.territoryId, mark.month);
    } catch (error) {
      // Marked again, for the next refresh.
      await db.$executeRaw`INSERT INTO "IndicatorStaleMonth" ("territoryId", month) VALUES (${mark.territoryId}::uuid, ${mark.month}::date) ON CONFLICT DO NOTHING`;
      throw error;
    }
    months.add(mark.month);
    done++;
  }
  for (const month of [...months].sort()) await refreshPlatformMonth(db, month);
  return done;
}

interface StatRow extends TransferCounts {
  dimension: string;
  key: string;
  ackDelays: number[] | null;
  acceptDelays: number[] | null;
}

const delaysOf = (row: StatRow | undefined): Delays => {
  const ack = row?.ackDelays ?? [];
  const accept = row?.acceptDelays ?? [];
  return {
    acknowledged: histogramCount(ack),
    ackP50: histogramPercentile(ack, 0.5),
    ackP90: histogramPercentile(ack, 0.9),
    accepted: histogramCount(accept),
    acceptP50: histogramPercentile(accept, 0.5),
    acceptP90: histogramPercentile(accept, 0.9),
  };
};

/**
 * A territory's (or the platform's) figures over whole months, `from` included, `until` not
 * (first days of months), read from the summaries: the same figures as `readTransferFigures`,
 * delays read from histograms.
 */
/** The three statements a summary read runs (also EXPLAINed by the bench). */
export function summaryReadStatements(scopeId: string, months: { from: string; until: string }) {
  const range = Prisma.sql`"scopeId" = ${scopeId}::uuid AND month >= ${months.from}::date AND month < ${months.until}::date`;
  return {
    transfers: Prisma.sql`
      SELECT dimension, key, sum(sent)::int AS sent, sum(acknowledged)::int AS acknowledged, sum(accepted)::int AS accepted,
             sum(declined)::int AS declined, sum(expired)::int AS expired, sum(cancelled)::int AS cancelled, sum(completed)::int AS completed,
             sum(open)::int AS open, sum(resolved)::int AS resolved,
             toile_histogram_sum("ackDelays") AS "ackDelays", toile_histogram_sum("acceptDelays") AS "acceptDelays"
      FROM "TransferMonthStat" WHERE ${range}
      GROUP BY dimension, key`,
    months: Prisma.sql`
      SELECT to_char(month, 'YYYY-MM') AS month, sent, acknowledged, accepted, declined, expired, cancelled, completed, open, resolved
      FROM "TransferMonthStat" WHERE ${range} AND dimension = 'all'`,
    parcours: Prisma.sql`
      SELECT structures, sum(parcours)::int AS parcours, sum(open)::int AS open, sum(closed)::int AS closed, sum(resolved)::int AS resolved,
             sum("partiallyResolved")::int AS "partiallyResolved", sum("notResolved")::int AS "notResolved", sum(dropped)::int AS dropped,
             sum(unknown)::int AS unknown, toile_histogram_sum("closingDelays") AS "closingDelays"
      FROM "ParcoursMonthStat" WHERE ${range}
      GROUP BY structures`,
  };
}

/**
 * A territory's (or the platform's) figures over whole months, `from` included, `until` not
 * (first days of months), read from the summaries: the same figures as `readTransferFigures`,
 * delays read from histograms.
 */
export async function readSummaryFigures(db: PrismaClient, scopeId: string, months: { from: string; until: string }): Promise<TransferFigures> {
  const statements = summaryReadStatements(scopeId, months);
  const rows = await db.$queryRaw<StatRow[]>(statements.transfers);
  const monthly = await db.$queryRaw<(TransferCounts & { month: string })[]>(statements.months);
  const parcours = await db.$queryRaw<
    { structures: number; parcours: number; open: number; closed: number; resolved: number; partiallyResolved: number; notResolved: number; dropped: number; unknown: number; closingDelays: number[] | null }[]
  >(statements.parcours);

  const of = (dimension: string) => rows.filter((row) => row.dimension === dimension);
  const counted = (dimension: string) => new Map(of(dimension).map((row) => [row.key, countsOf(row)]));
  const total = parcours.reduce(
    (sum, row) => ({
      parcours: sum.parcours + row.parcours,
      open: sum.open + row.open,
      closed: sum.closed + row.closed,
      resolved: sum.resolved + row.resolved,
      partiallyResolved: sum.partiallyResolved + row.partiallyResolved,
      notResolved: sum.notResolved + row.notResolved,
      dropped: sum.dropped + row.dropped,
      unknown: sum.unknown + row.unknown,
    }),
    { parcours: 0, open: 0, closed: 0, resolved: 0, partiallyResolved: 0, notResolved: 0, dropped: 0, unknown: 0 },
  );
  const closing = parcours.reduce<number[]>((sum, row) => (row.closingDelays ?? []).map((count, index) => count + (sum[index] ?? 0)), []);
  const sizes = parcours.map((row) => [row.structures, row.parcours] as const).sort((a, b) => a[0] - b[0]);
  const parcoursFigures: ParcoursFigures = {
    ...total,
    structuresMedian: medianOfDistribution(sizes),
    closingP50: histogramPercentile(closing, 0.5),
    closingP90: histogramPercentile(closing, 0.9),
    byStructures: new Map(sizes),
  };
  const all = of("all")[0];
  return {
    overall: all ? countsOf(all) : NO_TRANSFERS,
    byLevel: counted("level"),
    byNeed: counted("need"),
    byReceiver: counted("receiver"),
    byPair: counted("pair"),
    byMonth: new Map(monthly.map((row) => [row.month, countsOf(row)])),
    byDeclineReason: new Map(of("decline_reason").map((row) => [row.key, row.sent])),
    byOutcome: new Map(of("outcome").map((row) => [row.key, row.sent])),
    delays: delaysOf(all),
    delaysByLevel: new Map(of("level").map((row) => [row.key, delaysOf(row)])),
    delaysByReceiver: new Map(of("receiver").map((row) => [row.key, delaysOf(row)])),
    parcours: parcoursFigures,
    pingPong: of("ping_pong")
      .map((row) => {
        const [sender, receiver] = row.key.split(" ") as [string, string];
        return { sender, receiver, transfers: row.sent };
      })
      .sort((a, b) => b.transfers - a.transfers || a.sender.localeCompare(b.sender) || a.receiver.localeCompare(b.receiver)),
  };
}

/** The median of a distribution given as (value, count) pairs sorted by value, interpolated as percentile_cont does. */
function medianOfDistribution(pairs: readonly (readonly [number, number])[]): number | null {
  const total = pairs.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [value, count] of pairs) {
      seen += count;
      if (rank < seen) return value;
    }
    return pairs.at(-1)![0];
  };
  const position = (total - 1) / 2;
  const low = valueAt(Math.floor(position));
  return low + (valueAt(Math.ceil(position)) - low) * (position - Math.floor(position));
}
