import { weeklyHours, type WeeklySlot } from "@/lib/hours/format";
import type { ListedOffer } from "@/lib/offers/queries";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export function OfferCard({ offer, isStale }: { offer: ListedOffer; isStale: boolean }) {
  const { labelsByRole } = offer;
  return (
    <article className="rounded-lg border border-slate-300 p-4" aria-labelledby={`offre-${offer.id}`}>
      <h3 id={`offre-${offer.id}`} className="text-lg font-semibold">
        {offer.title}
      </h3>
      <p className="text-slate-700">{offer.structure.name}</p>
      {offer.description && <p className="mt-2">{offer.description}</p>}
      <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {labelsByRole.public && (
          <>
            <dt className="font-medium">Pour qui</dt>
            <dd>{labelsByRole.public.join(", ")}</dd>
          </>
        )}
        {labelsByRole.access_mode && (
          <>
            <dt className="font-medium">Comment venir</dt>
            <dd>{labelsByRole.access_mode.join(", ")}</dd>
          </>
        )}
        {labelsByRole.fee && (
          <>
            <dt className="font-medium">Tarif</dt>
            <dd>{labelsByRole.fee.join(", ")}</dd>
          </>
        )}
      </dl>
      {offer.places.map((place) => (
        <section key={place.name + place.address} className="mt-3">
          <h4 className="font-medium">
            {place.name} — {place.address}, {place.postalCode} {place.communeName}
          </h4>
          <WeekHours slots={place.openingSlots} />
        </section>
      ))}
      {offer.places.length === 0 && offer.openingSlots.length > 0 && (
        <section className="mt-3">
          <h4 className="font-medium">
            À distance{offer.structure.phone ? ` — ${offer.structure.phone}` : ""}
          </h4>
          <WeekHours slots={offer.openingSlots} />
        </section>
      )}
      {offer.documentsToBring.length > 0 && (
        <p className="mt-3">
          <span className="font-medium">À apporter :</span> {offer.documentsToBring.join(", ")}
        </p>
      )}
      {offer.lastVerifiedAt && (
        <p className={`mt-3 text-sm ${isStale ? "font-semibold text-amber-900" : "text-slate-700"}`}>
          {isStale ? "À vérifier — informations confirmées le " : "Informations vérifiées le "}
          {dateFormat.format(offer.lastVerifiedAt)}
        </p>
      )}
    </article>
  );
}

function WeekHours({ slots }: { slots: WeeklySlot[] }) {
  return (
    <ul className="text-slate-800">
      {weeklyHours(slots).map((day) => (
        <li key={day.weekday}>
          <span className="capitalize">{day.day}</span> : {day.ranges.join(", ")}
        </li>
      ))}
    </ul>
  );
}
