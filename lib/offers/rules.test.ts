import { describe, expect, it } from "vitest";
import { isStale } from "./rules";

const now = new Date("2026-11-22T10:00:00Z");

describe("isStale", () => {
  it("is stale when never verified", () => {
    expect(isStale(null, 6, now)).toBe(true);
  });

  it("is fresh within the threshold and stale beyond it", () => {
    expect(isStale(new Date("2026-05-23T10:00:00Z"), 6, now)).toBe(false);
    expect(isStale(new Date("2026-05-21T10:00:00Z"), 6, now)).toBe(true);
  });

  it("follows the territory's own threshold", () => {
    const verified = new Date("2026-08-01T00:00:00Z");
    expect(isStale(verified, 6, now)).toBe(false);
    expect(isStale(verified, 3, now)).toBe(true);
  });
});
