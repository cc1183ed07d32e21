import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, newTransferCode, normalizeTransferCode } from "./code";

describe("transfer codes", () => {
  it("look like TR-XXXX-XX, from an alphabet without look-alikes", () => {
    for (let index = 0; index < 200; index++) {
      expect(newTransferCode()).toMatch(/^TR-[34679ACEFGHJKMNPRTWXY]{4}-[34679ACEFGHJKMNPRTWXY]{2}$/);
    }
    for (const lookAlike of "0O1IL2Z5SUVB8QD") expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it("are drawn from the random source given", () => {
    expect(newTransferCode(() => 0)).toBe("TR-3333-33");
    expect(newTransferCode((max) => max - 1)).toBe("TR-YYYY-YY");
  });

  it("are rarely drawn twice: 21⁶ codes, each of the six places drawn on its own", () => {
    expect(CODE_ALPHABET.length ** 6).toBe(85_766_121);
    // A seeded source (mulberry32), so that the same 5,000 draws come every run: no chance here.
    let seed = 20261204;
    const seeded = (max: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
    };
    const codes = new Set(Array.from({ length: 5000 }, () => newTransferCode(seeded)));
    expect(codes.size).toBeGreaterThan(4990);
  });

  it("accept what a person types: case, spaces, dashes, the prefix", () => {
    expect(normalizeTransferCode("TR-7K4Q-2M")).toBeNull(); // Q and 2 are not in the alphabet
    expect(normalizeTransferCode("tr-7k4w-3m")).toBe("TR-7K4W-3M");
    expect(normalizeTransferCode(" 7K4W 3M ")).toBe("TR-7K4W-3M");
    expect(normalizeTransferCode("TR7K4W3M")).toBe("TR-7K4W-3M");
    // A code that itself starts with T and R keeps them.
    expect(normalizeTransferCode("TRA934")).toBe("TR-TRA9-34");
  });

  it("refuse anything that cannot be a code", () => {
    for (const typed of ["", "TR-", "TR-7K4W-3", "TR-7K4W-3MM", "'; DROP TABLE", "<script>", "TR-0000-00"]) {
      expect(normalizeTransferCode(typed)).toBeNull();
    }
  });
});
