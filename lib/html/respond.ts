/**
 * How a route handler answers with a page written by lib/html: the document (lib/html/document.tsx)
 * with the site's header for whoever asks, as Next answers a dynamic page. Without a session,
 * Toile's server makes the answer public, with an ETag (scripts/next-server.mjs); with one, the
 * header names the person, and no shared cache keeps it. The answer is compressed here
 * (lib/html/encoding.ts).
 */
import { randomInt } from "node:crypto";
import type { SignedInActor } from "@/lib/auth/actor";
import { noteDatabaseError } from "@/lib/database/availability";
import { getActor } from "@/lib/auth/session";
import { localeFrom, type Locale } from "@/lib/i18n/locales";
import { requestLog } from "@/lib/log";
import { htmlDocument, type DocumentHead } from "./document";
import { encodeText, negotiateEncoding, PRECOMPRESSED_HEADER, type ContentEncoding } from "./encoding";
import { errorPage } from "./error-page";
import type { Html } from "./html";
import { headers } from "next/headers";
import type { NextRequest } from "next/server";
import { requestOrigin } from "@/lib/request-origin";
import { headerTransfersOf } from "./site-header";

const HTML_HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" };

export interface HtmlPage {
  head: DocumentHead;
  main: Html;
}

/**
 * The whole answer. `actor`: the person when the route already read the session (it shows them
 * something more, e.g. a coordinator's detail), else it is read here for the header.
 */
export async function htmlPageResponse(locale: Locale, page: HtmlPage, { status = 200, actor }: { status?: number; actor?: SignedInActor | null } = {}) {
  const [transfers, requestHeaders] = await Promise.all([headerTransfersOf(actor === undefined ? await getActor() : actor), headers()]);
  const encoding = negotiateEncoding(requestHeaders);
  if (!encoding) return new Response(htmlDocument(locale, page.head, transfers, page.main), { status, headers: HTML_HEADERS });
  // A page kept for everyone (an offer's, for a minute) is compressed once; one naming the person, each time.
  const body = transfers === null ? encodedOnce(page, locale, encoding) : encodeText(htmlDocument(locale, page.head, transfers, page.main), encoding);
  return new Response(body as Uint8Array<ArrayBuffer>, { status, headers: { ...HTML_HEADERS, [PRECOMPRESSED_HEADER]: encoding, vary: "Accept-Encoding" } });
}

/** The document without anyone's header, compressed, per kept page, language and encoding. */
const encodedPages = new WeakMap<HtmlPage, Map<string, Uint8Array>>();

function encodedOnce(page: HtmlPage, locale: Locale, encoding: ContentEncoding): Uint8Array {
  let byVariant = encodedPages.get(page);
  if (!byVariant) encodedPages.set(page, (byVariant = new Map()));
  const variant = `${locale} ${encoding}`;
  let body = byVariant.get(variant);
  if (!body) byVariant.set(variant, (body = encodeText(htmlDocument(locale, page.head, null, page.main), encoding)));
  return body;
}

/** The query as Next gives it to a page: one string per parameter, a list when repeated. */
export function queryOf(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * A form posted from the site's own pages: browsers send `Origin` with every POST, and a page of
 * another site posting here (cross-site request forgery) sends its own. Server actions check the
 * same; route handlers taking forms check it here.
 */
export async function postedFromThisSite(request: Request): Promise<boolean> {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  return origin === (await requestOrigin()) || origin === new URL(request.url).origin;
}

/**
 * A public page's handler, answering a failure as the React pages do (app/error.tsx): a 500 in the
 * site's frame, in plain French, with a reference logged beside the error. A database that does not
 * answer is not a bug: it goes on to the server, which answers 503 (lib/database/availability.ts).
 */
export function htmlRoute<C>(handler: (request: NextRequest, context: C) => Promise<Response>) {
  return async (request: NextRequest, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (noteDatabaseError(error)) throw error;
      const reference = String(randomInt(100_000_000, 1_000_000_000));
      (await requestLog()).error({ err: error, digest: reference, path: request.nextUrl.pathname }, "Page publique en échec");
      return htmlPageResponse(localeFrom(request.nextUrl.searchParams.get("lang")), errorPage(request.nextUrl, reference), { status: 500, actor: null });
    }
  };
}
