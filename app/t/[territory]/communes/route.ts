/** A large territory's communes, one first letter per page, as HTML (lib/public-search/html/communes-page.tsx). */
import type { NextRequest } from "next/server";
import { htmlPageResponse, htmlRoute } from "@/lib/html/respond";
import { pageAddresses } from "@/lib/html/seo";
import { localeFrom } from "@/lib/i18n/locales";
import { publicNotFound } from "@/lib/public-offer/html/not-found";
import { communeIndex } from "@/lib/public-search/communes";
import { communesPage } from "@/lib/public-search/html/communes-page";
import { loadPublicTerritory, loadTerritoryCommunes } from "@/lib/public-search/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest, { params }: { params: Promise<{ territory: string }> }) {
  const query = request.nextUrl.searchParams;
  const locale = localeFrom(query.get("lang"));
  const slug = (await params).territory;
  const territory = await loadPublicTerritory(slug);
  if (!territory) return htmlPageResponse(locale, publicNotFound(locale, null), { status: 404 });
  const index = communeIndex(await loadTerritoryCommunes(territory), query.get("lettre"));
  const addresses = await pageAddresses(`/t/${territory.slug}/communes`, index.letter ? { lettre: index.letter } : {}, locale);
  return htmlPageResponse(locale, communesPage(territory, index, locale, addresses));
});
