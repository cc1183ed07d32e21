/**
 * Passes the public pages' language (`?lang=en`) to the root layout, which cannot read the query
 * itself, so that <html> carries the right `lang` and `dir`. Only the residents' pages (`/t/…`)
 * are translated; every other page is French. Whatever a client sends in that header is
 * replaced: only the path and the query decide. Also gives each request its id for the logs
 * (`x-request-id`: a load balancer's is kept when it looks like one, else a new one; the pages
 * read it through `headers()`, lib/log.ts, and the response carries it), answers an import post
 * too big to read, and counts the lookups of the public fiche page (`/fiche/<code>`), answering
 * 429 over the limit (lib/transfers/public-lookup.ts): a page cannot set its status.
 *
 * And gives each page its content security policy with a nonce, which Next.js reads from the
 * request's header and puts on its own inline scripts (lib/http/content-security.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "@/lib/http/content-security";
import { clientIp } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import { countFicheLookup } from "@/lib/transfers/public-lookup";
import { ficheRateLimitedPage } from "@/lib/transfers/rate-limited-page";
import { DEFAULT_LOCALE, localeFrom, LOCALE_HEADER } from "@/lib/i18n/locales";
import { importPostTooBig } from "@/lib/open-data/import/limits";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";

/** The public fiche page, `app/fiche/[code]/page.tsx`. */
const FICHE_PAGE = /^\/fiche\/[^/]+\/?$/;

export async function proxy(request: NextRequest) {
  // A file too big to import, posted without JavaScript: say so on the page, before the server
  // action reads (and refuses with a bare error) a body over its limit. With JavaScript, the
  // file field says it before anything is sent.
  if (importPostTooBig(request.method, request.nextUrl.pathname, request.headers.get("content-length"))) {
    return NextResponse.redirect(new URL(`${request.nextUrl.pathname}?erreur=volumineux`, request.url), 303);
  }
  if (FICHE_PAGE.test(request.nextUrl.pathname)) {
    const allowance = await countFicheLookup(db, clientIp(request.headers));
    if (!allowance.allowed) {
      return new NextResponse(ficheRateLimitedPage(allowance.minutes), {
        status: 429,
        headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(allowance.retryAfterSeconds), "cache-control": "no-store" },
      });
    }
  }
  const headers = new Headers(request.headers);
  const translated = request.nextUrl.pathname.startsWith("/t/");
  headers.set(LOCALE_HEADER, translated ? localeFrom(request.nextUrl.searchParams.get("lang")) : DEFAULT_LOCALE);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  headers.set(REQUEST_ID_HEADER, requestId);
  const policy = pageContentSecurityPolicy(request.method, request.nextUrl.pathname + request.nextUrl.search, request.headers.get("cookie"));
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("content-security-policy", policy);
  return response;
}

// Not the public pages written as HTML either (the root, a territory's home, communes, results,
// offers, programmes, open data, the fiche's code form): route handlers that read their language
// themselves and carry no inline script, so the server's policy without a nonce (script-src
// 'self') lets their one deferred script run; the residents' most used pages, which this step
// would only slow down (lib/html/html.ts). The fiche by its code still passes here, to be counted.
export const config = {
  matcher: [
    "/((?!$|_next/|api/|favicon\\.ico$|icon\\.svg$|apple-touch-icon\\.png$|scripts/|fiche$|t/[^/]+$|t/[^/]+/(?:recherche|communes|donnees)$|t/[^/]+/offres/[^/]+$|t/[^/]+/(?:structures|lieux)/[^/]+/programme$).*)",
  ],
};
