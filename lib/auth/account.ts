import type { PrismaClient } from "@/lib/db";

/** The account page: my structures and roles, my territories. */
export function getAccountOverview(db: PrismaClient, userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      isPlatformAdmin: true,
      memberships: {
        select: { role: true, structure: { select: { id: true, name: true, territory: { select: { name: true } } } } },
        orderBy: { structure: { name: "asc" } },
      },
      coordinatedAreas: { select: { territory: { select: { slug: true, name: true } } } },
      _count: { select: { sessions: true } },
    },
  });
}

/**
 * Deletes a person's account: sessions, linked identities, memberships and join requests go
 * with it. What they entered for their structures stays (it belongs to the structure), and the
 * invitations they sent stay valid without their name.
 */
export async function deleteAccount(db: PrismaClient, userId: string) {
  await db.user.delete({ where: { id: userId } });
}
