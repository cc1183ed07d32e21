import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HoursEditor } from "@/components/hours/HoursEditor";
import { requireActor } from "@/lib/auth/session";
import { saveHoursAction } from "@/lib/hours/actions";
import { describeHours } from "@/lib/hours/format";
import { hasOwnHours } from "@/lib/hours/editing";
import { formValuesFromHours } from "@/lib/hours/form-values";
import { loadHoursOf, loadOfferForHours } from "@/lib/hours/page-data";

export const metadata: Metadata = { title: "Horaires de l'offre" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; offerId: string }>; searchParams: Promise<{ lieu?: string | string[] }> };

export default async function OfferHoursPage({ params, searchParams }: Props) {
  const { id, offerId } = await params;
  const { lieu: placeId } = await searchParams;
  const path = `/structures/${id}/offres/${offerId}/horaires`;
  const actor = await requireActor(placeId ? `${path}?lieu=${placeId}` : path);
  const found = await loadOfferForHours(actor, id, offerId);
  if (!found) notFound();
  const { structure, offer } = found;
  const back = (
    <p>
      <Link href={`/structures/${structure.id}/offres/${offer.id}`} className="text-accent underline">
        Retour à l&apos;offre
      </Link>
    </p>
  );

  // One place of the offer: its hours there, the place's or its own.
  if (typeof placeId === "string") {
    const place = offer.places.find((candidate) => candidate.id === placeId);
    const owner = { kind: "offerPlace" as const, offerId: offer.id, placeId };
    const loaded = place && (await loadHoursOf(structure.id, owner));
    if (!place || !loaded || !loaded.target.place) notFound();
    const placeHours = loaded.target.place;
    const own = hasOwnHours(loaded.hours);
    // Without hours of its own, the form starts from the place's weekly slots: the usual first step is
    // to adjust them. Not its closures: the place's own keep applying to the place.
    const start = own ? loaded.hours : { slots: placeHours.slots, exceptions: [], publicHolidays: null };
    const defaults = formValuesFromHours({
      structureId: structure.id,
      version: loaded.version,
      owner,
      slots: start.slots,
      exceptions: start.exceptions,
      publicHolidays: start.publicHolidays ?? "same_as_place",
      hoursSource: own ? "own" : "place",
    });
    const placeRule = placeHours.publicHolidays ?? "closed";
    return (
      <>
        <p>
          <Link href={path} className="text-accent underline">
            Retour aux horaires de l&apos;offre
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">
          Horaires : {offer.title} à « {place.name} »
        </h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Par défaut, l&apos;offre a les horaires du lieu. Si elle n&apos;est proposée qu&apos;à certains moments (une permanence le
          mardi après-midi, par exemple), indiquez ses horaires propres.
        </p>
        <HoursEditor
          action={saveHoursAction}
          defaults={defaults}
          saved={loaded.description}
          place={{
            name: place.name,
            description: describeHours({ ...placeHours, publicHolidays: placeRule }),
            publicHolidays: placeRule,
          }}
        />
      </>
    );
  }

  // An offer with places: one block per place.
  if (offer.places.length > 0) {
    const blocks = await Promise.all(
      offer.places.map(async (place) => {
        const loaded = await loadHoursOf(structure.id, { kind: "offerPlace", offerId: offer.id, placeId: place.id });
        return { place, own: loaded ? hasOwnHours(loaded.hours) : false, description: loaded?.description ?? "" };
      }),
    );
    return (
      <>
        {back}
        <h1 className="mt-2 text-3xl font-bold">Horaires : {offer.title}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          L&apos;offre est proposée dans les lieux ci-dessous. Dans chacun, elle a les horaires du lieu, ou des horaires propres.
        </p>
        <ul className="mt-4 space-y-4">
          {blocks.map(({ place, own, description }) => (
            <li key={place.id} className="rounded border border-slate-300 p-3">
              <h2 className="text-xl font-semibold">
                {place.name} <span className="font-normal text-slate-700">({place.communeName})</span>
              </h2>
              <p className="mt-1">
                <strong>{own ? "Horaires propres à cette offre" : "Mêmes horaires que le lieu"}</strong>
                {own ? ` : ${description}` : ` : ${description.replace(/^mêmes horaires que le lieu \((.*)\)$/, "$1")}`}
              </p>
              <p className="mt-2">
                <Link href={`${path}?lieu=${place.id}`} className="text-accent underline">
                  Modifier les horaires de l&apos;offre à « {place.name} »
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </>
    );
  }

  // An offer with no place (a phone line, online): its own hours.
  const owner = { kind: "offer" as const, offerId: offer.id };
  const loaded = await loadHoursOf(structure.id, owner);
  if (!loaded) notFound();
  const defaults = formValuesFromHours({ structureId: structure.id, version: loaded.version, owner, ...loaded.hours, publicHolidays: "unknown" });
  return (
    <>
      {back}
      <h1 className="mt-2 text-3xl font-bold">Horaires : {offer.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Cette offre n&apos;a pas de lieu (par téléphone, en ligne) : indiquez quand on peut la joindre.
      </p>
      <HoursEditor action={saveHoursAction} defaults={defaults} saved={loaded.description} />
    </>
  );
}
