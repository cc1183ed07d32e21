/**
 * Runs the import jobs (jobs.ts) inside the app server: every couple of seconds from
 * instrumentation.ts, and at once when a job is queued or confirmed (`kickImportWorker`, not
 * awaited), so that a person does not wait for the next tick.
 *
 * - A run never overlaps the previous one in the same process; a kick during a run makes the run
 *   look again when it ends, so a job queued meanwhile is not left for the next tick.
 * - Several app instances may run it at once: each job is claimed by one of them (jobs.ts).
 * - Nothing lives in memory: a restart finds in the rows what is waiting, and a job whose
 *   instance died is taken again once its lease has passed.
 * - An error is logged and stored on the job as a code; it never stops the server.
 */
import { db } from "@/lib/db";
import { log as serverLog } from "@/lib/log";
import { runImportJobs, type ImportJobOutcome } from "./jobs";

const IMPORT_WORKER_INTERVAL_MS = 2_000;

type Log = { error: (fields: object, message: string) => void };

export interface ImportWorker {
  /** One run now, or, if one is going, another right after it. Resolves when the runs are over. */
  kick: () => Promise<void>;
  stop: () => void;
}

/** `run` never twice at once; a call during a run asks for one more run after it (calls meanwhile coalesce). */
export function coalescing(run: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await run();
    } while (again);
  };
  return () => {
    if (current) {
      again = true;
      return current;
    }
    current = loop().finally(() => {
      current = null;
    });
    return current;
  };
}

export function startImportWorker({
  intervalMs = IMPORT_WORKER_INTERVAL_MS,
  clock = () => new Date(),
  run = (onError: (error: unknown) => void) => runImportJobs(db, { clock, onError }),
  log = serverLog,
}: {
  intervalMs?: number;
  clock?: () => Date;
  run?: (onError: (error: unknown) => void) => Promise<ImportJobOutcome[]>;
  log?: Log;
} = {}): ImportWorker {
  const kick = coalescing(async () => {
    try {
      await run((error) => log.error({ err: error }, "Import : échec d'une tâche (enregistré sur la tâche)"));
    } catch (error) {
      log.error({ err: error }, "Imports : échec (réessayé au prochain passage)");
    }
  });
  const timer = setInterval(() => void kick(), intervalMs);
  // The worker never keeps a process alive on its own (tests, scripts).
  timer.unref();
  return { kick, stop: () => clearInterval(timer) };
}

const globalForWorker = globalThis as unknown as { toileImportWorker?: ImportWorker };

/** Started once per process, even if instrumentation runs twice (development reloads). */
export function startImportWorkerOnce(): ImportWorker {
  globalForWorker.toileImportWorker ??= startImportWorker();
  return globalForWorker.toileImportWorker;
}

/** A job was queued or confirmed: run the worker now in this process, without waiting for it. */
export function kickImportWorker(): void {
  void startImportWorkerOnce().kick();
}
