/**
 * The inboxes (`listInbox`), scoped in the query itself by the policy: received = the transfers
 * the actor may act on as the receiver (`transfer.actAsReceiver`: drafts never appear there),
 * sent = as the sender (`transfer.actAsSender`).
 */
import { z } from "zod";
import type { SignedInActor } from "@/lib/auth/actor";
import { scopeFor, type Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import type { Prisma, TransferLevel, TransferStatus, TransferUrgency } from "@/lib/generated/prisma/client";
import { inboxGroup, TRANSFER_STATUSES } from "./state-machine";
import { first, LEVELS, oneOf, structureIdsOf, TRANSFER_ROW } from "./query-scope";

export const INBOX_PAGE_SIZE = 25;

export type InboxDirection = "received" | "sent";
export type InboxGroup = "new" | "in_progress" | "closed" | "draft";

export const INBOX_GROUPS: Record<InboxDirection, readonly InboxGroup[]> = {
  received: ["new", "in_progress", "closed"],
  sent: ["new", "in_progress", "closed", "draft"],
};

/** The statuses of each inbox group (lib/transfers/state-machine.ts `inboxGroup`). */
const GROUP_STATUSES = Object.fromEntries(
  (["new", "in_progress", "closed", "draft"] as const).map((group) => [group, TRANSFER_STATUSES.filter((status) => inboxGroup(status) === group)]),
) as Record<InboxGroup, TransferStatus[]>;


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

const keyOf = <K extends string>(map: Record<K, string>, value: string | undefined) =>
  (Object.keys(map) as K[]).find((key) => map[key] === value);

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
  const selected = filters.structureId && mine.includes(filters.structureId) ? filters.structureId : null;
  const group = INBOX_GROUPS[filters.direction].includes(filters.group) ? filters.group : "new";

  const scope: Prisma.TransferWhereInput[] =
    filters.direction === "received"
      ? [scopeFor(actor, "transfer.actAsReceiver"), ...(selected ? [{ toStructureId: selected }] : [])]
      : [scopeFor(actor, "transfer.actAsSender"), ...(selected ? [{ fromStructureId: selected }] : [])];
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
  if (structureIdsOf(actor).length === 0) return Promise.resolve(0);
  return db.transfer.count({ where: { AND: [scopeFor(actor, "transfer.actAsReceiver"), { status: "sent" }] } });
}
