import { describe, expect, it } from "vitest";
import { levelAllowed, transferWarnings, warningsToConfirm, type WarningOffer } from "./warnings";

const now = new Date("2026-11-23T09:00:00Z");
const offer: WarningOffer = {
  acceptsTransfers: true,
  isSaturated: false,
  lastVerifiedAt: new Date("2026-10-01T00:00:00Z"),
  minAge: null,
  maxAge: null,
  publicTerms: [{ id: "t-all", code: "tous-publics", label: "Tous publics" }],
  nextOpeningAt: new Date("2026-11-24T09:00:00Z"),
};
const kinds = (changes: Partial<WarningOffer>, person = {}) =>
  transferWarnings({ ...offer, ...changes }, person, { now, staleAfterMonths: 6 }).map((warning) => warning.kind);

describe("transfer warnings", () => {
  it("says nothing about a fresh offer for everyone that accepts transfers and opens tomorrow", () => {
    expect(kinds({}, { publicTermIds: ["t-young"], ageBand: "26_59" })).toEqual([]);
  });

  it("warns when the offer does not accept transfers, and then allows only a simple transfer", () => {
    expect(kinds({ acceptsTransfers: false })).toEqual(["not_accepting_transfers"]);
    expect(levelAllowed({ acceptsTransfers: false }, "simple")).toBe(true);
    expect(levelAllowed({ acceptsTransfers: false }, "accompanied")).toBe(false);
    expect(levelAllowed({ acceptsTransfers: false }, "augmented")).toBe(false);
    expect(levelAllowed({ acceptsTransfers: true }, "augmented")).toBe(true);
    // It is not one of the warnings to confirm: the level rule covers it.
    expect(warningsToConfirm(transferWarnings({ ...offer, acceptsTransfers: false }, {}, { now, staleAfterMonths: 6 }))).toEqual([]);
  });

  it("warns when the person is not of the offer's public, only when the mediator said which", () => {
    const forSeniors = { publicTerms: [{ id: "t-seniors", code: "seniors", label: "Seniors" }] };
    expect(kinds(forSeniors)).toEqual([]);
    expect(kinds(forSeniors, { publicTermIds: ["t-young"] })).toEqual(["public_not_served"]);
    expect(kinds(forSeniors, { publicTermIds: ["t-young", "t-seniors"] })).toEqual([]);
    expect(kinds({ publicTerms: [] }, { publicTermIds: ["t-young"] })).toEqual([]);
  });

  it("warns when the person's age band is not within the offer's ages", () => {
    expect(kinds({ minAge: 60 }, { ageBand: "26_59" })).toEqual(["age_not_served"]);
    expect(kinds({ minAge: 60 }, { ageBand: "60_plus" })).toEqual([]);
    expect(kinds({ maxAge: 25 }, { ageBand: "16_25" })).toEqual([]);
    expect(kinds({ maxAge: 25 }, { ageBand: "26_59" })).toEqual(["age_not_served"]);
    expect(kinds({ minAge: 18, maxAge: 25 }, { ageBand: "16_25" })).toEqual(["age_not_served"]);
    expect(kinds({ minAge: 60 })).toEqual([]);
  });

  it("warns about stale, saturated and far-off or unknown openings", () => {
    expect(kinds({ lastVerifiedAt: new Date("2026-04-01T00:00:00Z") })).toEqual(["stale"]);
    expect(kinds({ lastVerifiedAt: null })).toEqual(["stale"]);
    expect(kinds({ isSaturated: true })).toEqual(["saturated"]);
    expect(kinds({ nextOpeningAt: new Date("2026-12-20T09:00:00Z") })).toEqual(["no_opening_soon"]);
    expect(kinds({ nextOpeningAt: null })).toEqual(["no_opening_soon"]);
    // No hours at all: nothing to say.
    expect(kinds({ nextOpeningAt: undefined })).toEqual([]);
    const message = transferWarnings({ ...offer, nextOpeningAt: new Date("2026-12-20T09:00:00Z") }, {}, { now, staleAfterMonths: 6 })[0]!.message;
    expect(message).toContain("20 décembre 2026");
  });
});
