/** Who is acting, for pages and server actions. */
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { databaseFoundUnavailable, DatabaseUnavailableError, noteDatabaseError } from "@/lib/database/availability";
import { db } from "@/lib/db";
import { loadActor, type SignedInActor } from "./actor";
import { authOptions } from "./options";

/** next-auth's session cookie: its name over plain HTTP, and over HTTPS (secure prefix). */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Once per request: the layout (the header's "Transferts"), the page and its parts all ask, and
 * each answer costs a session read and an actor read. (Outside a render — a server action —
 * `cache` simply calls through.)
 */
export const getActor = cache(async (): Promise<SignedInActor | null> => {
  // No session cookie, no session: most visitors (residents) are spared next-auth's work.
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) return null;
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) await assertDatabaseAnswers();
  return userId ? loadActor(db, userId) : null;
});

/**
 * A cookie without a session: expired — or the database did not answer, which next-auth does not
 * say (it logs the error and answers "no session"). Then the person must read "momentanément
 * indisponible", not "votre session a expiré" with a sign-in page.
 */
async function assertDatabaseAnswers(): Promise<void> {
  if (databaseFoundUnavailable()) throw new DatabaseUnavailableError();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    if (noteDatabaseError(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
}

/** The signed-in person, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireActor(returnTo: string): Promise<SignedInActor> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
