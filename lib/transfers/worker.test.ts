import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TimerCounts } from "./timers";
import { describeCounts, nonOverlapping, startTransferTimers, timersIntervalMs } from "./worker";

const startTransferTimersOnce = vi.hoisted(() => vi.fn());
const startOutboxWorker = vi.hoisted(() => vi.fn());
vi.mock("@/lib/transfers/worker", async (importOriginal) => ({ ...(await importOriginal<object>()), startTransferTimersOnce }));
vi.mock("@/lib/email/worker", () => ({ startOutboxWorker }));

const NONE: TimerCounts = { expired: 0, acceptReminders: 0, ackReminders: 0, erased: 0, draftsErased: 0, errors: 0 };
const purge = vi.fn(async () => ({ rateLimitHits: 0, importJobs: 0, reporterAddresses: 0 }));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("nonOverlapping", () => {
  it("skips a call while the previous one runs, then runs again", async () => {
    const gate = deferred();
    const run = vi.fn(() => gate.promise);
    const tick = nonOverlapping(run);
    const first = tick();
    expect(await tick()).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
    gate.resolve();
    expect(await first).toBe(true);
    expect(await tick()).toBe(true);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("runs again after a failure", async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error("panne")).mockResolvedValue(undefined);
    const tick = nonOverlapping(run);
    await expect(tick()).rejects.toThrow("panne");
    expect(await tick()).toBe(true);
  });
});

/** The scheduled steps of appointments and workshops, which would read the database: none here. */
const timeJobs = async () => ({});
/** The indicators' refresh, which would read the database: nothing to do here. */
const indicators = async () => 0;

describe("startTransferTimers", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs every minute with the clock's time, logs what it did, and keeps going after an error", async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const now = new Date("2026-11-24T15:00:00Z");
    const run = vi
      .fn<(now: Date) => Promise<TimerCounts>>()
      .mockResolvedValueOnce({ ...NONE, ackReminders: 2, expired: 1 })
      .mockRejectedValueOnce(new Error("base injoignable"))
      .mockResolvedValue(NONE);
    const worker = startTransferTimers({ run, purge, timeJobs, indicators, log, clock: () => now });

    await vi.advanceTimersByTimeAsync(59_999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledWith(now);
    expect(log.info).toHaveBeenCalledWith({ counts: { ...NONE, ackReminders: 2, expired: 1 } }, "Transferts : 2 rappels « bien reçu », 1 transfert expiré.");

    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.error).toHaveBeenCalledWith({ err: new Error("base injoignable") }, "Minuteries des transferts : échec (réessayé à la prochaine minute)");

    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    expect(log.info).toHaveBeenCalledTimes(1); // nothing to say when nothing happened
    worker.stop();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("purges once per tick with the tick's time, after the timers, even when the timers fail; a failing purge is logged", async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const order: string[] = [];
    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 10, 24, 15, minute++));
    const run = vi
      .fn<(now: Date) => Promise<TimerCounts>>()
      .mockImplementationOnce(async () => {
        order.push("timers");
        return NONE;
      })
      .mockRejectedValueOnce(new Error("base injoignable"))
      .mockResolvedValue(NONE);
    const purges = vi
      .fn<(now: Date) => Promise<{ rateLimitHits: number; importJobs: number; reporterAddresses: number }>>()
      .mockImplementationOnce(async () => {
        order.push("purges");
        return { rateLimitHits: 3, importJobs: 1, reporterAddresses: 0 };
      })
      .mockResolvedValueOnce({ rateLimitHits: 0, importJobs: 0, reporterAddresses: 0 })
      .mockRejectedValueOnce(new Error("verrou"))
      .mockResolvedValue({ rateLimitHits: 0, importJobs: 0, reporterAddresses: 0 });
    const worker = startTransferTimers({ run, purge: purges, timeJobs, indicators, log, clock });

    await vi.advanceTimersByTimeAsync(60_000);
    expect(order).toEqual(["timers", "purges"]);
    expect(purges).toHaveBeenLastCalledWith(run.mock.calls[0]![0]);
    expect(purges.mock.calls[0]![0]).toEqual(new Date(Date.UTC(2026, 10, 24, 15, 0)));

    await vi.advanceTimersByTimeAsync(60_000); // the timers fail: the purge still runs
    expect(purges).toHaveBeenCalledTimes(2);
    expect(purges.mock.calls[1]![0]).toEqual(new Date(Date.UTC(2026, 10, 24, 15, 1)));

    await vi.advanceTimersByTimeAsync(60_000); // the purge fails: logged, and the next tick runs both
    expect(log.error).toHaveBeenCalledWith({ err: new Error("verrou") }, "Purges (limites de fréquence, imports abandonnés) : échec (réessayé à la prochaine minute)");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(4);
    expect(purges).toHaveBeenCalledTimes(4);
    worker.stop();
  });

  it("runs the scheduled steps of appointments and workshops after the purges, with the tick's time, and logs their counts; then the indicators' summaries, a failure logged", async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const order: string[] = [];
    const now = new Date("2026-11-24T15:00:00Z");
    const steps = vi.fn(async (at: Date) => {
      order.push(`steps ${at.toISOString()}`);
      return { heldSlotsReleased: 2, reminders: 0 };
    });
    const worker = startTransferTimers({
      run: async () => (order.push("timers"), NONE),
      purge: async () => (order.push("purges"), { rateLimitHits: 0, importJobs: 0, reporterAddresses: 0 }),
      timeJobs: steps,
      indicators: async () => {
        order.push("indicators");
        throw new Error("base injoignable");
      },
      log,
      clock: () => now,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(order).toEqual(["timers", "purges", "steps 2026-11-24T15:00:00.000Z", "indicators"]);
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, "Indicateurs : échec du calcul des résumés mensuels (réessayé à la prochaine minute)");
    expect(log.info).toHaveBeenCalledWith({ counts: { heldSlotsReleased: 2, reminders: 0 } }, "Étapes programmées faites (rendez-vous, feuilles, ateliers, campagnes).");
    worker.stop();
  });

  it("skips ticks while a long run is still going", async () => {
    const gate = deferred();
    const run = vi.fn(async () => {
      await gate.promise;
      return NONE;
    });
    const worker = startTransferTimers({ run, purge, timeJobs, indicators, log: { info: vi.fn(), error: vi.fn() } });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    gate.resolve();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    worker.stop();
  });
});

describe("describeCounts", () => {
  it("says what happened in French, and nothing when nothing did", () => {
    expect(describeCounts(NONE)).toBe("");
    expect(describeCounts({ ackReminders: 1, acceptReminders: 3, expired: 2, erased: 1, draftsErased: 4, errors: 1 })).toBe(
      "1 rappel « bien reçu », 3 rappels d'acceptation, 2 transferts expirés, 1 transfert clos effacé, 4 brouillons effacés, " +
        "1 échec (réessayé à la prochaine minute)",
    );
  });
});

describe("instrumentation's register", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    startTransferTimersOnce.mockClear();
    startOutboxWorker.mockClear();
  });
  afterEach(() => {
    process.env = { ...saved };
  });
  const register = async (env: Record<string, string | undefined>) => {
    process.env = { ...saved, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    const { register } = await import("@/instrumentation");
    await register();
  };

  it("starts the transfer timers in the Node runtime without SMTP, and the outbox worker only with SMTP", async () => {
    await register({ NEXT_RUNTIME: "nodejs", NEXT_PHASE: undefined, SMTP_URL: undefined });
    expect(startTransferTimersOnce).toHaveBeenCalledTimes(1);
    expect(startOutboxWorker).not.toHaveBeenCalled();

    await register({ NEXT_RUNTIME: "nodejs", NEXT_PHASE: undefined, SMTP_URL: "smtp://localhost:2525" });
    expect(startTransferTimersOnce).toHaveBeenCalledTimes(2);
    expect(startOutboxWorker).toHaveBeenCalledWith("smtp://localhost:2525");
  });

  it("starts nothing during `next build` or in the edge runtime", async () => {
    await register({ NEXT_RUNTIME: "nodejs", NEXT_PHASE: "phase-production-build", SMTP_URL: "smtp://localhost:2525" });
    await register({ NEXT_RUNTIME: "edge", NEXT_PHASE: undefined, SMTP_URL: "smtp://localhost:2525" });
    expect(startTransferTimersOnce).not.toHaveBeenCalled();
    expect(startOutboxWorker).not.toHaveBeenCalled();
  });
});

describe("timersIntervalMs", () => {
  it("is a minute unless TOILE_TIMERS_INTERVAL_MS says otherwise, within 1 s and an hour", () => {
    expect(timersIntervalMs(undefined)).toBe(60_000);
    expect(timersIntervalMs("3000")).toBe(3_000);
    for (const wrong of ["", "0", "999", "3600001", "1.5", "abc"]) expect(timersIntervalMs(wrong)).toBe(60_000);
  });
});
