/**
 * Sign out: deletes this session (or, with ?partout=1, every session of the person) and its
 * cookie. A plain form POST, checked to come from this site.
 */
import { cookies } from "next/headers";
import { signOutSessions } from "@/lib/auth/page-data";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function POST(request: Request) {
  const url = new URL(request.url);
  // Behind a proxy, the site's public address is NEXTAUTH_URL.
  const siteOrigin = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : url.origin;
  const origin = request.headers.get("origin");
  if (origin && origin !== siteOrigin && origin !== url.origin) {
    return new Response("Origine refusée.", { status: 403 });
  }

  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    await signOutSessions(token, url.searchParams.get("partout") === "1");
    jar.delete(name);
  }
  return Response.redirect(new URL("/", siteOrigin), 303);
}
