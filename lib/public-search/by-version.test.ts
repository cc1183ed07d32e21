import { describe, expect, it } from "vitest";
import { ByVersion } from "./by-version";

describe("ByVersion", () => {
  it("keeps a value while its version holds, and loads it again when the version moves", async () => {
    const cache = new ByVersion<string>(10);
    let loads = 0;
    const load = (text: string) => async () => {
      loads++;
      return text;
    };
    expect(await cache.get("offre", 1, load("a"))).toBe("a");
    expect(await cache.get("offre", 1, load("b"))).toBe("a");
    expect(await cache.get("offre", 2, load("c"))).toBe("c");
    expect(loads).toBe(2);
  });

  it("shares one load between concurrent askers, and forgets a load that failed", async () => {
    const cache = new ByVersion<number>(10);
    let loads = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5));
    expect(await Promise.all([cache.get("k", 1, slow), cache.get("k", 1, slow)])).toEqual([1, 1]);
    await expect(cache.get("x", 1, () => Promise.reject(new Error("base injoignable")))).rejects.toThrow("base injoignable");
    expect(await cache.get("x", 1, async () => 7)).toBe(7);
  });

  it("drops the least recently used entry beyond its size", async () => {
    const cache = new ByVersion<string>(2);
    await cache.get("a", 1, async () => "a1");
    await cache.get("b", 1, async () => "b1");
    await cache.get("a", 1, async () => "a2"); // a used again: b is now the oldest
    await cache.get("c", 1, async () => "c1");
    expect(await cache.get("a", 1, async () => "a3")).toBe("a1");
    expect(await cache.get("b", 1, async () => "b2")).toBe("b2");
  });
});
