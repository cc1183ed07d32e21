/**
 * The one authorization policy: "may this actor do this action on this resource?".
 * Every server action and every page asks it; reads are also scoped in their queries.
 * Extend ACTIONS when a feature adds an action: the table test (policy.test.ts) then requires
 * an expectation for every role.
 */

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

export interface TerritoryRef {
  territoryId: string;
}

/** A transfer between two structures of a territory (the sender and the receiver may be the same). */
export interface TransferRef {
  territoryId: string;
  fromStructureId: string;
  toStructureId: string;
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
  "account.manageOwn": null;
  "transfer.create": StructureRef;
  "transfer.view": TransferRef;
  "transfer.viewPersonalData": TransferRef;
  "transfer.actAsSender": TransferRef;
  "transfer.actAsReceiver": TransferRef;
  "transfer.erasePersonalData": TransferRef;
}

export type Action = keyof ActionResources;

const isCoordinatorOf = (actor: Actor, territoryId: string) =>
  actor.coordinatedTerritoryIds.includes(territoryId);

const roleIn = (actor: Actor, structureId: string) =>
  actor.memberships.find((membership) => membership.structureId === structureId)?.role;

/** Structure admins, and the coordinators of the structure's territory. */
const administers = (actor: Actor, { structureId, territoryId }: StructureRef) =>
  roleIn(actor, structureId) === "admin" || isCoordinatorOf(actor, territoryId);

const isParty = (actor: Actor, transfer: TransferRef) =>
  roleIn(actor, transfer.fromStructureId) !== undefined || roleIn(actor, transfer.toStructureId) !== undefined;

const RULES: { [A in Action]: (actor: Actor, resource: ActionResources[A]) => boolean } = {
  "territory.create": (actor) => actor.isPlatformAdmin,
  "territory.nameCoordinator": (actor) => actor.isPlatformAdmin,
  "territory.manage": (actor, { territoryId }) => actor.isPlatformAdmin || isCoordinatorOf(actor, territoryId),
  // The matrix, drafts and stale flags included: the territory's coordinators and its structures' people.
  "territory.viewMatrix": (actor, { territoryId }) =>
    actor.isPlatformAdmin ||
    isCoordinatorOf(actor, territoryId) ||
    actor.memberships.some((membership) => membership.territoryId === territoryId),
  "structure.viewMembers": (actor, structure) =>
    roleIn(actor, structure.structureId) !== undefined || isCoordinatorOf(actor, structure.territoryId),
  // Structure admins edit their structure (places, offers, hours) and confirm it is up to date;
  // coordinators do so for the whole territory.
  "structure.edit": administers,
  // A coordinator names a structure's first admin; its admins may name more.
  "structure.inviteAdmin": administers,
  "structure.inviteMember": administers,
  "structure.decideJoinRequest": administers,
  "structure.removeMember": administers,
  "structure.requestJoin": (actor, { structureId }) => roleIn(actor, structureId) === undefined,
  "account.manageOwn": () => true,
  // Transfers: any member of the sending structure creates and acts as the sender; any member of
  // the receiving structure acts as the receiver. Coordinators follow their territory's transfers
  // without the person's data; nobody else sees them, platform admins included.
  "transfer.create": (actor, { structureId }) => roleIn(actor, structureId) !== undefined,
  "transfer.view": (actor, transfer) => isParty(actor, transfer) || isCoordinatorOf(actor, transfer.territoryId),
  "transfer.viewPersonalData": isParty,
  "transfer.actAsSender": (actor, { fromStructureId }) => roleIn(actor, fromStructureId) !== undefined,
  "transfer.actAsReceiver": (actor, { toStructureId }) => roleIn(actor, toStructureId) !== undefined,
  // "Effacer les données de la personne" on request, at any time, by either party.
  "transfer.erasePersonalData": isParty,
};

export const ACTIONS = Object.keys(RULES) as Action[];

/** Anonymous visitors (null) may do none of these actions. */
export function can<A extends Action>(actor: Actor | null, action: A, resource: ActionResources[A]): boolean {
  if (!actor) return false;
  return RULES[action](actor, resource);
}
