/**
 * Passes the public pages' language (`?lang=en`) to the root layout, which cannot read the query
 * itself, so that <html> carries the right `lang` and `dir`. Only the residents' pages (`/t/…`)
 * are translated; every other page is French. Whatever a client sends in that header is
 * replaced: only the path and the query decide.
 */
import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, localeFrom, LOCALE_HEADER } from "@/lib/i18n/locales";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const translated = request.nextUrl.pathname.startsWith("/t/");
  headers.set(LOCALE_HEADER, translated ? localeFrom(request.nextUrl.searchParams.get("lang")) : DEFAULT_LOCALE);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/|favicon.ico).*)"] };
