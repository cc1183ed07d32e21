/** The territory's open data page, as HTML (lib/open-data/html/open-data-page.tsx): the public site is HTML; the workspace is React. */
import type { NextRequest } from "next/server";
import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { htmlPageResponse, htmlRoute } from "@/lib/html/respond";
import { pageAddresses } from "@/lib/html/seo";
import { localeFrom } from "@/lib/i18n/locales";
import { loadDataInclusionOmissions } from "@/lib/open-data/datainclusion/report";
import { openDataPage } from "@/lib/open-data/html/open-data-page";
import { publicNotFound } from "@/lib/public-offer/html/not-found";
import { loadPublicTerritory } from "@/lib/public-search/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest, { params }: { params: Promise<{ territory: string }> }) {
  const locale = localeFrom(request.nextUrl.searchParams.get("lang"));
  const territory = await loadPublicTerritory((await params).territory);
  if (!territory) return htmlPageResponse(locale, publicNotFound(locale, null), { status: 404 });
  const [omissions, actor, addresses] = await Promise.all([
    loadDataInclusionOmissions(territory, new Date()),
    getActor(),
    // The files and this page are in French: one address, the French one.
    pageAddresses(`/t/${territory.slug}/donnees`, {}, "fr"),
  ]);
  const coordinates = can(actor, "territory.manage", { territoryId: territory.id });
  return htmlPageResponse(locale, openDataPage(territory, omissions, coordinates, { canonical: addresses.canonical }), { actor });
});
