/**
 * A transfer's lifecycle as a pure function: which command may move it from which status, by
 * which party, to which status. Persisting a transition (lib/transfers/transitions.ts) is a
 * conditional update on the status it started from, so two people acting at once cannot both win.
 *
 *   draft → sent → acknowledged → accepted → completed
 *               ↘ declined (receiver, with a reason)   ↘ cancelled (sender, with a reason)
 *               ↘ expired (the scheduled worker, no answer in time)
 */
import type { TransferStatus } from "@/lib/generated/prisma/enums";

export type { TransferStatus };

/** Who acts: a member of the sending structure, of the receiving one, or the scheduled worker. */
export type TransferParty = "sender" | "receiver" | "system";

export type TransferCommand = "send" | "acknowledge" | "accept" | "decline" | "cancel" | "complete" | "expire";

export const TRANSFER_STATUSES = [
  "draft",
  "sent",
  "acknowledged",
  "accepted",
  "completed",
  "declined",
  "cancelled",
  "expired",
] as const satisfies readonly TransferStatus[];

export const TRANSFER_COMMANDS = [
  "send",
  "acknowledge",
  "accept",
  "decline",
  "cancel",
  "complete",
  "expire",
] as const satisfies readonly TransferCommand[];

interface Rule {
  from: readonly TransferStatus[];
  to: TransferStatus;
  by: TransferParty;
}

const RULES: Record<TransferCommand, Rule> = {
  send: { from: ["draft"], to: "sent", by: "sender" },
  // "Bien reçu": an explicit act of the receiver, never implied by opening the transfer.
  acknowledge: { from: ["sent"], to: "acknowledged", by: "receiver" },
  // Accepting a transfer that was not acknowledged yet acknowledges it too.
  accept: { from: ["sent", "acknowledged"], to: "accepted", by: "receiver" },
  decline: { from: ["sent", "acknowledged"], to: "declined", by: "receiver" },
  cancel: { from: ["draft", "sent", "acknowledged", "accepted"], to: "cancelled", by: "sender" },
  // The outcome is recorded with it (lib/transfers/transitions.ts).
  complete: { from: ["accepted"], to: "completed", by: "receiver" },
  expire: { from: ["sent", "acknowledged"], to: "expired", by: "system" },
};

const CLOSED_STATUSES: readonly TransferStatus[] = ["completed", "declined", "cancelled", "expired"];

export const isClosed = (status: TransferStatus) => CLOSED_STATUSES.includes(status);

export type TransitionCheck =
  | { ok: true; to: TransferStatus }
  | { ok: false; reason: "not_allowed_from_status" | "not_your_role" };

/**
 * Whether `party` may apply `command` to a transfer in `status`. The party is checked first:
 * the receiver may never cancel, whatever the status.
 */
export function transition(status: TransferStatus, command: TransferCommand, party: TransferParty): TransitionCheck {
  const rule = RULES[command];
  if (rule.by !== party) return { ok: false, reason: "not_your_role" };
  if (!rule.from.includes(status)) return { ok: false, reason: "not_allowed_from_status" };
  return { ok: true, to: rule.to };
}

/** The statuses a command may start from (for the conditional update). */
export const startingStatuses = (command: TransferCommand): readonly TransferStatus[] => RULES[command].from;

/** The commands a party may apply now: the buttons a person sees. */
export function availableCommands(status: TransferStatus, parties: readonly TransferParty[]): TransferCommand[] {
  return TRANSFER_COMMANDS.filter((command) => parties.some((party) => transition(status, command, party).ok));
}

/** Inbox tabs: new (waiting for the receiver's first act), in progress, closed. */
export function inboxGroup(status: TransferStatus): "draft" | "new" | "in_progress" | "closed" {
  if (status === "draft") return "draft";
  if (status === "sent") return "new";
  if (status === "acknowledged" || status === "accepted") return "in_progress";
  return "closed";
}
