/** A territory's public home, as HTML (lib/public-search/html/home-page.tsx): the public site is HTML; the workspace is React. */
import type { NextRequest } from "next/server";
import { htmlPageResponse, htmlRoute } from "@/lib/html/respond";
import { pageAddresses } from "@/lib/html/seo";
import { localeFrom } from "@/lib/i18n/locales";
import { publicNotFound } from "@/lib/public-offer/html/not-found";
import { homePage } from "@/lib/public-search/html/home-page";
import { loadPublicTerritory, loadTerritoryCommunes } from "@/lib/public-search/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest, { params }: { params: Promise<{ territory: string }> }) {
  const locale = localeFrom(request.nextUrl.searchParams.get("lang"));
  const territory = await loadPublicTerritory((await params).territory);
  if (!territory) return htmlPageResponse(locale, publicNotFound(locale, null), { status: 404 });
  const [communes, addresses] = await Promise.all([loadTerritoryCommunes(territory), pageAddresses(`/t/${territory.slug}`, {}, locale)]);
  return htmlPageResponse(locale, homePage(territory, communes, locale, addresses));
});
