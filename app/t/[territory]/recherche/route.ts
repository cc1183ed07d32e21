/**
 * The search results page. A route handler writing HTML, not a React page: it is the residents'
 * most used page and must stay cheap at national scale (lib/html/html.ts says why). The search
 * itself runs on the territory's in-memory index (lib/public-search/queries.ts).
 */
import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { htmlDocument } from "@/lib/html/document";
import { NOT_FOUND_TITLE, notFoundMain } from "@/lib/html/not-found";
import { headerTransfersOf } from "@/lib/html/site-header";
import { parseSearchFilters } from "@/lib/public-search/filters";
import { resultsPage } from "@/lib/public-search/html/results-page";
import { loadPublicTerritory, searchPublishedOffers } from "@/lib/public-search/page-data";

export const dynamic = "force-dynamic";

// As Next answers a dynamic page. Without a session, Toile's server makes it public, with an ETag
// (scripts/next-server.mjs): with one, the header names the person, and no shared cache keeps it.
const HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" };

/** The query as Next gives it to a page: one string per parameter, a list when repeated. */
function queryOf(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ territory: string }> }) {
  const { filters, ignored } = parseSearchFilters(queryOf(request.nextUrl.searchParams));
  const [territory, transfers] = await Promise.all([loadPublicTerritory((await params).territory), getActor().then(headerTransfersOf)]);
  if (!territory) {
    return new Response(htmlDocument("fr", { title: NOT_FOUND_TITLE }, transfers, notFoundMain()), { status: 404, headers: HEADERS });
  }
  const now = new Date();
  const outcome = (await searchPublishedOffers(territory, filters, now))!;
  const { head, main } = resultsPage(outcome, filters, ignored, now);
  return new Response(htmlDocument(filters.lang, head, transfers, main), { headers: HEADERS });
}
