/**
 * The offer a person is being sent to, as the mediator needs to see it before writing the
 * transfer: who, what, where and when (in plain French), conditions, documents to bring.
 */
import { describeWeeklyHours } from "@/lib/hours/format";
import { openingStatus } from "@/lib/hours/rules";
import { describeOpeningStatus } from "@/lib/hours/status-text";
import type { TargetOffer } from "@/lib/transfers/create-offer";

const ages = (min: number | null, max: number | null) =>
  min != null && max != null ? `de ${min} à ${max} ans` : min != null ? `à partir de ${min} ans` : max != null ? `jusqu'à ${max} ans` : null;

export function OfferSummary({ offer, now }: { offer: TargetOffer; now: Date }) {
  const { timeZone } = offer.territory;
  const conditions = [ages(offer.minAge, offer.maxAge), offer.residencyCondition, offer.otherConditions].filter(Boolean);
  return (
    <section aria-labelledby="offre-cible" className="mt-4 rounded border border-slate-300 p-4">
      <h2 id="offre-cible" className="text-xl font-semibold">
        {offer.title}
      </h2>
      <p className="text-lg">{offer.structure.name}</p>
      {offer.description && <p className="mt-2 max-w-prose">{offer.description}</p>}
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">Où, quand</dt>
        <dd>
          {offer.places.length === 0 && !offer.remoteSchedule ? (
            "À distance"
          ) : (
            <ul className="space-y-2">
              {offer.places.map((place) => (
                <li key={place.id}>
                  <span className="font-semibold">{place.name}</span>, {place.address}, {place.postalCode} {place.communeName}
                  <span className="block">{describeWeeklyHours(place.schedule.slots, place.schedule.publicHolidays)}</span>
                  <span className="block text-slate-700">{describeOpeningStatus(openingStatus(place.schedule, now), now, timeZone, "fr").text}</span>
                </li>
              ))}
              {offer.remoteSchedule && (
                <li>
                  À distance : {describeWeeklyHours(offer.remoteSchedule.slots, offer.remoteSchedule.publicHolidays)}
                </li>
              )}
            </ul>
          )}
        </dd>
        {conditions.length > 0 && (
          <>
            <dt className="font-medium">Conditions</dt>
            <dd>{conditions.join(" ; ")}</dd>
          </>
        )}
        {offer.professionalReferral && (
          <>
            <dt className="font-medium">Comment orienter</dt>
            <dd>{offer.professionalReferral}</dd>
          </>
        )}
        {offer.documentsToBring.length > 0 && (
          <>
            <dt className="font-medium">Documents à apporter</dt>
            <dd>{offer.documentsToBring.join(", ")}</dd>
          </>
        )}
        {offer.structure.phone && (
          <>
            <dt className="font-medium">Téléphone</dt>
            <dd>{offer.structure.phone}</dd>
          </>
        )}
      </dl>
      <p className="mt-3">
        <a href={`/t/${offer.territory.slug}/offres/${offer.id}`} className="text-accent underline">
          Page publique de l&apos;offre
        </a>
      </p>
    </section>
  );
}
