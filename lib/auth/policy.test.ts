/**
 * Every role × every action, allowed and denied. Adding an action to the policy without a line
 * here fails the "covers every action" test.
 */
import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action, type ActionResources, type Actor } from "./policy";

const TERRITORY = "territory-1";
const OTHER_TERRITORY = "territory-2";
const STRUCTURE = { structureId: "structure-1", territoryId: TERRITORY };
const SAME_TERRITORY_STRUCTURE = { structureId: "structure-2", territoryId: TERRITORY };
const THIRD_STRUCTURE = { structureId: "structure-3", territoryId: TERRITORY };
/** A transfer from "the structure" to "another structure" of the same territory. */
const TRANSFER = { territoryId: TERRITORY, fromStructureId: STRUCTURE.structureId, toStructureId: SAME_TERRITORY_STRUCTURE.structureId };

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
  "admin of another structure": actor({ memberships: [{ ...SAME_TERRITORY_STRUCTURE, role: "admin" }] }),
  "member of another structure": actor({ memberships: [{ ...SAME_TERRITORY_STRUCTURE, role: "member" }] }),
  "member of a third structure": actor({ memberships: [{ ...THIRD_STRUCTURE, role: "member" }] }),
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
  "account.manageOwn": null,
  "transfer.create": STRUCTURE,
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
    "admin of another structure",
    "member of another structure",
    "member of a third structure",
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
    "admin of another structure",
    "member of another structure",
    "member of a third structure",
    "coordinator of the territory",
    "coordinator of another territory",
    "platform admin",
  ],
  "account.manageOwn": [
    "signed in, no role",
    "member of the structure",
    "admin of the structure",
    "admin of another structure",
    "member of another structure",
    "member of a third structure",
    "coordinator of the territory",
    "coordinator of another territory",
    "platform admin",
  ],
  // The transfer goes from "the structure" (sender) to "another structure" (receiver).
  "transfer.create": ["member of the structure", "admin of the structure"],
  "transfer.view": [
    "member of the structure",
    "admin of the structure",
    "admin of another structure",
    "member of another structure",
    "coordinator of the territory",
  ],
  "transfer.viewPersonalData": [
    "member of the structure",
    "admin of the structure",
    "admin of another structure",
    "member of another structure",
  ],
  "transfer.actAsSender": ["member of the structure", "admin of the structure"],
  "transfer.actAsReceiver": ["admin of another structure", "member of another structure"],
  "transfer.erasePersonalData": [
    "member of the structure",
    "admin of the structure",
    "admin of another structure",
    "member of another structure",
  ],
};

describe("authorization policy", () => {
  it("has an expectation for every action", () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...ACTIONS].sort());
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
});
