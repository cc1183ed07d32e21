import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HoursEditor } from "@/components/hours/HoursEditor";
import { requireActor } from "@/lib/auth/session";
import { saveHoursAction } from "@/lib/hours/actions";
import { formValuesFromHours } from "@/lib/hours/form-values";
import { loadPlaceHoursPage } from "@/lib/hours/page-data";

export const metadata: Metadata = { title: "Horaires du lieu" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; placeId: string }> };

export default async function PlaceHoursPage({ params }: Props) {
  const { id, placeId } = await params;
  const actor = await requireActor(`/structures/${id}/lieux/${placeId}/horaires`);
  const page = await loadPlaceHoursPage(actor, id, placeId);
  if (!page) notFound();
  const { structure, loaded } = page;
  const owner = { kind: "place" as const, placeId };
  const defaults = formValuesFromHours({
    structureId: structure.id,
    version: loaded.version,
    owner,
    ...loaded.hours,
    publicHolidays: loaded.hours.publicHolidays ?? "closed",
  });
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}/lieux/${placeId}`} className="text-accent underline">
          Retour au lieu
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Horaires : {loaded.target.placeName}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Les jours et heures où le lieu accueille le public ({structure.name}). Les offres proposées ici ont ces horaires, sauf celles
        qui ont les leurs. Ajoutez aussi les fermetures prévues : congés, travaux.
      </p>
      <HoursEditor action={saveHoursAction} defaults={defaults} saved={loaded.description} />
    </>
  );
}
