/**
 * The fiche navette's content, shared by the printable page of the parties (/transferts/<id>/fiche)
 * and the public page by code (/fiche/<code>): the reference code, where to go, when, whom to ask
 * for, what to bring. It shows only what `Fiche` holds: the loaders decide what is personal.
 */
import { formatDay, formatTime } from "@/lib/hours/format";
import { weekdayOf } from "@/lib/hours/rules";
import { WEEKDAY_NAMES } from "@/lib/hours/format";
import type { Fiche } from "@/lib/transfers/fiche";
import { QrCode } from "./QrCode";

const year = (date: string) => date.slice(0, 4);
/** "mardi 24 novembre 2026". */
const longFrenchDate = (date: string) => `${WEEKDAY_NAMES[weekdayOf(date) - 1]} ${formatDay(date)} ${year(date)}`;

export function FicheSheet({ fiche, variant }: { fiche: Fiche; variant: "navette" | "public" }) {
  return (
    <div className="fiche-navette space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-4 border-b-2 border-ink pb-3">
        <div>
          <p className="text-sm uppercase tracking-wide">Toile · {fiche.territoryName}</p>
          <p className="text-lg font-semibold">Fiche de transfert — {fiche.fromStructure.name}</p>
          <p>Date : {longFrenchDate(fiche.date)}</p>
          <p className="mt-2">
            Référence : <strong className="fiche-code font-mono text-4xl tracking-wider">{fiche.code}</strong>
          </p>
        </div>
        <QrCode value={fiche.publicUrl} label={`Code QR vers la fiche en ligne ${fiche.code}`} className="fiche-qr h-32 w-32" />
      </header>

      {fiche.closed && (
        <p role="status" className="rounded border-2 border-ink p-3 text-lg font-semibold">
          Ce transfert est clos.
        </p>
      )}

      {fiche.personLabel && variant === "navette" && (
        <p className="text-lg">
          Pour : <strong>{fiche.personLabel}</strong>
        </p>
      )}

      <section aria-labelledby="fiche-demande">
        <h2 id="fiche-demande" className="text-xl font-bold">
          Nature de la demande
        </h2>
        <p className="text-lg">{fiche.needDescription}</p>
        {fiche.deadline && <p>À faire avant le {longFrenchDate(fiche.deadline)}.</p>}
      </section>

      <section aria-labelledby="fiche-ou">
        <h2 id="fiche-ou" className="text-xl font-bold">
          Où aller
        </h2>
        <p className="text-lg font-semibold">{fiche.toStructure.name}</p>
        {fiche.offer && <p>{fiche.offer.title}</p>}
        {fiche.places.map((place) => (
          <div key={place.id} className="mt-2">
            <p className="font-semibold">{place.name}</p>
            <address className="not-italic">
              {place.address}
              {place.addressComplement && <span className="block">{place.addressComplement}</span>}
              <span className="block">
                {place.postalCode} {place.communeName}
              </span>
            </address>
            <p className="text-sm">
              Plan :{" "}
              <a href={place.mapUrl} className="break-all text-accent underline">
                {place.mapUrl}
              </a>
            </p>
          </div>
        ))}
        {fiche.places.length === 0 && <p>Adresse et modalités : demandez-les à la structure.</p>}
        {fiche.toStructure.phone && <p className="mt-1">Téléphone : {fiche.toStructure.phone}</p>}
      </section>

      <section aria-labelledby="fiche-quand">
        <h2 id="fiche-quand" className="text-xl font-bold">
          Quand
        </h2>
        {fiche.appointment ? (
          <p className="text-lg font-semibold">
            Rendez-vous le {longFrenchDate(fiche.appointment.date)} à {formatTime(fiche.appointment.minute)}
            {fiche.appointment.mediator && <> avec {fiche.appointment.mediator}</>}
          </p>
        ) : (
          <ul className="space-y-1">
            {fiche.places.map((place) => (
              <li key={place.id}>
                {fiche.places.length > 1 && <span className="font-semibold">{place.name} : </span>}
                {place.hours}
                {place.status && <span className="block text-sm">{place.status} (au {longFrenchDate(fiche.date)})</span>}
              </li>
            ))}
            {fiche.places.length === 0 && <li>Horaires : voir avec la structure.</li>}
          </ul>
        )}
        {fiche.askFor && <p className="mt-1">Demander : {fiche.askFor}</p>}
      </section>

      {fiche.documents.length > 0 && (
        <section aria-labelledby="fiche-documents">
          <h2 id="fiche-documents" className="text-xl font-bold">
            Documents
          </h2>
          <ul className="mt-1 space-y-1">
            {fiche.documents.map((document) => (
              <li key={document.label} className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-4 w-4 shrink-0 border-2 border-ink text-center text-xs leading-3">
                  {document.ready ? "✓" : ""}
                </span>
                <span>
                  {document.label} — {document.ready ? "prêt" : "à apporter"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="fiche-contact" className="border-t border-slate-400 pt-3">
        <h2 id="fiche-contact" className="text-lg font-bold">
          Orienté par
        </h2>
        <p>
          {fiche.fromStructure.name}
          {fiche.fromStructure.phone && <> · {fiche.fromStructure.phone}</>}
          {fiche.fromStructure.email && <> · {fiche.fromStructure.email}</>}
        </p>
        {variant === "navette" && <p className="text-sm">Cette fiche en ligne : {fiche.publicUrl}</p>}
        {variant === "public" && fiche.offer?.publicUrl && (
          <p className="mt-2">
            <a href={fiche.offer.publicUrl} className="text-accent underline">
              Voir l&apos;offre : {fiche.offer.title}
            </a>
          </p>
        )}
      </section>
    </div>
  );
}

/**
 * Print: the fiche alone on the sheet, on A4 or A5 — the page's wrapper class chooses the
 * stylesheet's rules (app/globals.css, `.fiche-print-a4` / `.fiche-print-a5` and the named page
 * `fiche-a5`): no inline <style>, which the content security policy forbids.
 */
export const fichePrintClass = (format: "A4" | "A5") => (format === "A5" ? "fiche-print-a5" : "fiche-print-a4");
