/**
 * Runs the transfer timers (lib/transfers/timers.ts) every minute inside the app server, started
 * by instrumentation.ts in the Node runtime, whether or not SMTP is configured: reminders and
 * expiry emails wait in the outbox until SMTP_URL is set.
 *
 * - A run never overlaps the previous one in the same process: a tick is skipped while one runs.
 * - Several app instances may run it at once: each action is a conditional update in its own
 *   transaction, so it happens once (see timers.ts).
 * - Nothing lives in memory: a restart finds in the rows what is due.
 * - An error is logged and the next tick tries again; it never stops the server.
 *
 * Each tick then runs the purges (lib/maintenance/purges.ts): expired rate-limit hits and import
 * jobs, also safe with several instances. A failing purge is logged and does not stop the timers.
 * Then the scheduled steps of appointments, sheets, workshops and update campaigns (lib/maintenance/time-jobs.ts),
 * and the network indicators' monthly summaries that writes made stale (lib/indicators/summary.ts).
 */
import { db } from "@/lib/db";
import { log as serverLog } from "@/lib/log";
import { runPurges, type PurgeCounts } from "@/lib/maintenance/purges";
import { refreshStaleMonths } from "@/lib/indicators/summary";
import { runTimeJobs } from "@/lib/maintenance/time-jobs";
import { runTransferTimers, type TimerCounts } from "./timers";

const TRANSFER_TIMERS_INTERVAL_MS = 60_000;

/** `TOILE_TIMERS_INTERVAL_MS` (1 s – 1 h: the cluster test runs them every few seconds), else a minute. */
export function timersIntervalMs(value = process.env.TOILE_TIMERS_INTERVAL_MS): number {
  const ms = Number(value);
  return Number.isInteger(ms) && ms >= 1_000 && ms <= 3_600_000 ? ms : TRANSFER_TIMERS_INTERVAL_MS;
}

/** The part of the server log (lib/log.ts) the worker writes to: fields, then the message. */
type Log = { info: (fields: object, message: string) => void; error: (fields: object, message: string) => void };

/** `run`, but a call made while the previous one is still going does nothing (and says false). */
export function nonOverlapping(run: () => Promise<void>): () => Promise<boolean> {
  let running = false;
  return async () => {
    if (running) return false;
    running = true;
    try {
      await run();
    } finally {
      running = false;
    }
    return true;
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** "2 rappels « bien reçu », 1 transfert expiré" — empty when nothing happened. */
export function describeCounts(counts: TimerCounts): string {
  return [
    counts.ackReminders && plural(counts.ackReminders, "rappel « bien reçu »", "rappels « bien reçu »"),
    counts.acceptReminders && plural(counts.acceptReminders, "rappel d'acceptation", "rappels d'acceptation"),
    counts.expired && plural(counts.expired, "transfert expiré", "transferts expirés"),
    counts.erased && plural(counts.erased, "transfert clos effacé", "transferts clos effacés"),
    counts.draftsErased && plural(counts.draftsErased, "brouillon effacé", "brouillons effacés"),
    counts.errors && plural(counts.errors, "échec (réessayé à la prochaine minute)", "échecs (réessayés à la prochaine minute)"),
  ]
    .filter(Boolean)
    .join(", ");
}

export interface TransferTimersWorker {
  /** One run now (skipped if one is going); what the interval calls. */
  tick: () => Promise<boolean>;
  stop: () => void;
}

export function startTransferTimers({
  intervalMs = TRANSFER_TIMERS_INTERVAL_MS,
  clock = () => new Date(),
  run = (now: Date) => runTransferTimers(db, now),
  purge = (now: Date) => runPurges(db, now),
  timeJobs = (now: Date) =>
    runTimeJobs(db, now, (name, error) => serverLog.error({ err: error, job: name }, "Étape programmée (rendez-vous, ateliers, campagnes) : échec (réessayée à la prochaine minute)")),
  indicators = () => refreshStaleMonths(db),
  log = serverLog,
}: {
  intervalMs?: number;
  clock?: () => Date;
  run?: (now: Date) => Promise<TimerCounts>;
  purge?: (now: Date) => Promise<PurgeCounts>;
  timeJobs?: (now: Date) => Promise<Record<string, number>>;
  indicators?: () => Promise<number>;
  log?: Log;
} = {}): TransferTimersWorker {
  const tick = nonOverlapping(async () => {
    const now = clock();
    try {
      const counts = await run(now);
      const summary = describeCounts(counts);
      if (summary) log.info({ counts }, `Transferts : ${summary}.`);
    } catch (error) {
      log.error({ err: error }, "Minuteries des transferts : échec (réessayé à la prochaine minute)");
    }
    try {
      await purge(now);
    } catch (error) {
      log.error({ err: error }, "Purges (limites de fréquence, imports abandonnés) : échec (réessayé à la prochaine minute)");
    }
    const counts = await timeJobs(now);
    if (Object.values(counts).some((count) => count > 0)) log.info({ counts }, "Étapes programmées faites (rendez-vous, feuilles, ateliers, campagnes).");
    try {
      await indicators();
    } catch (error) {
      log.error({ err: error }, "Indicateurs : échec du calcul des résumés mensuels (réessayé à la prochaine minute)");
    }
  });
  const timer = setInterval(() => void tick(), intervalMs);
  // The worker never keeps a process alive on its own (tests, scripts).
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}

const globalForWorker = globalThis as unknown as { toileTransferTimers?: TransferTimersWorker };

/** Started once per process, even if instrumentation runs twice (development reloads). */
export function startTransferTimersOnce(): TransferTimersWorker {
  globalForWorker.toileTransferTimers ??= startTransferTimers({ intervalMs: timersIntervalMs() });
  return globalForWorker.toileTransferTimers;
}
