/**
 * The transfers' figures as both readers give them (issue 19): `readTransferFigures` from the
 * transfers themselves (a structure's dashboard, and the tests' reference), `readSummaryFigures`
 * from the monthly summaries (a territory's and the platform's). The dashboard turns them into tables.
 */

export interface TransferCounts {
  sent: number;
  acknowledged: number;
  accepted: number;
  declined: number;
  expired: number;
  cancelled: number;
  completed: number;
  open: number;
  /** Completed with the need resolved, in full or in part. */
  resolved: number;
}

export interface Delays {
  acknowledged: number;
  ackP50: number | null;
  ackP90: number | null;
  accepted: number;
  acceptP50: number | null;
  acceptP90: number | null;
}

export interface ParcoursFigures {
  parcours: number;
  open: number;
  closed: number;
  structuresMedian: number | null;
  closingP50: number | null;
  closingP90: number | null;
  resolved: number;
  partiallyResolved: number;
  notResolved: number;
  /** Ended on a declined, expired or cancelled transfer that nobody followed with another. */
  dropped: number;
  unknown: number;
  /** Parcours by number of structures (5 stands for 5 or more). */
  byStructures: Map<number, number>;
}

export interface TransferFigures {
  overall: TransferCounts;
  byLevel: Map<string, TransferCounts>;
  /** Keyed by need term id; "" for transfers without a need term. */
  byNeed: Map<string, TransferCounts>;
  /** Keyed by receiving structure id (territory id for the platform). */
  byReceiver: Map<string, TransferCounts>;
  /** Keyed by "senderId receiverId"; empty for the platform. */
  byPair: Map<string, TransferCounts>;
  /** Keyed by "YYYY-MM" in the territory's zone. */
  byMonth: Map<string, TransferCounts>;
  byDeclineReason: Map<string, number>;
  byOutcome: Map<string, number>;
  delays: Delays;
  delaysByLevel: Map<string, Delays>;
  delaysByReceiver: Map<string, Delays>;
  parcours: ParcoursFigures;
  /** Transfers sending a person back to a structure already in their parcours, by pair. */
  pingPong: { sender: string; receiver: string; transfers: number }[];
}

export const NO_TRANSFERS: TransferCounts = { sent: 0, acknowledged: 0, accepted: 0, declined: 0, expired: 0, cancelled: 0, completed: 0, open: 0, resolved: 0 };

/** The counts of a row that carries more columns (a dimension, a key). */
export const countsOf = (row: TransferCounts): TransferCounts => ({
  sent: row.sent,
  acknowledged: row.acknowledged,
  accepted: row.accepted,
  declined: row.declined,
  expired: row.expired,
  cancelled: row.cancelled,
  completed: row.completed,
  open: row.open,
  resolved: row.resolved,
});
