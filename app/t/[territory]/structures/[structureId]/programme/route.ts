/** A structure's weekly programme, as HTML (lib/public-offer/html/programme-page.tsx): the public site is HTML; the workspace is React. */
import type { NextRequest } from "next/server";
import { structureJsonLd } from "@/lib/public-offer/json-ld";
import { offerMessages } from "@/lib/public-offer/messages";
import { loadStructureProgrammePage } from "@/lib/public-offer/page-data";
import { programmeResponse } from "@/lib/public-offer/html/programme-response";
import { htmlRoute } from "@/lib/html/respond";
import { sitePath } from "@/lib/html/url";
import { localeFrom } from "@/lib/i18n/locales";
import { loadUpcomingSessions } from "@/lib/workshops/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest, { params }: { params: Promise<{ territory: string; structureId: string }> }) {
  const query = request.nextUrl.searchParams;
  const { territory: slug, structureId } = await params;
  const loaded = await loadStructureProgrammePage(slug, structureId, new Date());
  if (!loaded) return programmeResponse(query, slug, null);
  const { found, version, hasSessions } = loaded;
  const t = offerMessages(localeFrom(query.get("lang")));
  return programmeResponse(query, slug, {
    territory: found.territory,
    name: found.structure.name,
    subtitle: null,
    description: t.programmeDescription(found.structure.name, found.territory.name),
    entries: found.entries,
    pathname: sitePath("t", found.territory.slug, "structures", found.structure.id, "programme"),
    version,
    hasSessions,
    sessions: (range) => loadUpcomingSessions({ structureId: found.structure.id }, range),
    structuredData: (url, offerUrl, today) => structureJsonLd(found.structure, found.territory.name, found.entries, url, offerUrl, today),
  });
});
