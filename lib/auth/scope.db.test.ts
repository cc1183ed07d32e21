/**
 * "May see this row" and "this row is in my list" cannot disagree: for every action that has a
 * scope (the policy's own SCOPED_ACTIONS, so a new scoped action is covered without a line here)
 * and every role, the rows `can` allows are exactly the rows `findMany({ where: scopeFor(…) })`
 * returns. Two territories, structures on both sides, drafts and sent transfers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newTransferCode } from "@/lib/transfers/code";
import { transferRefOf } from "@/lib/transfers/authorize";
import type { StructureRole, TransferStatus } from "@/lib/generated/prisma/client";
import { loadActor } from "./actor";
import { can, scopeFor, scopeTableOf, SCOPED_ACTIONS, type Actor, type ScopedAction } from "./policy";

const ROLE_NAMES = [
  "anonymous",
  "signed in, no role",
  "platform admin",
  "coordinator of the territory",
  "coordinator of another territory",
  "admin of the structure",
  "member of the structure",
  "member of the other party structure",
  "member of an unrelated structure",
  "member of two territories' structures",
] as const;
type RoleName = (typeof ROLE_NAMES)[number];

const actors = new Map<RoleName, Actor | null>();

beforeAll(async () => {
  const territory = (slug: string) => db.territory.create({ data: { slug, name: slug, country: "FR" }, select: { id: true } });
  const [north, south] = [await territory("nord"), await territory("sud")];
  const structure = (name: string, territoryId: string, status: "draft" | "published" | "closed" = "published") =>
    db.structure.create({ data: { name, territoryId, status }, select: { id: true, territoryId: true } });
  const sender = await structure("Expéditrice", north.id);
  const receiver = await structure("Destinataire", north.id);
  const unrelated = await structure("Sans lien", north.id, "draft");
  const southSender = await structure("Expéditrice du sud", south.id);
  const southReceiver = await structure("Destinataire du sud", south.id, "draft");
  await structure("Fermée du nord", north.id, "closed");

  const person = async (email: string, options: { admin?: boolean; memberships?: [string, StructureRole][]; coordinates?: string[] } = {}) => {
    const user = await db.user.create({
      data: {
        email,
        isPlatformAdmin: options.admin ?? false,
        memberships: { create: (options.memberships ?? []).map(([structureId, role]) => ({ structureId, role })) },
        coordinatedAreas: { create: (options.coordinates ?? []).map((territoryId) => ({ territoryId })) },
      },
    });
    return (await loadActor(db, user.id))!;
  };
  actors.set("anonymous", null);
  actors.set("signed in, no role", await person("personne@exemple.fr"));
  actors.set("platform admin", await person("admin@exemple.fr", { admin: true }));
  actors.set("coordinator of the territory", await person("coord.nord@exemple.fr", { coordinates: [north.id] }));
  actors.set("coordinator of another territory", await person("coord.sud@exemple.fr", { coordinates: [south.id] }));
  actors.set("admin of the structure", await person("admin.exp@exemple.fr", { memberships: [[sender.id, "admin"]] }));
  actors.set("member of the structure", await person("membre.exp@exemple.fr", { memberships: [[sender.id, "member"]] }));
  actors.set("member of the other party structure", await person("membre.dest@exemple.fr", { memberships: [[receiver.id, "member"]] }));
  actors.set("member of an unrelated structure", await person("membre.tiers@exemple.fr", { memberships: [[unrelated.id, "admin"]] }));
  actors.set(
    "member of two territories' structures",
    await person("deux@exemple.fr", { memberships: [[receiver.id, "admin"], [southSender.id, "member"]], coordinates: [south.id] }),
  );

  const transfer = (from: { id: string; territoryId: string }, to: { id: string }, status: TransferStatus) => {
    const id = crypto.randomUUID();
    return db.transfer.create({
      data: {
        id,
        parcoursId: id,
        code: newTransferCode(),
        territoryId: from.territoryId,
        fromStructureId: from.id,
        toStructureId: to.id,
        idempotencyKey: crypto.randomUUID(),
        level: "accompanied",
        status,
        needDescription: "Refaire un CV",
      },
    });
  };
  await transfer(sender, receiver, "sent");
  await transfer(sender, receiver, "draft");
  await transfer(receiver, sender, "accepted");
  await transfer(receiver, sender, "draft");
  await transfer(sender, sender, "completed");
  await transfer(unrelated, receiver, "declined");
  await transfer(southSender, southReceiver, "sent");
  await transfer(southSender, southReceiver, "draft");
});

/** Every row of the action's table, as the policy sees it, and the rows its scope selects. */
async function rowsOf(action: ScopedAction, actor: Actor | null) {
  switch (scopeTableOf(action)) {
    case "territory": {
      const scope = scopeFor(actor, action) as NonNullable<Parameters<typeof db.territory.findMany>[0]>["where"];
      const all = await db.territory.findMany({ select: { id: true } });
      const listed = await db.territory.findMany({ where: scope, select: { id: true } });
      return { all: all.map((row) => ({ id: row.id, ref: { territoryId: row.id } })), listed: listed.map((row) => row.id) };
    }
    case "structure": {
      const scope = scopeFor(actor, action) as NonNullable<Parameters<typeof db.structure.findMany>[0]>["where"];
      const all = await db.structure.findMany({ select: { id: true, territoryId: true, status: true } });
      const listed = await db.structure.findMany({ where: scope, select: { id: true } });
      return {
        all: all.map((row) => ({ id: row.id, ref: { structureId: row.id, territoryId: row.territoryId, status: row.status } })),
        listed: listed.map((row) => row.id),
      };
    }
    case "transfer": {
      const scope = scopeFor(actor, action) as NonNullable<Parameters<typeof db.transfer.findMany>[0]>["where"];
      const all = await db.transfer.findMany({ select: { id: true, territoryId: true, fromStructureId: true, toStructureId: true, status: true } });
      const listed = await db.transfer.findMany({ where: scope, select: { id: true } });
      return { all: all.map((row) => ({ id: row.id, ref: transferRefOf(row) })), listed: listed.map((row) => row.id) };
    }
  }
}

const cases = SCOPED_ACTIONS.flatMap((action) => ROLE_NAMES.map((role) => ({ action, role })));

describe("scopeFor agrees with can", () => {
  it("covers the three tables with rows on both sides of every rule", async () => {
    expect(await db.territory.count()).toBe(2);
    expect(await db.structure.count()).toBe(6);
    expect(await db.transfer.count({ where: { status: "draft" } })).toBe(3);
  });

  it.each(cases)("$action for $role: the rows it may act on are the rows its scope lists", async ({ action, role }) => {
    const actor = actors.get(role)!;
    const { all, listed } = await rowsOf(action, actor);
    const allowed = all.filter((row) => can(actor, action, row.ref as never)).map((row) => row.id);
    expect(listed.sort()).toEqual(allowed.sort());
  });

  it("lists nothing for anonymous visitors and something for the actors the rules allow", async () => {
    for (const action of SCOPED_ACTIONS) expect((await rowsOf(action, null)).listed).toEqual([]);
    // The comparisons above are not vacuous: every scoped action lists some row for some role.
    for (const action of SCOPED_ACTIONS) {
      const counts = await Promise.all(ROLE_NAMES.map(async (role) => (await rowsOf(action, actors.get(role)!)).listed.length));
      expect(counts.some((count) => count > 0), action).toBe(true);
    }
  });
});
