/**
 * Sign out: deletes this session (or, with ?partout=1, every session of the person) and its
 * cookie. A plain form POST, checked to come from this site. A person who signed in with
 * ProConnect is then sent to the provider's end_session_endpoint (id_token_hint), which sends
 * them back home.
 */
import { cookies } from "next/headers";
import { signOutSessions } from "@/lib/auth/page-data";
import { providerSignOutUrl } from "@/lib/auth/proconnect";
import { log } from "@/lib/log";

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
  let idToken: string | null = null;
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    idToken = (await signOutSessions(token, url.searchParams.get("partout") === "1")).idToken ?? idToken;
    jar.delete(name);
  }
  const home = new URL("/", siteOrigin);
  if (idToken) {
    // The local session is already gone: a provider that cannot be reached only leaves its own.
    const atProvider = await providerSignOutUrl(idToken, home.toString()).catch((error: unknown) => {
      log.warn({ err: error }, "Déconnexion chez le fournisseur d'identité impossible");
      return null;
    });
    if (atProvider) return Response.redirect(atProvider, 303);
  }
  return Response.redirect(home, 303);
}
