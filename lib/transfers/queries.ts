/**
 * Reading transfers, scoped to what the actor may see, in the query itself:
 * - the inboxes (`listInbox`): received = the structures the actor is a member of are the
 *   receiving side (drafts never appear there), sent = they are the sending side;
 * - the reference code lookup (`findTransferByCode`): only among the actor's own transfers, so a
 *   code of another structure's transfer is "aucun transfert avec ce code dans vos structures";
 * - one transfer (`getTransferForActor`): null (404) unless `transfer.view` (and, for a draft,
 *   unless the actor is on the sending side); the person's data
 *   (decrypted) only for its parties (`transfer.viewPersonalData`), never for coordinators;
 * - the coordinator's view of a territory (`listTerritoryTransfers`), without personal data.
 */
import { z } from "zod";
import type { SignedInActor } from "@/lib/auth/actor";
import { can, type Actor, type TransferRef } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import type { Prisma, TransferLevel, TransferStatus, TransferUrgency } from "@/lib/generated/prisma/client";
import { normalizeTransferCode } from "./code";
import { documentsOf, type TransferDocument } from "./documents";
import { PERSONAL_FIELDS } from "./erasure";
import { decryptPersonalDetails, type PersonalDetails } from "./personal-data";
import { availableCommands, inboxGroup, TRANSFER_STATUSES, type TransferCommand, type TransferParty } from "./state-machine";
import { partiesOf } from "./transitions";

export const INBOX_PAGE_SIZE = 25;

export type InboxDirection = "received" | "sent";
export type InboxGroup = "new" | "in_progress" | "closed" | "draft";

export const INBOX_GROUPS: Record<InboxDirection, readonly InboxGroup[]> = {
  received: ["new", "in_progress", "closed"],
  sent: ["new", "in_progress", "closed", "draft"],
};

/** The statuses of each inbox group (lib/transfers/state-machine.ts `inboxGroup`). */
export const GROUP_STATUSES = Object.fromEntries(
  (["new", "in_progress", "closed", "draft"] as const).map((group) => [group, TRANSFER_STATUSES.filter((status) => inboxGroup(status) === group)]),
) as Record<InboxGroup, TransferStatus[]>;

const LEVELS = ["simple", "accompanied", "augmented"] as const satisfies readonly TransferLevel[];
const URGENCIES = ["low", "normal", "urgent"] as const satisfies readonly TransferUrgency[];

export interface InboxFilters {
  direction: InboxDirection;
  group: InboxGroup;
  structureId: string | null;
  level: TransferLevel | null;
  urgency: TransferUrgency | null;
  /** What was typed in the code search, as typed. */
  code: string | null;
  page: number;
}

/** The URL's words (French, as people read them) ↔ the filters. */
const DIRECTION_PARAM: Record<InboxDirection, string> = { received: "recus", sent: "envoyes" };
const GROUP_PARAM: Record<InboxGroup, string> = { new: "nouveaux", in_progress: "en-cours", closed: "clos", draft: "brouillons" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const keyOf = <K extends string>(map: Record<K, string>, value: string | undefined) =>
  (Object.keys(map) as K[]).find((key) => map[key] === value);
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  values.includes(value as T) ? (value as T) : null;

/** The inbox's filters from the URL; anything unknown falls back to the default, never an error. */
export function parseInboxFilters(params: Record<string, string | string[] | undefined>): InboxFilters {
  const direction = keyOf(DIRECTION_PARAM, first(params.sens)) ?? "received";
  const group = keyOf(GROUP_PARAM, first(params.onglet));
  const structure = first(params.structure);
  const page = Number(first(params.page));
  return {
    direction,
    group: group && INBOX_GROUPS[direction].includes(group) ? group : "new",
    structureId: structure && z.uuid().safeParse(structure).success ? structure : null,
    level: oneOf(LEVELS, first(params.niveau)),
    urgency: oneOf(URGENCIES, first(params.urgence)),
    code: first(params.code)?.slice(0, 40) ?? null,
    page: Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1,
  };
}

/** The inbox URL for these filters (the code search is not kept: it opens a transfer or says why not). */
export function inboxHref(filters: InboxFilters, change: Partial<InboxFilters> = {}): string {
  const next = { ...filters, page: 1, ...change };
  const query = new URLSearchParams({ sens: DIRECTION_PARAM[next.direction], onglet: GROUP_PARAM[next.group] });
  if (next.structureId) query.set("structure", next.structureId);
  if (next.level) query.set("niveau", next.level);
  if (next.urgency) query.set("urgence", next.urgency);
  if (next.page > 1) query.set("page", String(next.page));
  return `/transferts?${query}`;
}

export const inboxParams = { direction: DIRECTION_PARAM, group: GROUP_PARAM };

const structureIdsOf = (actor: Actor) => [...new Set(actor.memberships.map((membership) => membership.structureId))];

/** The 3-A analysis and the documents checklist: what a re-orientation carries over. */
export const ANALYSIS_SELECT = {
  needDescription: true,
  difficulty: true,
  urgency: true,
  deadline: true,
  digitalEase: true,
  equipment: true,
  supportGoal: true,
  documents: true,
} satisfies Prisma.TransferSelect;

/** What every list of transfers shows. */
const TRANSFER_ROW = {
  id: true,
  code: true,
  status: true,
  level: true,
  urgency: true,
  deadline: true,
  needDescription: true,
  createdAt: true,
  sentAt: true,
  fromStructure: { select: { id: true, name: true } },
  toStructure: { select: { id: true, name: true } },
  offer: { select: { id: true, title: true } },
  needTerm: { select: { label: true } },
} satisfies Prisma.TransferSelect;

const INBOX_ROW = { ...TRANSFER_ROW, appointmentAt: true } satisfies Prisma.TransferSelect;

export type InboxRow = Prisma.TransferGetPayload<{ select: typeof INBOX_ROW }>;

export interface Inbox {
  rows: InboxRow[];
  /** Per group, with the filters applied (one grouped count). */
  counts: Record<InboxGroup, number>;
  /** Rows in the group shown, for the pages. */
  total: number;
  page: number;
  pageCount: number;
  /** The actor's structures, for the structure filter. */
  structures: { id: string; name: string }[];
}

/** The inbox of one side, one group, one page. */
export async function listInbox(db: PrismaClient, actor: SignedInActor, filters: InboxFilters): Promise<Inbox> {
  const counts: Record<InboxGroup, number> = { new: 0, in_progress: 0, closed: 0, draft: 0 };
  const mine = structureIdsOf(actor);
  if (mine.length === 0) return { rows: [], counts, total: 0, page: 1, pageCount: 1, structures: [] };
  const selected = filters.structureId && mine.includes(filters.structureId) ? [filters.structureId] : mine;
  const group = INBOX_GROUPS[filters.direction].includes(filters.group) ? filters.group : "new";

  const scope: Prisma.TransferWhereInput[] = [
    filters.direction === "received"
      ? { toStructureId: { in: selected }, status: { not: "draft" } }
      : { fromStructureId: { in: selected } },
  ];
  if (filters.level) scope.push({ level: filters.level });
  if (filters.urgency) scope.push({ urgency: filters.urgency });

  const [grouped, structures] = await Promise.all([
    db.transfer.groupBy({ by: ["status"], where: { AND: scope }, _count: { _all: true } }),
    db.structure.findMany({ where: { id: { in: mine } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  for (const row of grouped) counts[inboxGroup(row.status)] += row._count._all;
  const total = counts[group];
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows =
    total === 0
      ? []
      : await db.transfer.findMany({
          where: { AND: [...scope, { status: { in: GROUP_STATUSES[group] } }] },
          select: INBOX_ROW,
          // Open transfers: the most urgent and the nearest deadline first; closed ones: the latest first.
          orderBy:
            group === "closed" || group === "draft"
              ? [{ updatedAt: "desc" }, { id: "asc" }]
              : [{ urgency: "desc" }, { deadline: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
          skip: (page - 1) * INBOX_PAGE_SIZE,
          take: INBOX_PAGE_SIZE,
        });
  return { rows, counts, total, page, pageCount, structures };
}

/** New received transfers (status "sent"), for the header's link. */
export function countNewReceived(db: PrismaClient, actor: Actor): Promise<number> {
  const mine = structureIdsOf(actor);
  if (mine.length === 0) return Promise.resolve(0);
  return db.transfer.count({ where: { toStructureId: { in: mine }, status: "sent" } });
}

export type CodeSearch = { kind: "incomplete" } | { kind: "none"; code: string } | { kind: "found"; id: string };

/**
 * A reference code typed by a party (typically the receiving partner reading the fiche navette):
 * among the actor's own transfers only. Another structure's transfer answers exactly like a code
 * that does not exist.
 */
export async function findTransferByCode(db: PrismaClient, actor: Actor, typed: string): Promise<CodeSearch> {
  const code = normalizeTransferCode(typed);
  if (!code) return { kind: "incomplete" };
  const mine = structureIdsOf(actor);
  if (mine.length === 0) return { kind: "none", code };
  const transfer = await db.transfer.findFirst({
    where: {
      code,
      OR: [{ fromStructureId: { in: mine } }, { toStructureId: { in: mine }, status: { not: "draft" } }],
    },
    select: { id: true },
  });
  return transfer ? { kind: "found", id: transfer.id } : { kind: "none", code };
}

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

/** Whether `getTransferForActor` shows this transfer to the actor: the one rule, for the links between transfers too. */
function mayOpen(actor: Actor, transfer: { status: TransferStatus } & TransferRef) {
  if (!can(actor, "transfer.view", transfer)) return false;
  // A draft is the sending structure's own: the partner and the coordinators see it once sent.
  return transfer.status !== "draft" || can(actor, "transfer.actAsSender", transfer);
}

const linked = ({ id, code, status }: LinkedTransfer): LinkedTransfer => ({ id, code, status });

/** One transfer as the actor may see it, or null (a 404) when they may not see it at all. */
export async function getTransferForActor(db: PrismaClient, actor: SignedInActor, id: string): Promise<TransferView | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.transfer.findUnique({ where: { id }, select: DETAIL });
  if (!row) return null;
  const ref: TransferRef = { territoryId: row.territory.id, fromStructureId: row.fromStructureId, toStructureId: row.toStructureId };
  if (!mayOpen(actor, { ...ref, status: row.status })) return null;
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

/**
 * Partners a receiver may suggest when declining: the territory's published structures other
 * than the receiving one. The same list checks a posted id on the server.
 */
export function suggestablePartners(db: Pick<PrismaClient, "structure">, transfer: { territoryId: string; toStructureId: string }) {
  return db.structure.findMany({
    where: { territoryId: transfer.territoryId, status: "published", id: { not: transfer.toStructureId } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The suggested partner's published offers, for "Réorienter la personne". */
export function publishedOffersOf(db: PrismaClient, structureId: string) {
  return db.offer.findMany({
    where: { structureId, status: "published", structure: { status: "published" } },
    select: { id: true, title: true, acceptsTransfers: true },
    orderBy: { title: "asc" },
  });
}

export interface TerritoryTransferFilters {
  status: TransferStatus | null;
  level: TransferLevel | null;
  toStructureId: string | null;
  page: number;
}

export function parseTerritoryTransferFilters(params: Record<string, string | string[] | undefined>): TerritoryTransferFilters {
  const structure = first(params.structure);
  const page = Number(first(params.page));
  return {
    status: oneOf(TRANSFER_STATUSES, first(params.statut)),
    level: oneOf(LEVELS, first(params.niveau)),
    toStructureId: structure && z.uuid().safeParse(structure).success ? structure : null,
    page: Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1,
  };
}

/** The coordinators' row: the common columns and how it ended; still nothing about the person. */
const TERRITORY_ROW = {
  ...TRANSFER_ROW,
  closedAt: true,
  outcome: true,
  declineReason: true,
} satisfies Prisma.TransferSelect;

export type TerritoryTransferRow = Prisma.TransferGetPayload<{ select: typeof TERRITORY_ROW }>;

/**
 * A territory's transfers for its coordinators (and platform admins): counts by status, by level
 * and by receiving structure over the whole territory (drafts excluded: they were never sent),
 * and the filtered list — never the person's data. Null when the actor may not manage the territory.
 */
export async function listTerritoryTransfers(db: PrismaClient, actor: Actor, territoryId: string, filters: TerritoryTransferFilters) {
  if (!can(actor, "territory.manage", { territoryId })) return null;
  const all: Prisma.TransferWhereInput = { territoryId, status: { not: "draft" } };
  const filtered: Prisma.TransferWhereInput = {
    AND: [
      all,
      ...(filters.status ? [{ status: filters.status }] : []),
      ...(filters.level ? [{ level: filters.level }] : []),
      ...(filters.toStructureId ? [{ toStructureId: filters.toStructureId }] : []),
    ],
  };
  const [byStatus, byLevel, byStructure, total] = await Promise.all([
    db.transfer.groupBy({ by: ["status"], where: all, _count: { _all: true } }),
    db.transfer.groupBy({ by: ["level"], where: all, _count: { _all: true } }),
    db.transfer.groupBy({ by: ["toStructureId"], where: all, _count: { _all: true } }),
    db.transfer.count({ where: filtered }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const [rows, structures] = await Promise.all([
    db.transfer.findMany({
      where: filtered,
      select: TERRITORY_ROW,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
    }),
    db.structure.findMany({ where: { id: { in: byStructure.map((row) => row.toStructureId) } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(structures.map((structure) => [structure.id, structure.name]));
  return {
    total,
    page,
    pageCount,
    rows,
    byStatus: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Partial<Record<TransferStatus, number>>,
    byLevel: Object.fromEntries(byLevel.map((row) => [row.level, row._count._all])) as Partial<Record<TransferLevel, number>>,
    byReceivingStructure: byStructure
      .map((row) => ({ structureId: row.toStructureId, name: nameOf.get(row.toStructureId) ?? "—", count: row._count._all }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "fr")),
  };
}
