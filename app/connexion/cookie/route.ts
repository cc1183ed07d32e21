/**
 * Gives the browser next-auth's CSRF cookie, then goes back to the sign-in page it came from,
 * so that the sign-in forms work as plain HTML forms, without JavaScript.
 */
import { NextRequest } from "next/server";
import { nextAuthHandler } from "@/lib/auth/handler";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const next = url.searchParams.get("suite") ?? "/connexion";
  const target = new URL(next.startsWith("/") && !next.startsWith("//") ? next : "/connexion", url.origin);
  target.searchParams.set("cookies", "1");

  const csrf = await nextAuthHandler(new NextRequest(new URL("/api/auth/csrf", url.origin)), {
    params: Promise.resolve({ nextauth: ["csrf"] }),
  });
  const response = Response.redirect(target, 303);
  const redirect = new Response(null, { status: 303, headers: response.headers });
  for (const cookie of csrf.headers.getSetCookie()) redirect.headers.append("set-cookie", cookie);
  return redirect;
}
