import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfferForm } from "@/components/offers/OfferForm";
import { OfferStatusBadge } from "@/components/offers/OfferStatusBadge";
import { OfferStatusForm } from "@/components/offers/OfferStatusForm";
import { requireActor } from "@/lib/auth/session";
import { saveOfferAction, setOfferStatusAction } from "@/lib/offers/actions";
import { offerFormValues } from "@/lib/offers/form-values";
import { loadOfferPage } from "@/lib/offers/page-data";

export const metadata: Metadata = { title: "Modifier l'offre" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string; offerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditOfferPage({ params, searchParams }: Props) {
  const { id, offerId } = await params;
  const actor = await requireActor(`/structures/${id}/offres/${offerId}`);
  const page = await loadOfferPage(actor, id, offerId);
  if (!page) notFound();
  const { structure, loaded, options } = page;
  const justCreated = (await searchParams).creee === "1";
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Offre : {loaded.values.title}</h1>
      {justCreated && (
        <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Offre créée en brouillon. Indiquez ses horaires si elle a les siens, puis publiez-la.
        </p>
      )}
      <section aria-labelledby="offre-statut" className="mt-4 rounded border border-slate-300 p-3">
        <h2 id="offre-statut" className="text-xl font-semibold">
          Statut : <OfferStatusBadge status={loaded.status} />
        </h2>
        <p className="mt-1 text-slate-700">
          {loaded.status === "published"
            ? "Le public et les partenaires la voient."
            : loaded.status === "draft"
              ? "Brouillon : seuls les professionnels du territoire la voient, dans la matrice."
              : "Archivée : elle n'apparaît plus nulle part."}{" "}
          <Link href={`/structures/${structure.id}/offres/${offerId}/horaires`} className="text-accent underline">
            Horaires de l&apos;offre
          </Link>
        </p>
        <OfferStatusForm action={setOfferStatusAction} structureId={structure.id} offerId={offerId} status={loaded.status} />
      </section>
      <OfferForm
        action={saveOfferAction}
        defaults={offerFormValues(structure.id, { offerId, loaded })}
        options={options}
        submitLabel="Enregistrer l'offre"
      />
    </>
  );
}
