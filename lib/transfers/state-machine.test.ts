import { describe, expect, it } from "vitest";
import {
  availableCommands,
  inboxGroup,
  isClosed,
  TRANSFER_COMMANDS,
  TRANSFER_STATUSES,
  transition,
  type TransferCommand,
  type TransferParty,
  type TransferStatus,
} from "./state-machine";

/**
 * Every allowed move, written out by hand from the issue: anything not in this table must be
 * refused. The test walks every status × command × party (8 × 7 × 3 = 168 cases).
 */
const ALLOWED: [TransferStatus, TransferCommand, TransferParty, TransferStatus][] = [
  ["draft", "send", "sender", "sent"],
  ["draft", "cancel", "sender", "cancelled"],
  ["sent", "acknowledge", "receiver", "acknowledged"],
  ["sent", "accept", "receiver", "accepted"],
  ["sent", "decline", "receiver", "declined"],
  ["sent", "cancel", "sender", "cancelled"],
  ["sent", "expire", "system", "expired"],
  ["acknowledged", "accept", "receiver", "accepted"],
  ["acknowledged", "decline", "receiver", "declined"],
  ["acknowledged", "cancel", "sender", "cancelled"],
  ["acknowledged", "expire", "system", "expired"],
  ["accepted", "complete", "receiver", "completed"],
  ["accepted", "cancel", "sender", "cancelled"],
];

const PARTIES: TransferParty[] = ["sender", "receiver", "system"];

describe("transfer state machine", () => {
  for (const status of TRANSFER_STATUSES) {
    for (const command of TRANSFER_COMMANDS) {
      for (const party of PARTIES) {
        const allowed = ALLOWED.find(([s, c, p]) => s === status && c === command && p === party);
        it(`${status} --${command} by ${party}--> ${allowed ? allowed[3] : "refused"}`, () => {
          const result = transition(status, command, party);
          if (allowed) expect(result).toEqual({ ok: true, to: allowed[3] });
          else expect(result.ok).toBe(false);
        });
      }
    }
  }

  it("says why a move is refused: the wrong party before the wrong status", () => {
    expect(transition("completed", "cancel", "receiver")).toEqual({ ok: false, reason: "not_your_role" });
    expect(transition("completed", "cancel", "sender")).toEqual({ ok: false, reason: "not_allowed_from_status" });
    expect(transition("sent", "accept", "sender")).toEqual({ ok: false, reason: "not_your_role" });
  });

  it("closed statuses admit no further command from anyone", () => {
    for (const status of TRANSFER_STATUSES.filter(isClosed)) {
      expect(availableCommands(status, PARTIES)).toEqual([]);
    }
    expect(TRANSFER_STATUSES.filter(isClosed)).toEqual(["completed", "declined", "cancelled", "expired"]);
  });

  it("offers each party only its own buttons", () => {
    expect(availableCommands("sent", ["receiver"])).toEqual(["acknowledge", "accept", "decline"]);
    expect(availableCommands("sent", ["sender"])).toEqual(["cancel"]);
    expect(availableCommands("acknowledged", ["receiver"])).toEqual(["accept", "decline"]);
    expect(availableCommands("accepted", ["receiver"])).toEqual(["complete"]);
    // A structure that sends to itself is both parties.
    expect(availableCommands("accepted", ["sender", "receiver"])).toEqual(["cancel", "complete"]);
    expect(availableCommands("draft", ["receiver"])).toEqual([]);
  });

  it("sorts statuses into the inbox's tabs", () => {
    expect(TRANSFER_STATUSES.map(inboxGroup)).toEqual([
      "draft",
      "new",
      "in_progress",
      "in_progress",
      "closed",
      "closed",
      "closed",
      "closed",
    ]);
  });
});
