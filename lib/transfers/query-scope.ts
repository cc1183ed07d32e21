/** What the transfer reads share: the URL's parameters read leniently, the actor's structures, the common columns. */
import type { Actor } from "@/lib/auth/policy";
import type { Prisma, TransferLevel } from "@/lib/generated/prisma/client";

export const LEVELS = ["simple", "accompanied", "augmented"] as const satisfies readonly TransferLevel[];

export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
export const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  values.includes(value as T) ? (value as T) : null;

/**
 * The structures the actor is a member of: the inbox's structure filter, and a shortcut when
 * there are none. What a read may return is the policy's scope (`scopeFor`), not this list.
 */
export const structureIdsOf = (actor: Actor) => [...new Set(actor.memberships.map((membership) => membership.structureId))];

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

export const TRANSFER_ROW = {
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
