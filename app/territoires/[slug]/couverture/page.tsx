import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { coverageTable, type CoverageCell } from "@/lib/matrix/coverage";
import { loadCoverageInputs, loadMatrixTerritory } from "@/lib/matrix/page-data";

export const metadata: Metadata = { title: "Couverture du territoire" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const CELL_STYLE: Record<CoverageCell["level"], string> = {
  none: "bg-red-100 text-red-900 font-semibold",
  single: "bg-amber-100 text-amber-900",
  covered: "",
};

function cellTitle(cell: CoverageCell) {
  if (cell.level === "none") return "Aucun acteur";
  if (cell.level === "single") return `Un seul acteur : ${cell.structures[0]}`;
  return cell.structures.join(", ");
}

function Table({ caption, columns, rows }: { caption: string; columns: string[]; rows: ReturnType<typeof coverageTable> }) {
  return (
    // Focusable so that keyboard users can scroll a wide table (WCAG 2.1.1).
    <div className="print-landscape mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="border-collapse text-left text-sm">
        <caption className="py-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-500">
            <th scope="col" className="px-2 py-2">Besoin</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-2 align-bottom">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.need} className="border-b border-slate-300">
              <th scope="row" className="px-2 py-1 font-medium">
                {row.need}
              </th>
              {row.cells.map((cell, index) => (
                <td key={columns[index]} className={`px-2 py-1 text-center ${CELL_STYLE[cell.level]}`} title={cellTitle(cell)}>
                  {cell.count}
                  <span className="sr-only"> — {cellTitle(cell)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function CoveragePage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/couverture`);
  const territory = await loadMatrixTerritory(actor, slug);
  if (!territory) notFound();
  const { offers, needs, publics, postures } = await loadCoverageInputs(territory.id);
  return (
    <>
      <h1 className="text-3xl font-bold">Couverture du territoire</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        {territory.name} : nombre d&apos;offres publiées pour chaque besoin. En rouge, personne ne répond ; en
        orange, un seul acteur. Une offre « tous publics » compte pour chaque public.
      </p>
      <Table caption="Besoins × publics" columns={publics} rows={coverageTable(offers, needs, publics, "publics")} />
      <Table caption="Besoins × postures" columns={postures} rows={coverageTable(offers, needs, postures, "postures")} />
    </>
  );
}
