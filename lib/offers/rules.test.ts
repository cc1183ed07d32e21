import { describe, expect, it } from "vitest";
import { isStale, publishProblems } from "./rules";

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

describe("publishProblems", () => {
  it("lets an offer with a need, a way to come and a place be published", () => {
    expect(publishProblems({ needs: 1, accessModes: ["sans-rendez-vous"], places: 1 })).toEqual([]);
  });

  it("accepts an offer without place when it is given at a distance", () => {
    expect(publishProblems({ needs: 2, accessModes: ["a-distance"], places: 0 })).toEqual([]);
  });

  it("says each thing that is missing", () => {
    expect(publishProblems({ needs: 0, accessModes: [], places: 0 })).toEqual([
      "Cochez au moins un besoin auquel l'offre répond.",
      "Dites comment venir (accès libre, sans rendez-vous, sur rendez-vous…).",
      "Choisissez au moins un lieu, ou indiquez que l'offre se fait à distance.",
    ]);
    expect(publishProblems({ needs: 1, accessModes: ["sur-rendez-vous"], places: 0 })).toEqual([
      "Choisissez au moins un lieu, ou indiquez que l'offre se fait à distance.",
    ]);
  });
});
