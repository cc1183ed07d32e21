import { getActor } from "@/lib/auth/session";
import { matrixToCsv } from "@/lib/matrix/csv";
import { parseMatrixFilters } from "@/lib/matrix/filters";
import { loadMatrix, loadMatrixTerritory } from "@/lib/matrix/page-data";
import { matrixToXlsx } from "@/lib/matrix/xlsx";

type Context = { params: Promise<{ slug: string }> };

const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The matrix with the page's filters, as CSV, or as XLSX with `?format=xlsx`. */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const actor = await getActor();
  const territory = actor ? await loadMatrixTerritory(actor, slug) : null;
  if (!territory) return new Response("Introuvable.", { status: 404 });
  const searchParams = new URL(request.url).searchParams;
  const rows = await loadMatrix(territory.id, parseMatrixFilters(Object.fromEntries(searchParams)));
  const download = (body: BodyInit, contentType: string, extension: string) =>
    new Response(body, {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="matrice-${territory.slug}.${extension}"`,
        "cache-control": "private, no-store",
      },
    });
  if (searchParams.get("format") === "xlsx") {
    return download(await matrixToXlsx(rows, territory.name), XLSX_CONTENT_TYPE, "xlsx");
  }
  return download(matrixToCsv(rows), "text/csv; charset=utf-8", "csv");
}
