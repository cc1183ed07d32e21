/**
 * The fiche navette of a transfer, to print (A4, or A5 with ?format=a5) and hand to the person.
 * For the transfer's parties only; 404 for anyone else. Prints from the browser's menu too:
 * the print stylesheet hides everything but the fiche.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfferPrintButton } from "@/components/public/OfferPrintButton";
import { fichePrintClass, FicheSheet } from "@/components/transfers/fiche/FicheSheet";
import { requireActor } from "@/lib/auth/session";
import { loadFicheForParty } from "@/lib/transfers/page-data";

export const metadata: Metadata = { title: "Fiche navette", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FichePage({ params, searchParams }: Props) {
  const { id } = await params;
  const format = (await searchParams).format === "a5" ? "A5" : "A4";
  const actor = await requireActor(`/transferts/${id}/fiche`);
  const fiche = await loadFicheForParty(actor, id);
  if (!fiche) notFound();
  return (
    <div className={fichePrintClass(format)}>
      <div className="fiche-screen-only mb-6 space-y-2 print:hidden">
        <h1 className="text-3xl font-bold">Fiche navette {fiche.code}</h1>
        <p>À imprimer et à remettre à la personne. Elle ne contient aucune coordonnée de la personne.</p>
        <p className="flex flex-wrap items-center gap-4">
          <OfferPrintButton label="Imprimer" />
          {format === "A4" ? (
            <Link href={`/transferts/${fiche.id}/fiche?format=a5`} className="text-accent underline">
              Format A5
            </Link>
          ) : (
            <Link href={`/transferts/${fiche.id}/fiche`} className="text-accent underline">
              Format A4
            </Link>
          )}
          <Link href={`/transferts/${fiche.id}`} className="text-accent underline">
            Retour au transfert
          </Link>
        </p>
      </div>
      <FicheSheet fiche={fiche} />
    </div>
  );
}
