/**
 * Signing out ends a database session: this one, or every session of its person ("partout").
 * Returns the person's OpenID id_token, if they have one, for a sign-out at the provider too.
 */
import type { PrismaClient } from "@/lib/db";
import { OPENID_PROVIDER_ID } from "./proconnect";

export async function endSessions(db: PrismaClient, sessionToken: string, everywhere: boolean): Promise<{ idToken: string | null }> {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: {
      userId: true,
      user: { select: { accounts: { where: { provider: OPENID_PROVIDER_ID, id_token: { not: null } }, select: { id_token: true }, take: 1 } } },
    },
  });
  if (!session) return { idToken: null };
  await db.session.deleteMany({ where: everywhere ? { userId: session.userId } : { sessionToken } });
  return { idToken: session.user.accounts[0]?.id_token ?? null };
}
