/**
 * Passes the public pages' language (`?lang=en`) to the root layout, which cannot read the query
 * itself, so that <html> carries the right `lang` and `dir`. Whatever a client sends in that
 * header is replaced: only the query decides.
 */
import { NextResponse, type NextRequest } from "next/server";
import { localeFrom, LOCALE_HEADER } from "@/lib/i18n/locales";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, localeFrom(request.nextUrl.searchParams.get("lang")));
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/|favicon.ico).*)"] };
