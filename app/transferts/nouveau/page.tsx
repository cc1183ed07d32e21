/**
 * A new transfer to an offer (`?offre=<offerId>`, and `&depuis=<transferId>` to re-orient a person
 * after a decline, `&ligne=<sheetLineId>` to orient a person from a permanence sheet). For members of a structure of the offer's territory; 404 otherwise.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferSummary } from "@/components/transfers/create/OfferSummary";
import { TransferForm } from "@/components/transfers/create/TransferForm";
import { requireActor } from "@/lib/auth/session";
import { createTransferAction } from "@/lib/transfers/create-actions";
import { loadTransferCreatePage } from "@/lib/transfers/page-data";

export const metadata: Metadata = { title: "Nouveau transfert" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function NewTransferPage({ searchParams }: Props) {
  const query = await searchParams;
  const offerId = one(query.offre);
  const previousTransferId = one(query.depuis);
  const sheetLineId = one(query.ligne);
  const back = `/transferts/nouveau?${new URLSearchParams({ offre: offerId, ...(previousTransferId ? { depuis: previousTransferId } : {}), ...(sheetLineId ? { ligne: sheetLineId } : {}) })}`;
  const actor = await requireActor(back);
  const now = new Date();
  const page = await loadTransferCreatePage(actor, { offerId, previousTransferId: previousTransferId || undefined, sheetLineId: sheetLineId || undefined, now });
  if (!page) notFound();
  const { offer } = page;

  return (
    <>
      <h1 className="text-3xl font-bold">Orienter une personne</h1>
      <p className="mt-1 text-slate-700">
        Vers {offer.structure.name}. La personne repart avec une fiche navette : où aller, quand, quoi apporter, et un code de référence.
      </p>
      {page.previous && (
        <p role="status" className="mt-3 rounded border border-slate-400 bg-slate-50 p-3">
          Réorientation après le transfert {page.previous.code} vers {page.previous.toStructureName}. La demande et les documents sont
          repris ; les coordonnées de la personne ne le sont pas : redemandez-lui son accord.
        </p>
      )}
      <OfferSummary offer={offer} now={now} />
      <TransferForm
        action={createTransferAction}
        defaults={page.defaults}
        options={{
          acceptsTransfers: offer.acceptsTransfers,
          sendingStructures: page.sendingStructures,
          needTerms: offer.needTerms,
          publicTerms: offer.publicTerms,
          publicOptions: page.publicOptions,
          minAge: offer.minAge,
          maxAge: offer.maxAge,
          places: offer.places.map((place) => ({ id: place.id, name: place.name, communeName: place.communeName })),
          warnings: page.warnings,
        }}
      />
    </>
  );
}
