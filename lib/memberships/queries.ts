/** Reads for the membership pages, scoped in the query to what the actor may see. */
import type { PrismaClient } from "@/lib/db";
import { scopeFor, type Actor } from "@/lib/auth/policy";

/** A structure whose members the actor may see (the policy's "structure.viewMembers" scope), or null. */
export function findStructureForMembers(db: PrismaClient, actor: Actor, structureId: string) {
  return db.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.viewMembers")] },
    select: { id: true, name: true, territoryId: true, territory: { select: { name: true, slug: true } } },
  });
}

export async function getMembersPage(db: PrismaClient, structureId: string, now = new Date()) {
  const [members, invitations, joinRequests] = await Promise.all([
    db.structureMembership.findMany({
      where: { structureId },
      select: { role: true, user: { select: { id: true, email: true, name: true } } },
      orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
    }),
    db.invitation.findMany({
      where: { structureId, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, expiresAt: true },
      orderBy: { email: "asc" },
    }),
    db.joinRequest.findMany({
      where: { structureId, status: "pending" },
      select: { id: true, message: true, createdAt: true, user: { select: { email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { members, invitations, joinRequests };
}

/** Published structures, each with where the actor stands with it. */
export async function listJoinableStructures(db: PrismaClient, actor: Actor) {
  const structures = await db.structure.findMany({
    where: { status: "published" },
    orderBy: [{ territory: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      territoryId: true,
      territory: { select: { name: true } },
      joinRequests: { where: { userId: actor.userId }, select: { status: true } },
    },
  });
  return structures.map(({ joinRequests, ...structure }) => ({
    ...structure,
    isMember: actor.memberships.some((membership) => membership.structureId === structure.id),
    requestStatus: joinRequests[0]?.status ?? null,
  }));
}

/** A territory the actor manages (the policy's "territory.manage" scope: its coordinators, platform admins), with its structures; or null. */
export function findManagedTerritory(db: PrismaClient, actor: Actor, slug: string) {
  return db.territory.findFirst({
    where: { AND: [{ slug }, scopeFor(actor, "territory.manage")] },
    select: {
      id: true,
      name: true,
      slug: true,
      structures: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          status: true,
          _count: { select: { memberships: true, joinRequests: { where: { status: "pending" } } } },
          memberships: { where: { role: "admin" }, select: { user: { select: { email: true } } } },
        },
      },
    },
  });
}

export function listTerritoriesForAdmin(db: PrismaClient) {
  return db.territory.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      country: true,
      coordinators: { select: { user: { select: { email: true } } } },
    },
  });
}
