/**
 * A new transfer to an offer (`?offre=<offerId>`, and `&depuis=<transferId>` to re-orient a person
 * after a decline, `&ligne=<sheetLineId>` to orient a person from a permanence sheet, `&appel=<callId>` from a phone
 * line's call sheet (its 3-A prefills the form), or the
 * orientation assistant's situation — its URL parameters, lib/orientation/situation.ts — with
 * `&niveau=simple|accompanied|augmented`). For members of a structure of the offer's territory; 404 otherwise.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferSummary } from "@/components/transfers/create/OfferSummary";
import { TransferForm } from "@/components/transfers/create/TransferForm";
import { requireActor } from "@/lib/auth/session";
import { SITUATION_PARAMS, parseSituation } from "@/lib/orientation/situation";
import { TRANSFER_LEVELS } from "@/lib/transfers/schemas";
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
  const phoneCallId = one(query.appel);
  const fromAssistant = SITUATION_PARAMS.some((param) => query[param] !== undefined);
  const analysis = fromAssistant ? parseSituation(query).situation : undefined;
  const level = TRANSFER_LEVELS.find((choice) => choice === one(query.niveau));
  const backQuery = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) backQuery.append(key, item);
  const actor = await requireActor(`/transferts/nouveau?${backQuery}`);
  const now = new Date();
  const page = await loadTransferCreatePage(actor, {
    offerId,
    previousTransferId: previousTransferId || undefined,
    sheetLineId: sheetLineId || undefined,
    phoneCallId: phoneCallId || undefined,
    analysis,
    level,
    now,
  });
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
      {analysis && !page.previous && (
        <p role="status" className="mt-3 rounded border border-slate-400 bg-slate-50 p-3">
          La demande et l&apos;analyse sont reprises de l&apos;assistant d&apos;orientation : vérifiez-les avec la personne. Ses coordonnées ne le sont pas :
          demandez-lui son accord.
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
