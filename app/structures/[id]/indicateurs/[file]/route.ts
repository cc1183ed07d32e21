import { getActor } from "@/lib/auth/session";
import { indicatorDownload } from "@/lib/indicators/csv";
import { loadStructureDashboard } from "@/lib/indicators/page-data";

type Context = { params: Promise<{ id: string; file: string }> };

/** One figure of a structure's indicators as CSV (`<id>.csv`), for the period of the URL. */
export async function GET(request: Request, { params }: Context) {
  const { id, file } = await params;
  const actor = await getActor();
  const page = actor ? await loadStructureDashboard(actor, id, Object.fromEntries(new URL(request.url).searchParams), new Date()) : null;
  return indicatorDownload(page?.dashboard ?? null, file, "structure");
}
