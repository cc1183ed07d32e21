import { describe, expect, it, vi } from "vitest";
import { coalescing, startImportWorker } from "./worker";

const later = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe("coalescing", () => {
  it("never runs twice at once; kicks during a run make exactly one more run after it", async () => {
    const gates = [later(), later()];
    let runs = 0;
    let running = 0;
    let most = 0;
    const kick = coalescing(async () => {
      running += 1;
      most = Math.max(most, running);
      await gates[runs++]?.promise;
      running -= 1;
    });
    const first = kick();
    const second = kick();
    const third = kick();
    gates[0]!.release();
    gates[1]!.release();
    await Promise.all([first, second, third]);
    expect(runs).toBe(2);
    expect(most).toBe(1);
    await kick();
    expect(runs).toBe(3);
  });
});

describe("startImportWorker", () => {
  it("runs the jobs at each tick and logs a failing run without stopping", async () => {
    vi.useFakeTimers();
    try {
      const log = { error: vi.fn() };
      const run = vi.fn().mockRejectedValueOnce(new Error("base indisponible")).mockResolvedValue([]);
      const worker = startImportWorker({ intervalMs: 2000, run, log });
      await vi.advanceTimersByTimeAsync(2000);
      expect(log.error).toHaveBeenCalledWith({ err: new Error("base indisponible") }, "Imports : échec (réessayé au prochain passage)");
      await vi.advanceTimersByTimeAsync(2000);
      expect(run).toHaveBeenCalledTimes(2);
      await worker.kick();
      expect(run).toHaveBeenCalledTimes(3);
      worker.stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(run).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
