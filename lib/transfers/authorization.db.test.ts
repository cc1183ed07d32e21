/**
 * Who may apply which command, persisted: the authorization table (every command × every role,
 * on a transfer in a status the command may start from: allowed, or refused with nothing changed)
 * and the state machine exhaustively (every status × every command by the right party:
 * `applyTransition` succeeds exactly when the pure machine says so, and the row and its event say it).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { insertTransfer, transferCast, type TransferCast } from "./queries.fixtures";
import { startingStatuses, transition, TRANSFER_COMMANDS, TRANSFER_STATUSES, type TransferCommand, type TransferParty } from "./state-machine";
import { applyTransition, type TransitionInput } from "./transitions";

let cast: TransferCast;
beforeAll(async () => {
  cast = await transferCast(db);
});

const INPUTS: Record<TransferCommand, TransitionInput> = {
  send: { command: "send" },
  acknowledge: { command: "acknowledge" },
  accept: { command: "accept" },
  decline: { command: "decline", reason: "no_capacity", message: "Complet", suggestedStructureId: null },
  cancel: { command: "cancel", reason: "La personne a trouvé ailleurs" },
  complete: { command: "complete", outcome: "resolved", note: "CV fait" },
  expire: { command: "expire" },
};

type Role = "senderMember" | "receiverMember" | "receiverAdmin" | "coordinator" | "thirdStructure" | "platformAdmin";
const ROLES: Role[] = ["senderMember", "receiverMember", "receiverAdmin", "coordinator", "thirdStructure", "platformAdmin"];
const actorOf = (role: Role): SignedInActor =>
  ({
    senderMember: cast.mediator,
    receiverMember: cast.receiver,
    receiverAdmin: cast.receiverAdmin,
    coordinator: cast.coordinator,
    thirdStructure: cast.third,
    platformAdmin: cast.platformAdmin,
  })[role];

/** Expected result per command and role: ok, or the refusal. */
const RECEIVER_ONLY = { senderMember: "not_your_role", receiverMember: "ok", receiverAdmin: "ok", coordinator: "not_your_role", thirdStructure: "not_found", platformAdmin: "not_found" } as const;
const SENDER_ONLY = { senderMember: "ok", receiverMember: "not_your_role", receiverAdmin: "not_your_role", coordinator: "not_your_role", thirdStructure: "not_found", platformAdmin: "not_found" } as const;
const TABLE: Record<Exclude<TransferCommand, "expire">, Record<Role, "ok" | "not_your_role" | "not_found">> = {
  send: SENDER_ONLY,
  acknowledge: RECEIVER_ONLY,
  accept: RECEIVER_ONLY,
  decline: RECEIVER_ONLY,
  cancel: SENDER_ONLY,
  complete: RECEIVER_ONLY,
};

async function snapshot(transferId: string, code: string) {
  const [row, events, emails] = await Promise.all([
    db.transfer.findUniqueOrThrow({ where: { id: transferId } }),
    db.transferEvent.count({ where: { transferId } }),
    db.outboxEmail.count({ where: { subject: { contains: code } } }),
  ]);
  return { row, events, emails };
}

describe("authorization table: every command × every role, on a transfer in the right status", () => {
  for (const [command, expectations] of Object.entries(TABLE) as [Exclude<TransferCommand, "expire">, Record<Role, string>][]) {
    for (const status of startingStatuses(command)) {
      for (const role of ROLES) {
        // A draft is the sender's own (the policy's transfer.view): anyone else is told it does not exist.
        const expected = status === "draft" && role !== "senderMember" ? "not_found" : expectations[role];
        it(`${command} from ${status} by ${role}: ${expected === "ok" ? "allowed" : `refused (${expected})`}`, async () => {
          const transfer = await insertTransfer(db, cast, { status });
          const before = await snapshot(transfer.id, transfer.code);
          const result = await applyTransition(db, { transferId: transfer.id, actor: actorOf(role), input: INPUTS[command] });
          if (expected === "ok") {
            const check = transition(status, command, command === "send" || command === "cancel" ? "sender" : "receiver");
            if (!check.ok) throw new Error(`${command} should start from ${status}`);
            expect(result).toEqual({ ok: true, status: check.to });
            const after = await snapshot(transfer.id, transfer.code);
            expect(after.row.status).toBe(check.to);
            expect(after.events).toBe(1);
          } else {
            expect(result).toEqual({ ok: false, reason: expected });
            // Nothing changed: the row, its events, the outbox.
            expect(await snapshot(transfer.id, transfer.code)).toEqual(before);
          }
        });
      }
    }
  }

  it("the scheduled worker (no actor) may only expire", async () => {
    for (const command of TRANSFER_COMMANDS.filter((command) => command !== "expire")) {
      const transfer = await insertTransfer(db, cast, { status: startingStatuses(command)[0]! });
      const before = await snapshot(transfer.id, transfer.code);
      expect(await applyTransition(db, { transferId: transfer.id, actor: null, input: INPUTS[command] })).toEqual({ ok: false, reason: "not_your_role" });
      expect(await snapshot(transfer.id, transfer.code)).toEqual(before);
    }
    for (const role of ROLES) {
      const transfer = await insertTransfer(db, cast, { status: "sent" });
      const result = await applyTransition(db, { transferId: transfer.id, actor: actorOf(role), input: INPUTS.expire });
      expect(result.ok).toBe(false);
      expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe("sent");
    }
  });
});

describe("the persisted state machine, exhaustively", () => {
  const partyOf = (command: TransferCommand): TransferParty =>
    command === "send" || command === "cancel" ? "sender" : command === "expire" ? "system" : "receiver";
  const actorFor = (party: TransferParty) => (party === "sender" ? cast.mediator : party === "receiver" ? cast.receiver : null);

  for (const status of TRANSFER_STATUSES) {
    for (const command of TRANSFER_COMMANDS) {
      const party = partyOf(command);
      const check = transition(status, command, party);
      it(`${command} from ${status} by the ${party}: ${check.ok ? `→ ${check.to}` : "refused"}`, async () => {
        const transfer = await insertTransfer(db, cast, { status });
        const before = await snapshot(transfer.id, transfer.code);
        const now = new Date("2026-11-23T10:00:00Z");
        const result = await applyTransition(db, { transferId: transfer.id, actor: actorFor(party), input: INPUTS[command], now });
        if (check.ok) {
          expect(result).toEqual({ ok: true, status: check.to });
          const row = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
          expect(row.status).toBe(check.to);
          const closed = ["completed", "declined", "cancelled", "expired"].includes(check.to);
          expect(row.closedAt?.toISOString() ?? null).toBe(closed ? now.toISOString() : null);
          if (command === "acknowledge" || command === "accept") expect(row.acknowledgedAt).toEqual(now);
          if (command === "accept") expect(row.acceptedAt).toEqual(now);
          if (command === "decline") expect(row).toMatchObject({ declineReason: "no_capacity", declineMessage: "Complet" });
          if (command === "cancel") expect(row.cancelReason).toBe("La personne a trouvé ailleurs");
          if (command === "complete") expect(row).toMatchObject({ outcome: "resolved", outcomeNote: "CV fait", outcomeRecordedAt: now });
          const events = await db.transferEvent.findMany({ where: { transferId: transfer.id } });
          expect(events).toMatchObject([{ type: check.to, fromStatus: status, toStatus: check.to, actorId: actorFor(party)?.userId ?? null, createdAt: now }]);
        } else if (status === "draft" && party === "receiver") {
          // The receiver does not see a draft: "not found", not "already handled".
          expect(result).toEqual({ ok: false, reason: "not_found" });
          expect(await snapshot(transfer.id, transfer.code)).toEqual(before);
        } else {
          expect(result).toMatchObject({ ok: false, reason: "already_handled", status });
          expect(await snapshot(transfer.id, transfer.code)).toEqual(before);
        }
      });
    }
  }
});

