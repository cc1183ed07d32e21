import { getActor } from "@/lib/auth/session";
import { indicatorDownload } from "@/lib/indicators/csv";
import { loadTerritoryDashboard } from "@/lib/indicators/page-data";

type Context = { params: Promise<{ slug: string; file: string }> };

/** One figure of the territory's indicators as CSV (`<id>.csv`), for the period of the URL. */
export async function GET(request: Request, { params }: Context) {
  const { slug, file } = await params;
  const actor = await getActor();
  const page = actor ? await loadTerritoryDashboard(actor, slug, Object.fromEntries(new URL(request.url).searchParams), new Date()) : null;
  return indicatorDownload(page?.dashboard ?? null, file, slug);
}
