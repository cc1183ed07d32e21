/** @jsxImportSource @/lib/html */
/**
 * The fiche navette's content, shared by the printable page of the parties (/transferts/<id>/fiche,
 * a React page, through HtmlBlock) and the public page by code (/fiche/<code>, HTML): the
 * reference code, where to go, when, whom to ask for, what to bring. It shows only what `Fiche`
 * holds: the loaders decide what is personal.
 */
import { formatDay, formatTime, WEEKDAY_NAMES } from "@/lib/hours/format";
import { weekdayOf } from "@/lib/hours/rules";
import type { Html } from "@/lib/html/html";
import { qrCodeSvg } from "@/lib/html/qr-code";
import { externalUrl } from "@/lib/html/url";
import type { Fiche } from "../fiche";

const year = (date: string) => date.slice(0, 4);
/** "mardi 24 novembre 2026". */
const longFrenchDate = (date: string) => `${WEEKDAY_NAMES[weekdayOf(date) - 1]} ${formatDay(date)} ${year(date)}`;

export async function ficheSheet(fiche: Fiche, variant: "navette" | "public"): Promise<Html> {
  const qr = await qrCodeSvg(fiche.publicUrl);
  const offerLink = variant === "public" ? externalUrl(fiche.offer?.publicUrl) : null;
  return (
    <div class="fiche-navette space-y-5">
      <header class="flex flex-wrap items-start justify-between gap-4 border-b-2 border-ink pb-3">
        <div>
          <p class="text-sm uppercase tracking-wide">{`Toile · ${fiche.territoryName}`}</p>
          <p class="text-lg font-semibold">{`Fiche de transfert — ${fiche.fromStructure.name}`}</p>
          <p>{`Date : ${longFrenchDate(fiche.date)}`}</p>
          <p class="mt-2">
            Référence : <strong class="fiche-code font-mono text-4xl tracking-wider">{fiche.code}</strong>
          </p>
        </div>
        <div class="fiche-qr h-32 w-32" role="img" aria-label={`Code QR vers la fiche en ligne ${fiche.code}`} data-qr-value={fiche.publicUrl}>
          {qr}
        </div>
      </header>

      {fiche.closed && (
        <p role="status" class="rounded border-2 border-ink p-3 text-lg font-semibold">
          Ce transfert est clos.
        </p>
      )}

      {fiche.personLabel && variant === "navette" && (
        <p class="text-lg">
          Pour : <strong>{fiche.personLabel}</strong>
        </p>
      )}

      <section aria-labelledby="fiche-demande">
        <h2 id="fiche-demande" class="text-xl font-bold">
          Nature de la demande
        </h2>
        <p class="text-lg">{fiche.needDescription}</p>
        {fiche.deadline && <p>{`À faire avant le ${longFrenchDate(fiche.deadline)}.`}</p>}
      </section>

      <section aria-labelledby="fiche-ou">
        <h2 id="fiche-ou" class="text-xl font-bold">
          Où aller
        </h2>
        <p class="text-lg font-semibold">{fiche.toStructure.name}</p>
        {fiche.offer && <p>{fiche.offer.title}</p>}
        {fiche.places.map((place) => {
          const map = externalUrl(place.mapUrl);
          return (
            <div class="mt-2">
              <p class="font-semibold">{place.name}</p>
              <address class="not-italic">
                {place.address}
                {place.addressComplement && <span class="block">{place.addressComplement}</span>}
                <span class="block">{`${place.postalCode} ${place.communeName}`}</span>
              </address>
              {map && (
                <p class="text-sm">
                  Plan :{" "}
                  <a href={map} class="break-all text-accent underline">
                    {place.mapUrl}
                  </a>
                </p>
              )}
            </div>
          );
        })}
        {fiche.places.length === 0 && <p>Adresse et modalités : demandez-les à la structure.</p>}
        {fiche.toStructure.phone && <p class="mt-1">{`Téléphone : ${fiche.toStructure.phone}`}</p>}
      </section>

      <section aria-labelledby="fiche-quand">
        <h2 id="fiche-quand" class="text-xl font-bold">
          Quand
        </h2>
        {fiche.appointment ? (
          <p class="text-lg font-semibold">
            {`Rendez-vous le ${longFrenchDate(fiche.appointment.date)} à ${formatTime(fiche.appointment.minute)}`}
            {fiche.appointment.mediator && ` avec ${fiche.appointment.mediator}`}
          </p>
        ) : (
          <ul class="space-y-1">
            {fiche.places.map((place) => (
              <li>
                {fiche.places.length > 1 && <span class="font-semibold">{`${place.name} : `}</span>}
                {place.hours}
                {place.status && <span class="block text-sm">{`${place.status} (au ${longFrenchDate(fiche.date)})`}</span>}
              </li>
            ))}
            {fiche.places.length === 0 && <li>Horaires : voir avec la structure.</li>}
          </ul>
        )}
        {fiche.askFor && <p class="mt-1">{`Demander : ${fiche.askFor}`}</p>}
      </section>

      {fiche.documents.length > 0 && (
        <section aria-labelledby="fiche-documents">
          <h2 id="fiche-documents" class="text-xl font-bold">
            Documents
          </h2>
          <ul class="mt-1 space-y-1">
            {fiche.documents.map((document) => (
              <li class="flex items-center gap-2">
                <span aria-hidden="true" class="inline-block h-4 w-4 shrink-0 border-2 border-ink text-center text-xs leading-3">
                  {document.ready ? "✓" : ""}
                </span>
                <span>{`${document.label} — ${document.ready ? "prêt" : "à apporter"}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="fiche-contact" class="border-t border-slate-400 pt-3">
        <h2 id="fiche-contact" class="text-lg font-bold">
          Orienté par
        </h2>
        <p>
          {fiche.fromStructure.name}
          {fiche.fromStructure.phone && ` · ${fiche.fromStructure.phone}`}
          {fiche.fromStructure.email && ` · ${fiche.fromStructure.email}`}
        </p>
        {variant === "navette" && <p class="text-sm">{`Cette fiche en ligne : ${fiche.publicUrl}`}</p>}
        {offerLink && fiche.offer && (
          <p class="mt-2">
            <a href={offerLink} class="text-accent underline">
              {`Voir l'offre : ${fiche.offer.title}`}
            </a>
          </p>
        )}
      </section>
    </div>
  );
}
