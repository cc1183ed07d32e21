/**
 * The one authorization policy: "may this actor do this action on this resource?" (`can`) and,
 * for the same action, "which rows may they do it on?" (`scopeFor`, a Prisma `where`). Both sit
 * side by side in one table (POLICY), typed over every action, so adding an action means writing
 * its rule and its scope together; pages, server actions and list queries all ask this module.
 * The table test (policy.test.ts) requires an expectation for every action × role, and
 * scope.db.test.ts checks, for every action × role, that the rows `can` allows are exactly the
 * rows `scopeFor` lists.
 */
import type { Prisma, StructureStatus, TransferStatus } from "@/lib/generated/prisma/client";

export type StructureRole = "admin" | "member";

export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
  /** Territories this person coordinates. */
  coordinatedTerritoryIds: string[];
  memberships: { structureId: string; territoryId: string; role: StructureRole }[];
}

export interface StructureRef {
  structureId: string;
  territoryId: string;
}

/** A structure with its status, where whether it may be seen at all depends on it. */
export interface ListedStructureRef extends StructureRef {
  status: StructureStatus;
}

export interface TerritoryRef {
  territoryId: string;
}

/**
 * A transfer between two structures of a territory (the sender and the receiver may be the same).
 * Its status is part of the reference: a draft is the sending structure's own.
 */
export interface TransferRef {
  territoryId: string;
  fromStructureId: string;
  toStructureId: string;
  status: TransferStatus;
}

/** Each action with the resource it applies to. */
export interface ActionResources {
  "territory.create": null;
  "territory.nameCoordinator": TerritoryRef;
  "territory.manage": TerritoryRef;
  "territory.viewMatrix": TerritoryRef;
  "structure.viewMembers": StructureRef;
  "structure.edit": StructureRef;
  "structure.inviteAdmin": StructureRef;
  "structure.inviteMember": StructureRef;
  "structure.decideJoinRequest": StructureRef;
  "structure.removeMember": StructureRef;
  "structure.requestJoin": StructureRef;
  "structure.find": ListedStructureRef;
  "account.manageOwn": null;
  "transfer.create": StructureRef;
  "structure.receive": StructureRef;
  "structure.viewIndicators": StructureRef;
  "platform.viewIndicators": null;
  "transfer.view": TransferRef;
  "transfer.viewPersonalData": TransferRef;
  "transfer.actAsSender": TransferRef;
  "transfer.actAsReceiver": TransferRef;
  "transfer.erasePersonalData": TransferRef;
}

export type Action = keyof ActionResources;

/** The rows a resource is read from, and the `where` that selects them. */
type WhereFor<R> = R extends TransferRef
  ? Prisma.TransferWhereInput
  : R extends StructureRef
    ? Prisma.StructureWhereInput
    : R extends TerritoryRef
      ? Prisma.TerritoryWhereInput
      : null;
type TableOf<R> = R extends TransferRef ? "transfer" : R extends StructureRef ? "structure" : R extends TerritoryRef ? "territory" : null;

/** Actions whose resource is a row (a territory, a structure, a transfer): they have a scope. */
export type ScopedAction = { [A in Action]: ActionResources[A] extends null ? never : A }[Action];
export type ScopeOf<A extends Action> = WhereFor<ActionResources[A]>;

interface Entry<A extends Action> {
  rule: (actor: Actor, resource: ActionResources[A]) => boolean;
  /** The rows the rule allows, said as a query: must agree with `rule` on every row. */
  scope: ActionResources[A] extends null ? null : (actor: Actor) => ScopeOf<A>;
  /** The table the scope applies to (null for actions on no row). */
  table: TableOf<ActionResources[A]>;
}

// What the rules and their scopes share: the actor's ids, read once.
const coordinated = (actor: Actor) => actor.coordinatedTerritoryIds;
const memberOf = (actor: Actor) => [...new Set(actor.memberships.map((membership) => membership.structureId))];
const adminOf = (actor: Actor) => actor.memberships.filter((membership) => membership.role === "admin").map((membership) => membership.structureId);
const territoriesOfMemberships = (actor: Actor) => [...new Set(actor.memberships.map((membership) => membership.territoryId))];

const isCoordinatorOf = (actor: Actor, territoryId: string) => coordinated(actor).includes(territoryId);
const isMemberOf = (actor: Actor, structureId: string) => memberOf(actor).includes(structureId);
const isAdminOf = (actor: Actor, structureId: string) => adminOf(actor).includes(structureId);

/** Matches no row of any table (every table here has an `id`). */
const NOTHING = { id: { in: [] as string[] } };
const EVERYTHING = {};

/** Who sees a territory's drafts (its matrix): platform admins, its coordinators, its structures' people. */
const draftTerritoriesOf = (actor: Actor) => [...coordinated(actor), ...territoriesOfMemberships(actor)];
const seesDraftsOf = (actor: Actor, territoryId: string) => actor.isPlatformAdmin || draftTerritoriesOf(actor).includes(territoryId);

/** Structure admins, and the coordinators of the structure's territory. */
const administers = {
  rule: (actor: Actor, { structureId, territoryId }: StructureRef) => isAdminOf(actor, structureId) || isCoordinatorOf(actor, territoryId),
  scope: (actor: Actor): Prisma.StructureWhereInput => ({
    OR: [{ id: { in: adminOf(actor) } }, { territoryId: { in: coordinated(actor) } }],
  }),
  table: "structure",
} as const;

// Transfers. A draft is the sending structure's own: the receiver and the coordinators see a
// transfer once it is sent.
const sentOnly: Prisma.TransferWhereInput = { status: { not: "draft" } };
const isSender = (actor: Actor, transfer: TransferRef) => isMemberOf(actor, transfer.fromStructureId);
const isReceiver = (actor: Actor, transfer: TransferRef) => transfer.status !== "draft" && isMemberOf(actor, transfer.toStructureId);
const senderScope = (actor: Actor): Prisma.TransferWhereInput => ({ fromStructureId: { in: memberOf(actor) } });
const receiverScope = (actor: Actor): Prisma.TransferWhereInput => ({ ...sentOnly, toStructureId: { in: memberOf(actor) } });
/** The parties: the sending structure's people, and the receiving structure's once it is sent. */
const parties = {
  rule: (actor: Actor, transfer: TransferRef) => isSender(actor, transfer) || isReceiver(actor, transfer),
  scope: (actor: Actor): Prisma.TransferWhereInput => ({ OR: [senderScope(actor), receiverScope(actor)] }),
  table: "transfer",
} as const;

const POLICY: { [A in Action]: Entry<A> } = {
  "territory.create": { rule: (actor) => actor.isPlatformAdmin, scope: null, table: null },
  "territory.nameCoordinator": {
    rule: (actor) => actor.isPlatformAdmin,
    scope: (actor) => (actor.isPlatformAdmin ? EVERYTHING : NOTHING),
    table: "territory",
  },
  "territory.manage": {
    rule: (actor, { territoryId }) => actor.isPlatformAdmin || isCoordinatorOf(actor, territoryId),
    scope: (actor) => (actor.isPlatformAdmin ? EVERYTHING : { id: { in: coordinated(actor) } }),
    table: "territory",
  },
  // The matrix, drafts and stale flags included: the territory's coordinators and its structures' people.
  "territory.viewMatrix": {
    rule: (actor, { territoryId }) => seesDraftsOf(actor, territoryId),
    scope: (actor) => (actor.isPlatformAdmin ? EVERYTHING : { id: { in: draftTerritoriesOf(actor) } }),
    table: "territory",
  },
  "structure.viewMembers": {
    rule: (actor, { structureId, territoryId }) => isMemberOf(actor, structureId) || isCoordinatorOf(actor, territoryId),
    scope: (actor) => ({ OR: [{ id: { in: memberOf(actor) } }, { territoryId: { in: coordinated(actor) } }] }),
    table: "structure",
  },
  // Structure admins edit their structure (places, offers, hours) and confirm it is up to date;
  // coordinators do so for the whole territory.
  "structure.edit": administers,
  // A coordinator names a structure's first admin; its admins may name more.
  "structure.inviteAdmin": administers,
  "structure.inviteMember": administers,
  "structure.decideJoinRequest": administers,
  "structure.removeMember": administers,
  "structure.requestJoin": {
    rule: (actor, { structureId }) => !isMemberOf(actor, structureId),
    scope: (actor) => ({ id: { notIn: memberOf(actor) } }),
    table: "structure",
  },
  // "Rejoindre une structure": a published structure is found by anyone signed in; a draft one by
  // those who see its territory's drafts; a closed one by nobody.
  "structure.find": {
    rule: (actor, { territoryId, status }) => status === "published" || (status === "draft" && seesDraftsOf(actor, territoryId)),
    scope: (actor) => ({
      OR: [{ status: "published" }, actor.isPlatformAdmin ? { status: "draft" } : { status: "draft", territoryId: { in: draftTerritoriesOf(actor) } }],
    }),
    table: "structure",
  },
  "account.manageOwn": { rule: () => true, scope: null, table: null },
  // Transfers: any member of the sending structure creates and acts as the sender; any member of
  // the receiving structure acts as the receiver once it is sent. Coordinators follow their
  // territory's sent transfers without the person's data; nobody else sees them, platform admins included.
  "transfer.create": {
    rule: (actor, { structureId }) => isMemberOf(actor, structureId),
    scope: (actor) => ({ id: { in: memberOf(actor) } }),
    table: "structure",
  },
  "transfer.view": {
    rule: (actor, transfer) =>
      parties.rule(actor, transfer) || (transfer.status !== "draft" && isCoordinatorOf(actor, transfer.territoryId)),
    scope: (actor) => ({ OR: [parties.scope(actor), { ...sentOnly, territoryId: { in: coordinated(actor) } }] }),
    table: "transfer",
  },
  "transfer.viewPersonalData": parties,
  // Time given to people (issue 17): any member of a structure keeps its agendas, books and runs
  // its appointments, keeps the sign-up sheets of permanences it holds or hosts, and runs its
  // workshops. Coordinators see counts only (indicators), never these rows.
  "structure.receive": {
    rule: (actor, { structureId }) => isMemberOf(actor, structureId),
    scope: (actor) => ({ id: { in: memberOf(actor) } }),
    table: "structure",
  },
  // The network's indicators (issue 19): a structure's admins see the flows their structure takes
  // part in (coordinators, their territory's through territory.manage); platform admins, the whole
  // platform's — counts only, never a transfer.
  "structure.viewIndicators": administers,
  "platform.viewIndicators": { rule: (actor) => actor.isPlatformAdmin, scope: null, table: null },
  "transfer.actAsSender": { rule: isSender, scope: senderScope, table: "transfer" },
  "transfer.actAsReceiver": { rule: isReceiver, scope: receiverScope, table: "transfer" },
  // "Effacer les données de la personne" on request, at any time, by either party.
  "transfer.erasePersonalData": parties,
};

export const ACTIONS = Object.keys(POLICY) as Action[];

/** The actions listed by queries: each has a scope, and the table it is read from. */
export const SCOPED_ACTIONS = ACTIONS.filter((action): action is ScopedAction => POLICY[action].scope !== null);

export function scopeTableOf(action: ScopedAction): "territory" | "structure" | "transfer" {
  return POLICY[action].table as "territory" | "structure" | "transfer";
}

/** Anonymous visitors (null) may do none of these actions. */
export function can<A extends Action>(actor: Actor | null, action: A, resource: ActionResources[A]): boolean {
  if (!actor) return false;
  return POLICY[action].rule(actor, resource);
}

/**
 * The rows `action` applies to for this actor, as a Prisma `where` on the action's table: a
 * list query puts it in its `where`, so "may see this row" and "this row is in my list" are the
 * same rule. Anonymous visitors: a `where` that matches nothing.
 */
export function scopeFor<A extends ScopedAction>(actor: Actor | null, action: A): ScopeOf<A> {
  if (!actor) return NOTHING as ScopeOf<A>;
  const scope = POLICY[action].scope as (actor: Actor) => ScopeOf<A>;
  return scope(actor);
}
