import type { PrismaClient } from "@/lib/db";
import type { Actor } from "./policy";

export interface SignedInActor extends Actor {
  email: string;
  name: string | null;
}

/** Everything the policy needs to know about a person, in one query. */
export async function loadActor(db: PrismaClient, userId: string): Promise<SignedInActor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isPlatformAdmin: true,
      coordinatedAreas: { select: { territoryId: true } },
      memberships: { select: { structureId: true, role: true, structure: { select: { territoryId: true } } } },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
    coordinatedTerritoryIds: user.coordinatedAreas.map((area) => area.territoryId),
    memberships: user.memberships.map((membership) => ({
      structureId: membership.structureId,
      territoryId: membership.structure.territoryId,
      role: membership.role,
    })),
  };
}
