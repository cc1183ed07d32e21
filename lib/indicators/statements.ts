/**
 * The transfer indicators' SQL (issue 19): a handful of aggregate statements over `Transfer`, run by
 * PostgreSQL over indexes — `(territoryId, sentAt)`, `(fromStructureId, sentAt)`,
 * `(toStructureId, sentAt)`, `(sentAt)` for the platform, `(parcoursId)` for parcours and
 * ping-pong — so that no transfer row is ever loaded into Node. Each returns a few hundred rows at
 * most (the flows between structures return one per pair that exchanged transfers).
 *
 * The cohort is the transfers **sent** in the period (drafts were never sent): what became of them
 * is read from the row as it is now (accepted, declined, expired, completed with an outcome). A
 * parcours belongs to the period in which its first transfer was sent.
 *
 * Kept as data (`{ name, text, values }`) so that the bench can EXPLAIN exactly what the page runs.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { PLATFORM_SCOPE, summaryReadStatements } from "./summary";

/** Whose transfers: a territory's, those a structure sends or receives, or the whole platform's. */
export type IndicatorScope = { territoryId: string } | { structureId: string } | { platform: true };

export interface StatementPeriod {
  from: Date;
  until: Date;
  /** The zone months are counted in (the territory's; Paris for the platform). */
  timeZone?: string;
}

export type StatementName = "transfers" | "delays" | "parcours" | "ping_pong";

export interface IndicatorStatement {
  name: StatementName;
  sql: Prisma.Sql;
}

const OPEN = Prisma.sql`('sent', 'acknowledged', 'accepted')`;

/** The scope's condition on a transfer aliased `alias`. */
function inScope(scope: IndicatorScope, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  if ("territoryId" in scope) return Prisma.sql`${column("territoryId")} = ${scope.territoryId}::uuid`;
  if ("structureId" in scope) return Prisma.sql`(${column("fromStructureId")} = ${scope.structureId}::uuid OR ${column("toStructureId")} = ${scope.structureId}::uuid)`;
  return Prisma.sql`TRUE`;
}

const sentIn = (period: StatementPeriod, alias: string) =>
  Prisma.sql`${Prisma.raw(`${alias}."sentAt"`)} >= ${period.from} AND ${Prisma.raw(`${alias}."sentAt"`)} < ${period.until}`;

/**
 * Counts of the cohort by dimension, in one pass (GROUPING SETS): overall, by level, by need, by
 * receiver (by territory for the platform), by sender × receiver (the platform's sender is NULL:
 * 30,000 structures make no matrix), by month, by decline reason, by outcome.
 */
function transfersStatement(scope: IndicatorScope, period: StatementPeriod): Prisma.Sql {
  const platform = "platform" in scope;
  const receiver = platform ? Prisma.sql`t."territoryId"` : Prisma.sql`t."toStructureId"`;
  const sender = platform ? Prisma.sql`NULL::uuid` : Prisma.sql`t."fromStructureId"`;
  return Prisma.sql`
    SELECT GROUPING(t.level) = 0 AS by_level, GROUPING(t."needTermId") = 0 AS by_need,
           GROUPING(receiver) = 0 AS by_receiver, GROUPING(sender) = 0 AS by_sender,
           GROUPING(month) = 0 AS by_month, GROUPING(t."declineReason") = 0 AS by_decline_reason,
           GROUPING(t.outcome) = 0 AS by_outcome,
           t.level::text AS level, t."needTermId"::text AS need, receiver::text AS receiver, sender::text AS sender, month,
           t."declineReason"::text AS decline_reason, t.outcome::text AS outcome,
           count(*)::int AS sent,
           count(*) FILTER (WHERE t."acknowledgedAt" IS NOT NULL)::int AS acknowledged,
           count(*) FILTER (WHERE t."acceptedAt" IS NOT NULL)::int AS accepted,
           count(*) FILTER (WHERE t.status = 'declined')::int AS declined,
           count(*) FILTER (WHERE t.status = 'expired')::int AS expired,
           count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled,
           count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
           count(*) FILTER (WHERE t.status IN ${OPEN})::int AS open,
           count(*) FILTER (WHERE t.outcome IN ('resolved', 'partially_resolved'))::int AS resolved
    FROM "Transfer" t
    CROSS JOIN LATERAL (SELECT ${receiver} AS receiver, ${sender} AS sender,
                               to_char((t."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE ${period.timeZone ?? "Europe/Paris"}, 'YYYY-MM') AS month) d
    WHERE ${inScope(scope, "t")} AND ${sentIn(period, "t")}
    GROUP BY GROUPING SETS ((), (t.level), (t."needTermId"), (receiver), (sender, receiver), (month), (t."declineReason"), (t.outcome))`;
}

/** Time to acknowledge and to accept (seconds after sending): median and p90, overall, by level, by receiver. */
function delaysStatement(scope: IndicatorScope, period: StatementPeriod): Prisma.Sql {
  const receiver = "platform" in scope ? Prisma.sql`t."territoryId"` : Prisma.sql`t."toStructureId"`;
  const ack = Prisma.sql`extract(epoch FROM t."acknowledgedAt" - t."sentAt")`;
  const accept = Prisma.sql`extract(epoch FROM t."acceptedAt" - t."sentAt")`;
  return Prisma.sql`
    SELECT GROUPING(t.level) = 0 AS by_level, GROUPING(receiver) = 0 AS by_receiver,
           t.level::text AS level, receiver::text AS receiver,
           count(*) FILTER (WHERE t."acknowledgedAt" IS NOT NULL)::int AS acknowledged,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${ack}) FILTER (WHERE t."acknowledgedAt" IS NOT NULL) AS ack_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${ack}) FILTER (WHERE t."acknowledgedAt" IS NOT NULL) AS ack_p90,
           count(*) FILTER (WHERE t."acceptedAt" IS NOT NULL)::int AS accepted,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${accept}) FILTER (WHERE t."acceptedAt" IS NOT NULL) AS accept_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${accept}) FILTER (WHERE t."acceptedAt" IS NOT NULL) AS accept_p90
    FROM "Transfer" t
    CROSS JOIN LATERAL (SELECT ${receiver} AS receiver) d
    WHERE ${inScope(scope, "t")} AND ${sentIn(period, "t")}
    GROUP BY GROUPING SETS ((), (t.level), (receiver))`;
}

/**
 * Parcours begun in the period (their first transfer sent then; for a structure, those it takes
 * part in): how many structures each went through (distribution, median), how long until the last
 * transfer closed (median, p90, over parcours with nothing open), and how they ended — read from
 * their last transfer: its outcome when completed, "sans suite" when declined, expired or
 * cancelled and nobody sent the person elsewhere.
 */
function parcoursStatement(scope: IndicatorScope, period: StatementPeriod): Prisma.Sql {
  const roots =
    "structureId" in scope
      ? Prisma.sql`SELECT DISTINCT t."parcoursId" AS id FROM "Transfer" t JOIN "Transfer" r ON r.id = t."parcoursId"
                   WHERE ${inScope(scope, "t")} AND ${sentIn(period, "r")}`
      : Prisma.sql`SELECT r.id FROM "Transfer" r WHERE ${inScope(scope, "r")} AND ${sentIn(period, "r")} AND r.id = r."parcoursId"`;
  return Prisma.sql`
    WITH roots AS (${roots}),
    per_parcours AS (
      SELECT t."parcoursId",
             (SELECT count(DISTINCT s) FROM unnest(array_agg(t."fromStructureId") || array_agg(t."toStructureId")) s)::int AS structures,
             bool_or(t.status IN ${OPEN}) AS open,
             extract(epoch FROM max(t."closedAt") - min(t."sentAt")) AS seconds,
             (array_agg(t.status::text ORDER BY t."sentAt" DESC, t.id DESC))[1] AS last_status,
             (array_agg(t.outcome::text ORDER BY t."sentAt" DESC, t.id DESC))[1] AS last_outcome
      FROM "Transfer" t JOIN roots ON t."parcoursId" = roots.id
      WHERE t.status <> 'draft'
      GROUP BY t."parcoursId"
    )
    SELECT GROUPING(least(structures, 5)) = 0 AS by_structures, least(structures, 5) AS structures,
           count(*)::int AS parcours,
           count(*) FILTER (WHERE open)::int AS open,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY structures) AS structures_p50,
           count(*) FILTER (WHERE NOT open)::int AS closed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE NOT open) AS closing_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE NOT open) AS closing_p90,
           count(*) FILTER (WHERE NOT open AND last_outcome = 'resolved')::int AS resolved,
           count(*) FILTER (WHERE NOT open AND last_outcome = 'partially_resolved')::int AS partially_resolved,
           count(*) FILTER (WHERE NOT open AND last_outcome LIKE 'not_resolved%')::int AS not_resolved,
           count(*) FILTER (WHERE NOT open AND last_status IN ('declined', 'expired', 'cancelled'))::int AS dropped,
           count(*) FILTER (WHERE NOT open AND last_status = 'completed' AND (last_outcome IS NULL OR last_outcome = 'unknown'))::int AS unknown
    FROM per_parcours
    GROUP BY GROUPING SETS ((), (least(structures, 5)))`;
}

/**
 * Ping-pong: transfers of the period that send the person to a structure already in their
 * parcours — one that sent or received an earlier transfer of it (B→A after A→B, or B again) —
 * by sender × receiver.
 */
function pingPongStatement(scope: IndicatorScope, period: StatementPeriod): Prisma.Sql {
  return Prisma.sql`
    SELECT t."fromStructureId"::text AS sender, t."toStructureId"::text AS receiver, count(*)::int AS transfers
    FROM "Transfer" t
    WHERE ${inScope(scope, "t")} AND ${sentIn(period, "t")} AND t."parcoursId" <> t.id
      AND EXISTS (SELECT 1 FROM "Transfer" e
                  WHERE e."parcoursId" = t."parcoursId" AND e.id <> t.id AND e."sentAt" < t."sentAt"
                    AND (e."fromStructureId" = t."toStructureId" OR e."toStructureId" = t."toStructureId"))
    GROUP BY t."fromStructureId", t."toStructureId"`;
}

export function indicatorStatements(scope: IndicatorScope, period: StatementPeriod): IndicatorStatement[] {
  return [
    { name: "transfers", sql: transfersStatement(scope, period) },
    { name: "delays", sql: delaysStatement(scope, period) },
    { name: "parcours", sql: parcoursStatement(scope, period) },
    { name: "ping_pong", sql: pingPongStatement(scope, period) },
  ];
}

/**
 * What a dashboard runs for its transfers, as text with `$n` placeholders and their values, for the
 * bench's EXPLAIN: a territory's and the platform's read the monthly summaries (summary.ts), a
 * structure's reads its own transfers. `period` is whole months (first days, `until` excluded).
 */
export function dashboardStatements(scope: IndicatorScope, period: StatementPeriod): { name: string; text: string; values: unknown[] }[] {
  if ("structureId" in scope) return indicatorStatements(scope, period).map(({ name, sql }) => ({ name, text: sql.text, values: sql.values }));
  const months = { from: period.from.toISOString().slice(0, 10), until: period.until.toISOString().slice(0, 10) };
  const scopeId = "territoryId" in scope ? scope.territoryId : PLATFORM_SCOPE;
  return Object.entries(summaryReadStatements(scopeId, months)).map(([name, sql]) => ({ name: `summary_${name}`, text: sql.text, values: sql.values }));
}
