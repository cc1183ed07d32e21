/**
 * The public page of a fiche navette, reached by its QR code or its typed reference, as HTML
 * (lib/transfers/html/public-fiche.tsx): the practical part only (where, when, what to bring), no
 * personal data. No account needed; rate-limited per client address by proxy.ts before this runs
 * (429 with Retry-After over the limit, see lib/transfers/public-lookup.ts); an invalid, unknown or
 * draft code is the same friendly "not found"; not indexed.
 */
import { htmlPageResponse, htmlRoute } from "@/lib/html/respond";
import { ficheNotFoundPage, publicFichePage } from "@/lib/transfers/html/public-fiche";
import { loadPublicFiche } from "@/lib/transfers/page-data";

export const dynamic = "force-dynamic";

export const GET = htmlRoute(async function get(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  // A route segment is at most a few dozen characters here; anything longer cannot be a code.
  let typed = (await params).code.slice(0, 120);
  try {
    typed = decodeURIComponent(typed);
  } catch {
    // A malformed escape: not a code, looked up as typed (and not found).
  }
  const fiche = await loadPublicFiche(typed);
  if (!fiche) return htmlPageResponse("fr", ficheNotFoundPage(typed), { status: 404 });
  return htmlPageResponse("fr", await publicFichePage(fiche));
});
