/**
 * Every role × every action, allowed and denied, generated from the policy's own ACTIONS: adding
 * an action to the policy without a line here fails the "covers every action" test. Transfers are
 * checked twice: once sent, and as a draft (the sending structure's own).
 */
import { describe, expect, it } from "vitest";
import { ACTIONS, can, scopeFor, SCOPED_ACTIONS, type Action, type ActionResources, type Actor, type TransferRef } from "./policy";

const TERRITORY = "territory-1";
const OTHER_TERRITORY = "territory-2";
const STRUCTURE = { structureId: "structure-1", territoryId: TERRITORY };
const SAME_TERRITORY_STRUCTURE = { structureId: "structure-2", territoryId: TERRITORY };
const THIRD_STRUCTURE = { structureId: "structure-3", territoryId: TERRITORY };
/** A transfer from "the structure" to "another structure" of the same territory. */
const TRANSFER = {
  territoryId: TERRITORY,
  fromStructureId: STRUCTURE.structureId,
  toStructureId: SAME_TERRITORY_STRUCTURE.structureId,
  status: "sent",
} satisfies TransferRef;
const DRAFT = { ...TRANSFER, status: "draft" } satisfies TransferRef;

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: "user",
  isPlatformAdmin: false,
  coordinatedTerritoryIds: [],
  memberships: [],
  ...overrides,
});

const ROLES = {
  anonymous: null,
  "signed in, no role": actor({}),
  "member of the structure": actor({ memberships: [{ ...STRUCTURE, role: "member" }] }),
  "admin of the structure": actor({ memberships: [{ ...STRUCTURE, role: "admin" }] }),
  // The other party structure: another structure of the territory, the transfer's receiving side.
  "admin of the other party structure": actor({ memberships: [{ ...SAME_TERRITORY_STRUCTURE, role: "admin" }] }),
  "member of the other party structure": actor({ memberships: [{ ...SAME_TERRITORY_STRUCTURE, role: "member" }] }),
  "member of an unrelated structure": actor({ memberships: [{ ...THIRD_STRUCTURE, role: "member" }] }),
  "coordinator of the territory": actor({ coordinatedTerritoryIds: [TERRITORY] }),
  "coordinator of another territory": actor({ coordinatedTerritoryIds: [OTHER_TERRITORY] }),
  "platform admin": actor({ isPlatformAdmin: true }),
} as const;
type Role = keyof typeof ROLES;

const RESOURCES: ActionResources = {
  "territory.create": null,
  "territory.nameCoordinator": { territoryId: TERRITORY },
  "territory.manage": { territoryId: TERRITORY },
  "territory.viewMatrix": { territoryId: TERRITORY },
  "structure.viewMembers": STRUCTURE,
  "structure.edit": STRUCTURE,
  "structure.inviteAdmin": STRUCTURE,
  "structure.inviteMember": STRUCTURE,
  "structure.decideJoinRequest": STRUCTURE,
  "structure.removeMember": STRUCTURE,
  "structure.requestJoin": STRUCTURE,
  // A draft: found only by those who see the territory's drafts (a published one: by everyone, below).
  "structure.find": { ...STRUCTURE, status: "draft" },
  "account.manageOwn": null,
  "transfer.create": STRUCTURE,
  "structure.receive": STRUCTURE,
  "structure.viewIndicators": STRUCTURE,
  "platform.viewIndicators": null,
  "transfer.view": TRANSFER,
  "transfer.viewPersonalData": TRANSFER,
  "transfer.actAsSender": TRANSFER,
  "transfer.actAsReceiver": TRANSFER,
  "transfer.erasePersonalData": TRANSFER,
};

// Who may act: every role not listed is denied.
const ALLOWED: Record<Action, Role[]> = {
  "territory.create": ["platform admin"],
  "territory.nameCoordinator": ["platform admin"],
  "territory.manage": ["coordinator of the territory", "platform admin"],
  "territory.viewMatrix": [
    "member of the structure",
    "admin of the structure",
    "admin of the other party structure",
    "member of the other party structure",
    "member of an unrelated structure",
    "coordinator of the territory",
    "platform admin",
  ],
  "structure.viewMembers": ["member of the structure", "admin of the structure", "coordinator of the territory"],
  "structure.edit": ["admin of the structure", "coordinator of the territory"],
  "structure.inviteAdmin": ["admin of the structure", "coordinator of the territory"],
  "structure.inviteMember": ["admin of the structure", "coordinator of the territory"],
  "structure.decideJoinRequest": ["admin of the structure", "coordinator of the territory"],
  "structure.removeMember": ["admin of the structure", "coordinator of the territory"],
  "structure.requestJoin": [
    "signed in, no role",
    "admin of the other party structure",
    "member of the other party structure",
    "member of an unrelated structure",
    "coordinator of the territory",
    "coordinator of another territory",
    "platform admin",
  ],
  "structure.find": [
    "member of the structure",
    "admin of the structure",
    "admin of the other party structure",
    "member of the other party structure",
    "member of an unrelated structure",
    "coordinator of the territory",
    "platform admin",
  ],
  "account.manageOwn": [
    "signed in, no role",
    "member of the structure",
    "admin of the structure",
    "admin of the other party structure",
    "member of the other party structure",
    "member of an unrelated structure",
    "coordinator of the territory",
    "coordinator of another territory",
    "platform admin",
  ],
  // The transfer goes from "the structure" (sender) to "another structure" (receiver).
  "transfer.create": ["member of the structure", "admin of the structure"],
  "structure.receive": ["member of the structure", "admin of the structure"],
  "structure.viewIndicators": ["admin of the structure", "coordinator of the territory"],
  "platform.viewIndicators": ["platform admin"],
  "transfer.view": [
    "member of the structure",
    "admin of the structure",
    "admin of the other party structure",
    "member of the other party structure",
    "coordinator of the territory",
  ],
  "transfer.viewPersonalData": [
    "member of the structure",
    "admin of the structure",
    "admin of the other party structure",
    "member of the other party structure",
  ],
  "transfer.actAsSender": ["member of the structure", "admin of the structure"],
  "transfer.actAsReceiver": ["admin of the other party structure", "member of the other party structure"],
  "transfer.erasePersonalData": [
    "member of the structure",
    "admin of the structure",
    "admin of the other party structure",
    "member of the other party structure",
  ],
};

type TransferAction = { [A in Action]: ActionResources[A] extends TransferRef ? A : never }[Action];

// The same transfer as a draft: only its sending structure's people see it or act on it.
const ALLOWED_ON_DRAFT: Record<TransferAction, Role[]> = {
  "transfer.view": ["member of the structure", "admin of the structure"],
  "transfer.viewPersonalData": ["member of the structure", "admin of the structure"],
  "transfer.actAsSender": ["member of the structure", "admin of the structure"],
  "transfer.actAsReceiver": [],
  "transfer.erasePersonalData": ["member of the structure", "admin of the structure"],
};

describe("authorization policy", () => {
  it("has an expectation for every action", () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...ACTIONS].sort());
  });

  it("has a draft expectation for every action on a transfer", () => {
    const onTransfers = ACTIONS.filter((action) => RESOURCES[action] === TRANSFER);
    expect(Object.keys(ALLOWED_ON_DRAFT).sort()).toEqual(onTransfers.sort());
  });

  it("gives every action on a row a scope, and anonymous visitors a scope that matches nothing", () => {
    expect([...SCOPED_ACTIONS].sort()).toEqual(ACTIONS.filter((action) => RESOURCES[action] !== null).sort());
    for (const action of SCOPED_ACTIONS) expect(scopeFor(null, action)).toEqual({ id: { in: [] } });
  });

  const cases = ACTIONS.flatMap((action) =>
    (Object.keys(ROLES) as Role[]).map((role) => ({
      action,
      role,
      allowed: ALLOWED[action].includes(role),
    })),
  );

  it.each(cases)("$role → $action: $allowed", ({ action, role, allowed }) => {
    expect(can(ROLES[role], action, RESOURCES[action] as never)).toBe(allowed);
  });

  const draftCases = (Object.keys(ALLOWED_ON_DRAFT) as TransferAction[]).flatMap((action) =>
    (Object.keys(ROLES) as Role[]).map((role) => ({ action, role, allowed: ALLOWED_ON_DRAFT[action].includes(role) })),
  );

  it.each(draftCases)("$role → $action on a draft: $allowed", ({ action, role, allowed }) => {
    expect(can(ROLES[role], action, DRAFT)).toBe(allowed);
  });

  // structure.find on a draft is in the table above; published and closed ones here.
  it.each(Object.keys(ROLES) as Role[])("%s → structure.find: a published structure yes (signed in), a closed one never", (role) => {
    expect(can(ROLES[role], "structure.find", { ...STRUCTURE, status: "published" })).toBe(role !== "anonymous");
    expect(can(ROLES[role], "structure.find", { ...STRUCTURE, status: "closed" })).toBe(false);
  });
});
