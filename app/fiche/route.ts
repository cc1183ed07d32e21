/**
 * "Retrouver une fiche de transfert": the form where a person types the code printed on their
 * fiche; sent, it leads to the fiche's page (`/fiche/<code>`), which the proxy rate-limits.
 */
import type { NextRequest } from "next/server";
import { htmlPageResponse, htmlRoute } from "@/lib/html/respond";
import { ficheLookupPage } from "@/lib/transfers/html/public-fiche";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(request: NextRequest) {
  const typed = (request.nextUrl.searchParams.get("code") ?? "").trim().slice(0, 40);
  if (typed) return new Response(null, { status: 303, headers: { location: `/fiche/${encodeURIComponent(typed)}` } });
  return htmlPageResponse("fr", ficheLookupPage());
});
