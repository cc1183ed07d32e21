import { describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { runTimeJobs } from "./time-jobs";

const db = {} as PrismaClient;

describe("runTimeJobs", () => {
  it("runs every step with the same clock, and a failing step neither stops the others nor hides its name", async () => {
    const now = new Date("2026-11-24T15:00:00Z");
    const seen: Date[] = [];
    const onError = vi.fn();
    const counts = await runTimeJobs(db, now, onError, {
      first: async (_db, at) => (seen.push(at), 3),
      broken: async () => {
        throw new Error("verrou");
      },
      last: async (_db, at) => (seen.push(at), 0),
    });
    expect(counts).toEqual({ first: 3, last: 0 });
    expect(seen).toEqual([now, now]);
    expect(onError).toHaveBeenCalledWith("broken", new Error("verrou"));
  });
});
