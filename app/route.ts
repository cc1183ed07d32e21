/** The site's home, as HTML (lib/public-search/html/site-home.tsx): the public site is HTML; the workspace is React. */
import type { NextRequest } from "next/server";
import { htmlPageResponse, htmlRoute } from "@/lib/html/respond";
import { pageAddresses } from "@/lib/html/seo";
import { localeFrom } from "@/lib/i18n/locales";
import { siteHome } from "@/lib/public-search/html/site-home";
import { listTerritories } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest) {
  const locale = localeFrom(request.nextUrl.searchParams.get("lang"));
  const [territories, addresses] = await Promise.all([listTerritories(), pageAddresses("/", {}, locale)]);
  const published = territories.map((territory) => ({ slug: territory.slug, name: territory.name, structureCount: territory._count.structures }));
  return htmlPageResponse(locale, siteHome(published, locale, addresses));
});
