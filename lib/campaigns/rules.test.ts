import { describe, expect, it } from "vitest";
import { campaignCounts, campaignEnd, isOpen, launchProblems, reminderDue, structuresInScope, targetState } from "./rules";

const NOW = new Date("2027-03-01T09:00:00Z");
const DAY = 24 * 60 * 60_000;

describe("launchProblems", () => {
  it("takes today in the territory's zone: just after midnight in Paris is already the next day", () => {
    const parisMidnight = new Date("2027-02-28T23:30:00Z");
    expect(launchProblems({ endsOn: "2027-02-28", temporaryFrom: null, temporaryUntil: null }, parisMidnight, "Europe/Paris")).toEqual([{ field: "endsOn", code: "campaign.ends_in_past" }]);
    expect(launchProblems({ endsOn: "2027-03-01", temporaryFrom: null, temporaryUntil: null }, parisMidnight, "Europe/Paris")).toEqual([]);
  });
  it("refuses more than a year, for the campaign and for its period", () => {
    expect(launchProblems({ endsOn: "2028-03-03", temporaryFrom: "2027-06-01", temporaryUntil: "2028-06-02" }, NOW, "Europe/Paris")).toEqual([
      { field: "endsOn", code: "campaign.too_long" },
      { field: "temporaryUntil", code: "campaign.too_long" },
    ]);
  });
});

describe("campaignEnd", () => {
  it("is the midnight after the last day, in the territory's zone (summer and winter time)", () => {
    expect(campaignEnd("2027-03-21", "Europe/Paris")).toEqual(new Date("2027-03-21T23:00:00Z"));
    expect(campaignEnd("2027-07-14", "Europe/Paris")).toEqual(new Date("2027-07-14T22:00:00Z"));
  });
});

describe("structuresInScope", () => {
  const fresh = new Date("2027-02-01T00:00:00Z");
  const old = new Date("2026-01-01T00:00:00Z");
  const candidates = [
    { id: "a", lastVerifiedAt: fresh, offers: [{ lastVerifiedAt: fresh }] },
    { id: "b", lastVerifiedAt: old, offers: [] },
    { id: "c", lastVerifiedAt: fresh, offers: [{ lastVerifiedAt: fresh }, { lastVerifiedAt: null }] },
  ];
  it("takes every structure, the stale ones (card or any offer), or the chosen ones of the territory only", () => {
    expect(structuresInScope("all", candidates, { staleAfterMonths: 6, now: NOW })).toEqual(["a", "b", "c"]);
    expect(structuresInScope("stale", candidates, { staleAfterMonths: 6, now: NOW })).toEqual(["b", "c"]);
    expect(structuresInScope("chosen", candidates, { chosen: ["c", "elsewhere"], staleAfterMonths: 6, now: NOW })).toEqual(["c"]);
  });
});

describe("reminderDue", () => {
  const campaign = { reminderAfterDays: 7, maxReminders: 2, endsAt: new Date(NOW.getTime() + 30 * DAY), closedAt: null };
  const target = { sentAt: NOW, lastRemindedAt: null, remindersSent: 0, completedAt: null };
  it("counts the delay from the last email, stops at the maximum, for finished structures and after the end", () => {
    expect(reminderDue(target, campaign, new Date(NOW.getTime() + 7 * DAY - 1))).toBe(false);
    expect(reminderDue(target, campaign, new Date(NOW.getTime() + 7 * DAY))).toBe(true);
    const reminded = { ...target, lastRemindedAt: new Date(NOW.getTime() + 7 * DAY), remindersSent: 1 };
    expect(reminderDue(reminded, campaign, new Date(NOW.getTime() + 10 * DAY))).toBe(false);
    expect(reminderDue(reminded, campaign, new Date(NOW.getTime() + 14 * DAY))).toBe(true);
    expect(reminderDue({ ...reminded, remindersSent: 2 }, campaign, new Date(NOW.getTime() + 29 * DAY))).toBe(false);
    expect(reminderDue({ ...target, completedAt: NOW }, campaign, new Date(NOW.getTime() + 8 * DAY))).toBe(false);
    expect(reminderDue(target, { ...campaign, maxReminders: 0 }, new Date(NOW.getTime() + 8 * DAY))).toBe(false);
    expect(reminderDue(target, campaign, new Date(NOW.getTime() + 31 * DAY))).toBe(false);
    expect(reminderDue({ ...target, sentAt: null }, campaign, new Date(NOW.getTime() + 8 * DAY))).toBe(false);
  });
});

describe("a structure's state and the campaign's counts", () => {
  it("reads answers against items", () => {
    expect(targetState({ items: 3, answers: [] })).toBe("no_answer");
    expect(targetState({ items: 3, answers: ["unchanged"] })).toBe("in_progress");
    expect(targetState({ items: 2, answers: ["unchanged", "unchanged"] })).toBe("answered_unchanged");
    expect(targetState({ items: 2, answers: ["unchanged", "temporary"] })).toBe("answered_changed");
    // An offer removed since (archived) is no longer an item, its answer still counts.
    expect(targetState({ items: 1, answers: ["unchanged", "removed"] })).toBe("answered_changed");
    expect(campaignCounts(["no_answer", "in_progress", "answered_unchanged", "answered_changed", "answered_changed"])).toEqual({
      asked: 5,
      answered: 3,
      changed: 2,
      unchanged: 1,
      inProgress: 1,
      noAnswer: 1,
    });
  });
  it("is open until its end or its closing", () => {
    expect(isOpen({ endsAt: new Date(NOW.getTime() + 1), closedAt: null }, NOW)).toBe(true);
    expect(isOpen({ endsAt: NOW, closedAt: null }, NOW)).toBe(false);
    expect(isOpen({ endsAt: new Date(NOW.getTime() + DAY), closedAt: NOW }, NOW)).toBe(false);
  });
});
