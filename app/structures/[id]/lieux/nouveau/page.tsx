import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlaceForm } from "@/components/places/PlaceForm";
import { requireActor } from "@/lib/auth/session";
import { communesOfPostalCode, createPlaceAction, findAddressAction } from "@/lib/places/actions";
import { geocoderUrl } from "@/lib/places/geocoder";
import { loadEditableStructure } from "@/lib/structures/page-data";

export const metadata: Metadata = { title: "Nouveau lieu" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function NewPlacePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/lieux/nouveau`);
  const structure = await loadEditableStructure(actor, id);
  if (!structure) notFound();
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Nouveau lieu : {structure.name}</h1>
      <p className="mt-1 text-slate-700">Un lieu où la structure reçoit du public. Ses horaires se saisissent ensuite.</p>
      <PlaceForm
        action={createPlaceAction}
        communesOf={communesOfPostalCode}
        findAddress={geocoderUrl() ? findAddressAction : undefined}
        submitLabel="Créer le lieu"
        defaults={{
          structureId: structure.id,
          placeId: "",
          version: "",
          storedCommune: "",
          name: "",
          address: "",
          addressComplement: "",
          country: structure.territory.country,
          postalCode: "",
          commune: "",
          latitude: "",
          longitude: "",
          wheelchairAccessible: "inconnu",
          accessibilityNotes: "",
        }}
      />
    </>
  );
}
