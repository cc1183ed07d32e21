import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { csrfTokenFrom } from "./handler";

/**
 * The CSRF token a sign-in form needs. Without the cookie yet, goes to /connexion/cookie to get
 * it and come back (`cookiesTried` then stops a loop in a browser that refuses cookies: null).
 */
export async function csrfTokenForPage(currentPath: string, cookiesTried: boolean): Promise<string | null> {
  const token = csrfTokenFrom(await cookies());
  if (token || cookiesTried) return token;
  redirect(`/connexion/cookie?suite=${encodeURIComponent(currentPath)}`);
}
