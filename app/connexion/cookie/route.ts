/**
 * Gives the browser next-auth's CSRF cookie, then goes back to the sign-in page it came from,
 * so that the sign-in forms work as plain HTML forms, without JavaScript.
 */
import { NextRequest } from "next/server";
import { nextAuthHandler } from "@/lib/auth/handler";
import { safeCallbackUrl } from "@/lib/auth/redirects";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const target = new URL(safeCallbackUrl(url.searchParams.get("suite") ?? undefined, "/connexion"), url.origin);
  target.searchParams.set("cookies", "1");

  const csrf = await nextAuthHandler(new NextRequest(new URL("/api/auth/csrf", url.origin)), {
    params: Promise.resolve({ nextauth: ["csrf"] }),
  });
  // A relative address: the browser stays on the host it asked (the app may know itself by another name).
  const redirect = new Response(null, { status: 303, headers: { location: `${target.pathname}${target.search}` } });
  for (const cookie of csrf.headers.getSetCookie()) redirect.headers.append("set-cookie", cookie);
  return redirect;
}
