/**
 * Orient a person from a sheet's line: choose the offer, then the transfer form opens prefilled
 * with the line's first name and request (`/transferts/nouveau?offre=…&ligne=…`). A GET form: no
 * JavaScript needed.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { loadOrientPage } from "@/lib/permanences/page-data";

export const metadata: Metadata = { title: "Orienter depuis la feuille" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; lineId: string }> };

export default async function OrientFromSheetPage({ params }: Props) {
  const { id, lineId } = await params;
  const actor = await requireActor(`/feuilles/${id}/orienter/${lineId}`);
  const page = await loadOrientPage(actor, id, lineId);
  if (!page) notFound();
  const { sheet, line } = page;
  return (
    <>
      <p>
        <Link href={`/feuilles/${sheet.id}`} className="text-accent underline">
          ← Feuille du {sheet.title}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Orienter {line.personLabel}</h1>
      {line.request && <p className="mt-1">Demande : {line.request}</p>}
      <form method="get" action="/transferts/nouveau" className="mt-4 space-y-3">
        <input type="hidden" name="ligne" value={line.id} />
        <div>
          <label htmlFor="offre" className="block font-medium">
            Vers quelle offre ?
          </label>
          <select id="offre" name="offre" required className="mt-1 w-full max-w-2xl rounded border border-slate-500 px-3 py-2">
            {page.offers.map((offer) => (
              <option key={offer.id} value={offer.id}>
                {offer.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Créer un transfert
        </button>
      </form>
    </>
  );
}
