/**
 * The sheet to print (A4 portrait) for the host's reception desk: the permanence, a table of time
 * slices with the names already given and empty lines to fill by hand (at least 12; every line
 * when there are more), seed 003's three columns, and a confidentiality note.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/hours/format";
import { loadSheetPage } from "@/lib/permanences/page-data";
import { printRows } from "@/lib/permanences/print";

export const metadata: Metadata = { title: "Feuille d'inscription à imprimer" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function PrintSheetPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/feuilles/${id}/imprimer`);
  const sheet = await loadSheetPage(actor, id);
  if (!sheet) notFound();
  const rows = printRows(sheet);
  return (
    <div className="permanence-sheet">
      <p className="print:hidden">
        <Link href={`/feuilles/${sheet.id}`} className="text-accent underline">
          ← Retour à la feuille
        </Link>
        <span className="ms-4 text-slate-700">Imprimez cette page (Ctrl + P) : elle tient sur une feuille A4.</span>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Feuille d&apos;inscription — {sheet.offer.title}</h1>
      <p>
        {sheet.title} · {sheet.place.name} ({sheet.place.structureName}) · tenue par {sheet.offer.structureName}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Inscriptions, une ligne par personne</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-slate-500 p-2">Prénom ou surnom</th>
              <th scope="col" className="border border-slate-500 p-2">Heure</th>
              <th scope="col" className="border border-slate-500 p-2">Quelques mots sur la demande</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} className="permanence-sheet-row">
                <td className="border border-slate-500 p-2">{row.personLabel}</td>
                <td className="border border-slate-500 p-2 whitespace-nowrap">{row.timeMinute !== null ? formatTime(row.timeMinute) : row.walkIn ? "sans inscr." : ""}</td>
                <td className="border border-slate-500 p-2 break-words">{row.request}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm">
        Confidentialité : prénom ou surnom seulement, jamais de nom de famille, de téléphone ni d&apos;adresse. Cette feuille reste à l&apos;accueil et
        est détruite après la permanence, une fois recopiée dans Toile.
      </p>
    </div>
  );
}
