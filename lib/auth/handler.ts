import NextAuth from "next-auth";
import { authOptions } from "./options";

export type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth's route handler (app/api/auth/[...nextauth]). */
export const nextAuthHandler = NextAuth(authOptions) as (
  request: Request,
  context: NextAuthContext,
) => Promise<Response>;

/** next-auth's CSRF cookie: "token|hash"; the token goes in every form posted to next-auth. */
const CSRF_COOKIES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

export function csrfTokenFrom(cookies: { get(name: string): { value: string } | undefined }): string | null {
  for (const name of CSRF_COOKIES) {
    const value = cookies.get(name)?.value;
    if (value) return value.split("|")[0] ?? null;
  }
  return null;
}
