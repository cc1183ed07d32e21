/**
 * Opening statuses kept with their schedules, for the public search and the orientation assistant:
 * an index's schedules do not change (a write loads a new index), and the offers asked about are
 * mostly the same from one search to the next.
 */
import { addDays } from "./holidays";
import { localTime, openingStatus, zonedInstant, type OpeningStatus, type Schedule } from "./rules";

/**
 * A schedule's status holds from the instant it was computed until the schedule closes (open) or
 * opens (closed); with no opening within the horizon, until the horizon moves (next local day).
 * The page's offers are mostly the same from one search to the next: their statuses are kept.
 */
const HORIZON_DAYS = 31;
const knownStatuses = new WeakMap<Schedule, { status: OpeningStatus; from: number; until: number }>();
/** A schedule's opening status at `now` (31 days ahead), kept until it changes. */
export function statusAt(schedule: Schedule, now: Date): OpeningStatus {
  const instant = now.getTime();
  const known = knownStatuses.get(schedule);
  if (known && known.from <= instant && instant < known.until) return known.status;
  const status = openingStatus(schedule, now, HORIZON_DAYS);
  const changesAt = status.open ? status.closesAt : status.nextOpensAt ?? zonedInstant(addDays(localTime(now, schedule.timeZone).date, 1), 0, schedule.timeZone);
  knownStatuses.set(schedule, { status, from: instant, until: changesAt.getTime() });
  return status;
}
