/**
 * How a route handler answers with a page written by lib/html: the document (lib/html/document.tsx)
 * with the site's header for whoever asks, as Next answers a dynamic page. Without a session,
 * Toile's server makes the answer public, with an ETag (scripts/next-server.mjs); with one, the
 * header names the person, and no shared cache keeps it.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { htmlDocument, type DocumentHead } from "./document";
import type { Html } from "./html";
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
  const transfers = await headerTransfersOf(actor === undefined ? await getActor() : actor);
  return new Response(htmlDocument(locale, page.head, transfers, page.main), { status, headers: HTML_HEADERS });
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
