import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";

/** A structure the actor may edit (its admins, its territory's coordinators), or null. */
export function findStructureForEdit(db: PrismaClient, actor: Actor, structureId: string) {
  return db.structure.findFirst({
    where: {
      id: structureId,
      OR: [
        { memberships: { some: { userId: actor.userId, role: "admin" } } },
        { territory: { coordinators: { some: { userId: actor.userId } } } },
      ],
    },
    select: { id: true, name: true, territoryId: true },
  });
}
