/** A place's weekly programme: every published offer held there, its structure's and partners', as HTML (lib/public-offer/html/programme-page.tsx). */
import type { NextRequest } from "next/server";
import { placeJsonLd } from "@/lib/public-offer/json-ld";
import { offerMessages } from "@/lib/public-offer/messages";
import { loadPlaceProgrammePage } from "@/lib/public-offer/page-data";
import { programmeResponse } from "@/lib/public-offer/html/programme-response";
import { htmlRoute } from "@/lib/html/respond";
import { sitePath } from "@/lib/html/url";
import { localeFrom } from "@/lib/i18n/locales";
import { loadUpcomingSessions } from "@/lib/workshops/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest, { params }: { params: Promise<{ territory: string; placeId: string }> }) {
  const query = request.nextUrl.searchParams;
  const { territory: slug, placeId } = await params;
  const loaded = await loadPlaceProgrammePage(slug, placeId, new Date());
  if (!loaded) return programmeResponse(query, slug, null);
  const { found, version, hasSessions } = loaded;
  const t = offerMessages(localeFrom(query.get("lang")));
  return programmeResponse(query, slug, {
    territory: found.territory,
    name: found.place.name,
    subtitle: `${found.place.address}, ${found.place.postalCode} ${found.place.communeName}`,
    description: `${t.programmeDescription(found.place.name, found.territory.name)} ${found.place.address}, ${found.place.postalCode} ${found.place.communeName}.`,
    entries: found.entries,
    pathname: sitePath("t", found.territory.slug, "lieux", found.place.id, "programme"),
    version,
    hasSessions,
    sessions: (range) => loadUpcomingSessions({ placeId: found.place.id }, range),
    structuredData: (url, offerUrl, today) => placeJsonLd(found.place, found.entries, url, offerUrl, today),
  });
});
