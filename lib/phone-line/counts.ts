/**
 * The phone line's counts for the territory's follow-up (shown by the activity page): no request's
 * words, no message — calls in the period, calls per phone permanence (per line and day of the
 * territory's calendar), calls per outcome, the share redirected to a partner, the median duration.
 * `range`: instants, `from` included, `until` not.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PhoneCallOutcome } from "@/lib/generated/prisma/enums";

export interface CallCounts {
  calls: number;
  /** One row per line and day with calls, the latest day first. */
  perPermanence: { offerId: string; lineTitle: string; day: string; calls: number }[];
  byOutcome: Record<PhoneCallOutcome | "none", number>;
  /** Redirected ÷ calls; null without calls. */
  redirectedShare: number | null;
  /** Over the calls ended (with a duration); null when none. */
  medianDurationSeconds: number | null;
}

export async function callCounts(db: PrismaClient, territoryId: string, range: { from: Date; until: Date }, timeZone: string): Promise<CallCounts> {
  const where = { territoryId, startedAt: { gte: range.from, lt: range.until } };
  const [calls, outcomes, perDay, median] = await Promise.all([
    db.phoneCall.count({ where }),
    db.phoneCall.groupBy({ by: ["outcome"], where, _count: { _all: true } }),
    db.$queryRaw<{ offerId: string; day: string; calls: bigint }[]>`
      SELECT "offerId"::text AS "offerId", to_char(("startedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*) AS calls
      FROM "PhoneCall"
      WHERE "territoryId" = ${territoryId}::uuid AND "startedAt" >= ${range.from} AND "startedAt" < ${range.until}
      GROUP BY 1, 2
      ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationSeconds")::float8 AS median
      FROM "PhoneCall"
      WHERE "territoryId" = ${territoryId}::uuid AND "startedAt" >= ${range.from} AND "startedAt" < ${range.until} AND "durationSeconds" IS NOT NULL`,
  ]);
  const byOutcome: CallCounts["byOutcome"] = { answered_on_phone: 0, come_to_permanence: 0, appointment_given: 0, redirected: 0, other: 0, none: 0 };
  for (const row of outcomes) byOutcome[row.outcome ?? "none"] = row._count._all;
  const titles = new Map(
    (await db.offer.findMany({ where: { id: { in: [...new Set(perDay.map((row) => row.offerId))] } }, select: { id: true, title: true } })).map((offer) => [offer.id, offer.title]),
  );
  const medianValue = median[0]?.median;
  return {
    calls,
    perPermanence: perDay.map((row) => ({ offerId: row.offerId, lineTitle: titles.get(row.offerId) ?? "", day: row.day, calls: Number(row.calls) })),
    byOutcome,
    redirectedShare: calls === 0 ? null : byOutcome.redirected / calls,
    medianDurationSeconds: medianValue === null || medianValue === undefined ? null : Math.round(medianValue),
  };
}
