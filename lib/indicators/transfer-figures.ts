/**
 * Runs the transfer indicators' statements (statements.ts) for one scope and period, and reads
 * their rows into plain figures: counts by dimension, delays, parcours, ping-pong. The statements
 * run one after the other on the one client: each is a single aggregate, and a pool shared with the
 * pages is not the place to fan out.
 */
import type { PrismaClient } from "@/lib/db";
import { countsOf, NO_TRANSFERS, type Delays, type ParcoursFigures, type TransferCounts, type TransferFigures } from "./figures";
import { indicatorStatements, type IndicatorScope, type StatementPeriod } from "./statements";

interface TransfersRow extends TransferCounts {
  by_level: boolean;
  by_need: boolean;
  by_receiver: boolean;
  by_sender: boolean;
  by_month: boolean;
  by_decline_reason: boolean;
  by_outcome: boolean;
  level: string | null;
  need: string | null;
  receiver: string | null;
  sender: string | null;
  month: string | null;
  decline_reason: string | null;
  outcome: string | null;
}

interface DelaysRow {
  by_level: boolean;
  by_receiver: boolean;
  level: string | null;
  receiver: string | null;
  acknowledged: number;
  ack_p50: number | null;
  ack_p90: number | null;
  accepted: number;
  accept_p50: number | null;
  accept_p90: number | null;
}

interface ParcoursRow {
  by_structures: boolean;
  structures: number | null;
  parcours: number;
  open: number;
  structures_p50: number | null;
  closed: number;
  closing_p50: number | null;
  closing_p90: number | null;
  resolved: number;
  partially_resolved: number;
  not_resolved: number;
  dropped: number;
  unknown: number;
}


const delaysOf = (row: DelaysRow | undefined): Delays => ({
  acknowledged: row?.acknowledged ?? 0,
  ackP50: row?.ack_p50 ?? null,
  ackP90: row?.ack_p90 ?? null,
  accepted: row?.accepted ?? 0,
  acceptP50: row?.accept_p50 ?? null,
  acceptP90: row?.accept_p90 ?? null,
});

export async function readTransferFigures(db: PrismaClient, scope: IndicatorScope, period: StatementPeriod): Promise<TransferFigures> {
  const statements = Object.fromEntries(indicatorStatements(scope, period).map(({ name, sql }) => [name, sql]));
  const transfers = await db.$queryRaw<TransfersRow[]>(statements.transfers!);
  const delays = await db.$queryRaw<DelaysRow[]>(statements.delays!);
  const parcours = await db.$queryRaw<ParcoursRow[]>(statements.parcours!);
  const pingPong = await db.$queryRaw<{ sender: string; receiver: string; transfers: number }[]>(statements.ping_pong!);

  const figures: TransferFigures = {
    overall: NO_TRANSFERS,
    byLevel: new Map(),
    byNeed: new Map(),
    byReceiver: new Map(),
    byPair: new Map(),
    byMonth: new Map(),
    byDeclineReason: new Map(),
    byOutcome: new Map(),
    delays: delaysOf(delays.find((row) => !row.by_level && !row.by_receiver)),
    delaysByLevel: new Map(delays.filter((row) => row.by_level).map((row) => [row.level!, delaysOf(row)])),
    delaysByReceiver: new Map(delays.filter((row) => row.by_receiver).map((row) => [row.receiver!, delaysOf(row)])),
    parcours: parcoursOf(parcours),
    pingPong: pingPong.sort((a, b) => b.transfers - a.transfers || a.sender.localeCompare(b.sender) || a.receiver.localeCompare(b.receiver)),
  };
  for (const row of transfers) {
    const counts = countsOf(row);
    if (row.by_sender && row.by_receiver) {
      if (row.sender) figures.byPair.set(`${row.sender} ${row.receiver}`, counts);
    }
    else if (row.by_level) figures.byLevel.set(row.level!, counts);
    else if (row.by_need) figures.byNeed.set(row.need ?? "", counts);
    else if (row.by_receiver) figures.byReceiver.set(row.receiver!, counts);
    else if (row.by_month) figures.byMonth.set(row.month!, counts);
    else if (row.by_decline_reason) {
      if (row.decline_reason) figures.byDeclineReason.set(row.decline_reason, counts.sent);
    } else if (row.by_outcome) {
      if (row.outcome) figures.byOutcome.set(row.outcome, counts.sent);
    } else figures.overall = counts;
  }
  return figures;
}

function parcoursOf(rows: ParcoursRow[]): ParcoursFigures {
  const total = rows.find((row) => !row.by_structures);
  return {
    parcours: total?.parcours ?? 0,
    open: total?.open ?? 0,
    closed: total?.closed ?? 0,
    structuresMedian: total?.structures_p50 ?? null,
    closingP50: total?.closing_p50 ?? null,
    closingP90: total?.closing_p90 ?? null,
    resolved: total?.resolved ?? 0,
    partiallyResolved: total?.partially_resolved ?? 0,
    notResolved: total?.not_resolved ?? 0,
    dropped: total?.dropped ?? 0,
    unknown: total?.unknown ?? 0,
    byStructures: new Map(rows.filter((row) => row.by_structures).map((row) => [row.structures!, row.parcours])),
  };
}
