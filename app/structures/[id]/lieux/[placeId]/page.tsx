import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeletePlaceForm } from "@/components/places/DeletePlaceForm";
import { PlaceForm } from "@/components/places/PlaceForm";
import { requireActor } from "@/lib/auth/session";
import { communesOfPostalCode, deletePlaceAction, findAddressAction, updatePlaceAction } from "@/lib/places/actions";
import { geocoderUrl } from "@/lib/places/geocoder";
import { loadPlacePage } from "@/lib/places/page-data";
import { placeFormValues } from "@/lib/places/schemas";

export const metadata: Metadata = { title: "Modifier le lieu" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; placeId: string }> };

export default async function EditPlacePage({ params }: Props) {
  const { id, placeId } = await params;
  const actor = await requireActor(`/structures/${id}/lieux/${placeId}`);
  const page = await loadPlacePage(actor, id, placeId);
  if (!page) notFound();
  const { place, loaded, hosted, offersHere } = page;
  return (
    <>
      <p>
        <Link href={`/structures/${id}`} className="text-accent underline">
          ← {place.structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Lieu : {place.name}</h1>
      <p className="mt-1 text-slate-700">
        Un lieu de {place.structure.name}.{" "}
        <Link href={`/structures/${id}/lieux/${place.id}/horaires`} className="font-semibold text-accent underline">
          Horaires du lieu
        </Link>
      </p>

      <PlaceForm
        action={updatePlaceAction}
        communesOf={communesOfPostalCode}
        findAddress={geocoderUrl() ? findAddressAction : undefined}
        submitLabel="Enregistrer"
        defaults={placeFormValues(loaded.values, { structureId: id, placeId: place.id, version: loaded.version })}
      />

      <section aria-labelledby="permanences" className="mt-10">
        <h2 id="permanences" className="text-2xl font-semibold">
          Permanences accueillies ici
        </h2>
        {hosted.length === 0 ? (
          <p className="mt-2">Aucune autre structure ne tient de permanence dans ce lieu.</p>
        ) : (
          <ul className="mt-2 list-disc ps-6">
            {hosted.map((offer) => (
              <li key={offer.offerId}>
                {offer.title} — {offer.structureName}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="supprimer" className="mt-10">
        <h2 id="supprimer" className="text-2xl font-semibold">
          Supprimer ce lieu
        </h2>
        {offersHere.length > 0 ? (
          <>
            <p className="mt-2">Ce lieu ne peut pas être supprimé tant que des offres s&apos;y tiennent :</p>
            <ul className="mt-1 list-disc ps-6">
              {offersHere.map((offer) => (
                <li key={`${offer.structureName}-${offer.title}`}>
                  {offer.title} — {offer.structureName}
                </li>
              ))}
            </ul>
            <p className="mt-1">Retirez-les d&apos;abord de ce lieu, ou déplacez-les vers un autre lieu.</p>
          </>
        ) : (
          <DeletePlaceForm action={deletePlaceAction} structureId={id} placeId={place.id} placeName={place.name} />
        )}
      </section>
    </>
  );
}
