/** Reads for the membership pages, scoped in the query to what the actor may see. */
import type { PrismaClient } from "@/lib/db";
import { can, scopeFor, type Actor, type StructureRef } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldSql, JOIN_PAGE_SIZE, searchPatterns } from "./join-search";

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

export interface JoinableSearch {
  /** The territories searched; null: every territory. */
  territoryIds: string[] | null;
  /** What was typed: a name, a commune or a postal code (every word must be found). */
  query: string;
  page: number;
  pageSize?: number;
}

/**
 * The structures a person may ask to join, one page of them, each with where the actor stands
 * with it (member, request pending). Found by name, commune or postal code of their places,
 * whatever the case, accents, hyphens and apostrophes.
 *
 * Scope: the policy's "structure.find" — published structures of any territory, draft ones in the
 * territories whose drafts the actor sees, closed ones never. Said here in SQL (the search folds
 * accents in PostgreSQL), with the territories asked of the policy; join-search.db.test.ts checks
 * that, for every role, an empty search lists exactly the rows of `scopeFor(actor, "structure.find")`.
 */
export async function searchJoinableStructures(db: PrismaClient, actor: Actor, search: JoinableSearch) {
  const pageSize = search.pageSize ?? JOIN_PAGE_SIZE;
  const territories = await db.territory.findMany({ select: { id: true } });
  const draftTerritoryIds = territories.map(({ id }) => id).filter((territoryId) => can(actor, "structure.find", { structureId: "", territoryId, status: "draft" }));

  const patterns = searchPatterns(search.query);
  const haystack = foldSql(Prisma.sql`s.name || ' ' || coalesce((
    SELECT string_agg(p."communeName" || ' ' || p."postalCode" || ' ' || p."communeCode", ' ')
    FROM "Place" p WHERE p."structureId" = s.id), '')`);
  const where = Prisma.sql`
    WHERE (s.status = 'published' OR (s.status = 'draft' AND s."territoryId" = ANY(${draftTerritoryIds}::uuid[])))
    ${search.territoryIds ? Prisma.sql`AND s."territoryId" = ANY(${search.territoryIds}::uuid[])` : Prisma.empty}
    ${patterns.length ? Prisma.sql`AND ${haystack} LIKE ALL(${patterns}::text[])` : Prisma.empty}`;

  const [{ total }] = await db.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM "Structure" s ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, search.page), pageCount);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Structure" s JOIN "Territory" t ON t.id = s."territoryId" ${where}
    ORDER BY ${foldSql(Prisma.sql`s.name`)}, s.name, ${foldSql(Prisma.sql`t.name`)}, s.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;

  const rows = await db.structure.findMany({
    where: { id: { in: ids.map(({ id }) => id) } },
    select: {
      id: true,
      name: true,
      status: true,
      territoryId: true,
      territory: { select: { name: true } },
      places: { select: { communeName: true, postalCode: true }, orderBy: [{ communeName: "asc" }] },
      joinRequests: { where: { userId: actor.userId }, select: { status: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const structures = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    const { joinRequests, places, ...structure } = row;
    const communes = [...new Set(places.map(({ communeName, postalCode }) => `${communeName} (${postalCode})`))];
    return [
      {
        ...structure,
        communes,
        isMember: actor.memberships.some((membership) => membership.structureId === structure.id),
        requestStatus: joinRequests[0]?.status ?? null,
      },
    ];
  });
  return { structures, total, page, pageCount, pageSize };
}

/**
 * The structure a person asks to join, for the policy, when it is one they may find on
 * "Rejoindre une structure" (the scope above); null otherwise, so a forged id is "not found".
 */
export async function joinableStructureRef(db: PrismaClient, actor: Actor, structureId: string): Promise<StructureRef | null> {
  const structure = await db.structure.findUnique({ where: { id: structureId }, select: { id: true, territoryId: true, status: true } });
  if (!structure) return null;
  const ref = { structureId: structure.id, territoryId: structure.territoryId };
  return can(actor, "structure.find", { ...ref, status: structure.status }) ? ref : null;
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
