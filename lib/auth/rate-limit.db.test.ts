import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hitRateLimit } from "./rate-limit";

const LIMIT = { limit: 3, windowMs: 60_000 };

describe("hitRateLimit", () => {
  it("allows up to the limit within the window, then says when to retry", async () => {
    const start = new Date("2026-11-22T10:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (const second of [0, 10, 20]) {
      expect(await hitRateLimit(db, "test:a", LIMIT, at(second))).toEqual({ allowed: true, retryAfterMs: 0 });
    }
    expect(await hitRateLimit(db, "test:a", LIMIT, at(30))).toEqual({ allowed: false, retryAfterMs: 30_000 });
    // Another key is counted apart.
    expect((await hitRateLimit(db, "test:b", LIMIT, at(30))).allowed).toBe(true);
    // Once the first hit leaves the window, one more is allowed.
    expect((await hitRateLimit(db, "test:a", LIMIT, at(61))).allowed).toBe(true);
    expect((await hitRateLimit(db, "test:a", LIMIT, at(62))).allowed).toBe(false);
  });

  it("counts concurrent hits exactly", async () => {
    const now = new Date("2026-11-22T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => hitRateLimit(db, "test:concurrent", LIMIT, now)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(3);
  });
});
