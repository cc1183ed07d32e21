/**
 * Development helpers: one-click sign-in as a demo account, and the outbox as a page.
 * Both exist only when NODE_ENV is "development"; in production they answer "not found".
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";

export const isDevelopment = () => process.env.NODE_ENV === "development";

export const SESSION_COOKIE = "next-auth.session-token";
const SESSION_DAYS = 30;

/** A database session for `userId`, as next-auth would create it after a magic link. */
export async function createSession(db: PrismaClient, userId: string) {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}

/** A session for the account with this e-mail address (a demo account), or null when there is none. */
export async function createSessionForEmail(db: PrismaClient, email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  return user ? createSession(db, user.id) : null;
}
