/**
 * The search results page, as HTML (lib/public-search/html/results-page.tsx): the public site is
 * HTML; the workspace is React. The search itself runs on the territory's in-memory index
 * (lib/public-search/queries.ts), and the page is kept a minute (lib/public-search/page-data.ts).
 */
import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { htmlPageResponse, htmlRoute, queryOf } from "@/lib/html/respond";
import { publicNotFound } from "@/lib/public-offer/html/not-found";
import { parseSearchFilters } from "@/lib/public-search/filters";
import { loadPublicTerritory, loadResultsPage } from "@/lib/public-search/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest, { params }: { params: Promise<{ territory: string }> }) {
  const { filters, ignored } = parseSearchFilters(queryOf(request.nextUrl.searchParams));
  const [territory, actor] = await Promise.all([loadPublicTerritory((await params).territory), getActor()]);
  if (!territory) return htmlPageResponse(filters.lang, publicNotFound(filters.lang, null), { status: 404, actor });
  return htmlPageResponse(filters.lang, await loadResultsPage(territory, filters, ignored, new Date()), { actor });
});
