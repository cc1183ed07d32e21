/**
 * One transfer for an actor (`getTransferForActor`): null (404) unless `transfer.view` (a draft:
 * the sending side only); the person's data (decrypted) only for its
 * parties (`transfer.viewPersonalData`), never for coordinators. With what its page offers: the
 * partners a receiver may suggest, and their published offers.
 */
import { z } from "zod";
import type { SignedInActor } from "@/lib/auth/actor";
import { can, type Actor, type TransferRef } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import type { Prisma, TransferStatus } from "@/lib/generated/prisma/client";
import { documentsOf, type TransferDocument } from "./documents";
import { PERSONAL_FIELDS } from "./erasure";
import { decryptPersonalDetails, type PersonalDetails } from "./personal-data";
import { availableCommands, type TransferCommand, type TransferParty } from "./state-machine";
import { partiesOf } from "./transitions";
import { ANALYSIS_SELECT } from "./query-scope";
import { transferRefOf } from "./authorize";

const DETAIL = {
  id: true,
  code: true,
  level: true,
  status: true,
  territory: { select: { id: true, slug: true, name: true, timeZone: true } },
  fromStructureId: true,
  toStructureId: true,
  fromStructure: { select: { id: true, name: true } },
  toStructure: { select: { id: true, name: true } },
  offer: { select: { id: true, title: true } },
  createdBy: { select: { name: true, email: true } },
  previousTransfer: { select: { id: true, code: true, status: true, territoryId: true, fromStructureId: true, toStructureId: true } },
  nextTransfers: {
    select: { id: true, code: true, status: true, territoryId: true, fromStructureId: true, toStructureId: true },
    orderBy: { createdAt: "asc" },
  },
  needTerm: { select: { label: true } },
  ...ANALYSIS_SELECT,
  personLabel: true,
  personalDetailsEncrypted: true,
  consentGivenAt: true,
  consentRecordedBy: { select: { name: true, email: true } },
  consentScope: true,
  noteForPartner: true,
  appointmentAt: true,
  appointmentPlace: { select: { name: true, address: true, addressComplement: true, postalCode: true, communeName: true } },
  askFor: true,
  declineReason: true,
  declineMessage: true,
  suggestedStructure: { select: { id: true, name: true } },
  cancelReason: true,
  outcome: true,
  outcomeNote: true,
  outcomeRecordedAt: true,
  sentAt: true,
  acknowledgedAt: true,
  acceptedAt: true,
  closedAt: true,
  personalDataErasedAt: true,
  createdAt: true,
  events: {
    select: {
      id: true,
      type: true,
      fromStatus: true,
      toStatus: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.TransferSelect;

type DetailRow = Prisma.TransferGetPayload<{ select: typeof DETAIL }>;

/** What only the parties see: the person, and every free text that may speak of them. */
export interface PersonalView {
  personLabel: string | null;
  /** The consented details, decrypted; null when none were given (or they were erased). */
  details: PersonalDetails | null;
  /** The stored details could not be decrypted (another key, altered text). */
  unreadable: boolean;
  noteForPartner: string | null;
  askFor: string | null;
  declineMessage: string | null;
  cancelReason: string | null;
  outcomeNote: string | null;
}

export interface TimelineEntry {
  id: string;
  type: string;
  at: Date;
  fromStatus: TransferStatus | null;
  toStatus: TransferStatus | null;
  /** "Sophie Leroy", or null for Toile's scheduled worker. */
  actorName: string | null;
  actorStructure: string | null;
  reason: string | null;
  outcome: string | null;
  /** Free text (decline message, outcome note, a cancellation's reason): parties only, erased with the person's data. */
  message: string | null;
  note: string | null;
}

const personName = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : null);

/**
 * Oldest first. A transfer sent at its creation has its "created" and "sent" events at the same
 * instant: "created" comes first (the ids, random, would order them by chance).
 */
const chronological = (events: DetailRow["events"]) =>
  [...events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(b.type === "created") - Number(a.type === "created"));

function timeline(events: DetailRow["events"], personal: boolean): TimelineEntry[] {
  return chronological(events).map((event) => {
    const details = (event.details && typeof event.details === "object" && !Array.isArray(event.details) ? event.details : {}) as Record<
      string,
      unknown
    >;
    const textOf = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : null);
    // A cancellation's reason is typed freely by the sender: it is a message, for the parties only.
    const cancelled = event.type === "cancelled";
    return {
      id: event.id,
      type: event.type,
      at: event.createdAt,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actorName: personName(event.actor),
      actorStructure: textOf("actorStructure"),
      reason: cancelled ? null : textOf("reason"),
      outcome: textOf("outcome"),
      message: personal ? (cancelled ? textOf("reason") : textOf("message")) : null,
      note: personal ? textOf("note") : null,
    };
  });
}

export type TransferView = Omit<
  DetailRow,
  | "personLabel"
  | "personalDetailsEncrypted"
  | "noteForPartner"
  | "askFor"
  | "declineMessage"
  | "cancelReason"
  | "outcomeNote"
  | "events"
  | "documents"
  | "createdBy"
  | "consentRecordedBy"
  | "previousTransfer"
  | "nextTransfers"
> & {
  ref: TransferRef;
  createdByName: string | null;
  consentRecordedByName: string | null;
  documents: TransferDocument[];
  /** Null for a coordinator: never the person's data. */
  personal: PersonalView | null;
  parties: TransferParty[];
  /** The buttons this actor sees now. */
  commands: TransferCommand[];
  mayErase: boolean;
  timeline: TimelineEntry[];
  /** The parcours around this transfer: only the transfers this actor may open. */
  previousTransfer: LinkedTransfer | null;
  nextTransfers: LinkedTransfer[];
};

export interface LinkedTransfer {
  id: string;
  code: string;
  status: TransferStatus;
}

/** Whether `getTransferForActor` shows this transfer to the actor (drafts included): the policy, for the links between transfers too. */
const mayOpen = (actor: Actor, transfer: TransferRef) => can(actor, "transfer.view", transferRefOf(transfer));

const linked = ({ id, code, status }: LinkedTransfer): LinkedTransfer => ({ id, code, status });

/** One transfer as the actor may see it, or null (a 404) when they may not see it at all. */
export async function getTransferForActor(db: PrismaClient, actor: SignedInActor, id: string): Promise<TransferView | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.transfer.findUnique({ where: { id }, select: DETAIL });
  if (!row) return null;
  const ref: TransferRef = transferRefOf({ ...row, territoryId: row.territory.id });
  if (!mayOpen(actor, ref)) return null;
  const mayViewPersonal = can(actor, "transfer.viewPersonalData", ref);

  let personal: PersonalView | null = null;
  if (mayViewPersonal) {
    let details: PersonalDetails | null = null;
    let unreadable = false;
    if (row.personalDetailsEncrypted) {
      try {
        details = decryptPersonalDetails(row.personalDetailsEncrypted);
      } catch {
        unreadable = true;
      }
    }
    personal = {
      personLabel: row.personLabel,
      details,
      unreadable,
      noteForPartner: row.noteForPartner,
      askFor: row.askFor,
      declineMessage: row.declineMessage,
      cancelReason: row.cancelReason,
      outcomeNote: row.outcomeNote,
    };
  }

  // Every field that may speak of the person (the ones erasure clears) stays out of the record.
  const { events, documents, createdBy, consentRecordedBy, previousTransfer, nextTransfers, ...fields } = row;
  const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in PERSONAL_FIELDS))) as Omit<
    typeof fields,
    keyof typeof PERSONAL_FIELDS
  >;
  const parties = partiesOf(actor, ref);
  return {
    ...rest,
    ref,
    createdByName: personName(createdBy),
    consentRecordedByName: personName(consentRecordedBy),
    documents: documentsOf(documents),
    personal,
    parties,
    commands: availableCommands(row.status, parties).filter((command) => command !== "expire"),
    mayErase: can(actor, "transfer.erasePersonalData", ref) && !row.personalDataErasedAt,
    timeline: timeline(events, mayViewPersonal),
    // The structures of a re-orientation are not always the same: a partner does not see where the person went next.
    previousTransfer: previousTransfer && mayOpen(actor, previousTransfer) ? linked(previousTransfer) : null,
    nextTransfers: nextTransfers.filter((next) => mayOpen(actor, next)).map(linked),
  };
}

export { suggestablePartners } from "./partners";

/** The suggested partner's published offers, for "Réorienter la personne". */
export function publishedOffersOf(db: PrismaClient, structureId: string) {
  return db.offer.findMany({
    where: { structureId, status: "published", structure: { status: "published" } },
    select: { id: true, title: true, acceptsTransfers: true },
    orderBy: { title: "asc" },
  });
}
