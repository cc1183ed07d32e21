import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { matrixToCsv } from "@/lib/matrix/csv";
import { parseMatrixFilters } from "@/lib/matrix/filters";
import { findMatrixTerritory, getMatrix } from "@/lib/matrix/queries";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const actor = await getActor();
  const territory = actor ? await findMatrixTerritory(db, actor, slug) : null;
  if (!territory) return new Response("Introuvable.", { status: 404 });
  const filters = parseMatrixFilters(Object.fromEntries(new URL(request.url).searchParams));
  const csv = matrixToCsv(await getMatrix(db, territory.id, filters));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="matrice-${territory.slug}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
