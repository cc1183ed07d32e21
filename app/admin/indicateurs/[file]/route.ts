import { getActor } from "@/lib/auth/session";
import { indicatorDownload } from "@/lib/indicators/csv";
import { loadPlatformDashboard } from "@/lib/indicators/page-data";

type Context = { params: Promise<{ file: string }> };

/** One figure of the platform's indicators as CSV (`<id>.csv`), for the period of the URL. */
export async function GET(request: Request, { params }: Context) {
  const { file } = await params;
  const actor = await getActor();
  const page = actor ? await loadPlatformDashboard(actor, Object.fromEntries(new URL(request.url).searchParams), new Date()) : null;
  return indicatorDownload(page?.dashboard ?? null, file, "plateforme");
}
