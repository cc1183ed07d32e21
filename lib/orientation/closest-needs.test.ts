import { describe, expect, it } from "vitest";
import { closestNeeds, editDistance } from "./closest-needs";

describe("the needs closest to words that mean none", () => {
  it("counts edits, and stops counting past the limit", () => {
    expect(editDistance("impots", "impots", 2)).toBe(0);
    expect(editDistance("imptos", "impots", 2)).toBe(2);
    expect(editDistance("logmnt", "logement", 2)).toBe(2);
    expect(editDistance("abcdefgh", "zzzzzzzz", 2)).toBe(3);
  });

  it("offers the needs two edits away or sharing their first letters, best first", () => {
    expect(closestNeeds("declaraiton dimpto").map(({ slug }) => slug)).toContain("impots");
    expect(closestNeeds("reparasion").map(({ slug }) => slug)[0]).toBe("reparer-ou-s-equiper");
    expect(closestNeeds("logmnt").map(({ slug }) => slug)).toContain("logement");
  });

  it("offers nothing for words far from every need, or too short", () => {
    expect(closestNeeds("xqzwv")).toEqual([]);
    expect(closestNeeds("ab")).toEqual([]);
  });
});
