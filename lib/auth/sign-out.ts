/** Signing out ends a database session: this one, or every session of its person ("partout"). */
import type { PrismaClient } from "@/lib/db";

export async function endSessions(db: PrismaClient, sessionToken: string, everywhere: boolean) {
  if (!everywhere) {
    await db.session.deleteMany({ where: { sessionToken } });
    return;
  }
  const session = await db.session.findUnique({ where: { sessionToken }, select: { userId: true } });
  if (session) await db.session.deleteMany({ where: { userId: session.userId } });
}
