import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfferForm } from "@/components/offers/OfferForm";
import { requireActor } from "@/lib/auth/session";
import { saveOfferAction } from "@/lib/offers/actions";
import { offerFormValues } from "@/lib/offers/form-values";
import { loadNewOfferPage } from "@/lib/offers/page-data";

export const metadata: Metadata = { title: "Nouvelle offre" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function NewOfferPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/offres/nouvelle`);
  const page = await loadNewOfferPage(actor, id);
  if (!page) notFound();
  const { structure, options } = page;
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Nouvelle offre</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Ce que {structure.name} propose : pour quels besoins, pour qui, comment et où. L&apos;offre reste en brouillon
        jusqu&apos;à ce que vous la publiiez.
      </p>
      <OfferForm action={saveOfferAction} defaults={offerFormValues(structure.id)} options={options} submitLabel="Créer l'offre (brouillon)" />
    </>
  );
}
