/**
 * next-auth's storage on Toile's Prisma client: users, linked OpenID accounts, database
 * sessions and single-use magic-link tokens. Emails are stored trimmed and lower-case.
 */
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { PrismaClient } from "@/lib/db";

const toAdapterUser = (user: { id: string; email: string; name: string | null; emailVerified: Date | null; image: string | null }): AdapterUser => user;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toileAdapter(db: PrismaClient): Adapter {
  return {
    async createUser({ email, name, emailVerified, image }: Omit<AdapterUser, "id">) {
      return toAdapterUser(
        await db.user.create({ data: { email: normalizeEmail(email), name, emailVerified, image } }),
      );
    },
    async getUser(id) {
      const user = await db.user.findUnique({ where: { id } }).catch(() => null);
      return user && toAdapterUser(user);
    },
    async getUserByEmail(email) {
      const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
      return user && toAdapterUser(user);
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account && toAdapterUser(account.user);
    },
    async updateUser({ id, email, name, emailVerified, image }) {
      return toAdapterUser(
        await db.user.update({
          where: { id },
          data: { email: email && normalizeEmail(email), name, emailVerified, image },
        }),
      );
    },
    async deleteUser(id) {
      await db.user.delete({ where: { id } });
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token,
          access_token: account.access_token,
          expires_at: account.expires_at,
          token_type: account.token_type as string | undefined,
          scope: account.scope,
          id_token: account.id_token,
          session_state: account.session_state as string | undefined,
        },
      });
    },
    async unlinkAccount({ provider, providerAccountId }: Pick<AdapterAccount, "provider" | "providerAccountId">) {
      await db.account.delete({ where: { provider_providerAccountId: { provider, providerAccountId } } });
    },
    createSession: (session) => db.session.create({ data: session }),
    async getSessionAndUser(sessionToken) {
      const found = await db.session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      const { user, ...session } = found;
      return { session, user: toAdapterUser(user) };
    },
    updateSession: ({ sessionToken, ...data }) => db.session.update({ where: { sessionToken }, data }),
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken } });
    },
    createVerificationToken: (token) => db.verificationToken.create({ data: token }),
    async useVerificationToken({ identifier, token }) {
      // Single use: the token is deleted as it is read; a second click, even at the same
      // moment, deletes nothing and gets nothing.
      return db.$transaction(async (tx) => {
        const found = await tx.verificationToken.findUnique({
          where: { identifier_token: { identifier, token } },
        });
        if (!found) return null;
        const { count } = await tx.verificationToken.deleteMany({ where: { identifier, token } });
        return count === 1 ? found : null;
      });
    },
  };
}
