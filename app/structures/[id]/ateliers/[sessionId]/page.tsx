/**
 * One workshop session for its organiser (`/structures/<id>/ateliers/<sessionId>`): the requests
 * to confirm or decline, the people with a seat (attendance once it started), the waiting list in
 * order, a person added by first name, cancelling the session. Printable as the attendance sheet.
 * Members of the structure only (`structure.receive`).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, TextField } from "@/components/forms/ActionForm";
import { requireActor } from "@/lib/auth/session";
import { formatSlot, formatTime } from "@/lib/resident-booking/present";
import { addPersonAction, cancelSessionAction, registrationCommandAction } from "@/lib/workshops/actions";
import { loadOrganiserSession } from "@/lib/workshops/page-data";
import type { RegistrationCommand } from "@/lib/workshops/schemas";
import { EQUIPMENT_LABELS } from "@/lib/workshops/schemas";

export const metadata: Metadata = { title: "Atelier" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; sessionId: string }> };

export default async function WorkshopSessionPage({ params }: Props) {
  const { id, sessionId } = await params;
  const actor = await requireActor(`/structures/${id}/ateliers/${sessionId}`);
  const page = await loadOrganiserSession(actor, id, sessionId);
  if (!page) notFound();
  const { structure, session } = page;
  const timeZone = structure.territory.timeZone;
  const started = session.startsAt <= new Date();
  const scheduled = session.status === "scheduled";
  const command = (registration: { id: string; personLabel: string | null }, name: RegistrationCommand, label: string, variant: "primary" | "secondary" = "secondary") => (
    <ActionForm action={registrationCommandAction} submitLabel={`${label} — ${registration.personLabel ?? "?"}`} variant={variant}>
      <input type="hidden" name="structureId" value={structure.id} />
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="registrationId" value={registration.id} />
      <input type="hidden" name="command" value={name} />
    </ActionForm>
  );
  const contact = (person: { email: string | null; phone: string | null }) => [person.email, person.phone].filter(Boolean).join(" — ") || "—";

  return (
    <div className="workshop-sheet">
      <p className="print:hidden">
        <Link href={`/structures/${structure.id}/ateliers`} className="text-accent underline">
          ← Ateliers de {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{session.theme}</h1>
      <p className="text-lg">
        {formatSlot(session.startsAt, timeZone, "fr")} – {formatTime(session.endsAt, timeZone, "fr")}
        {session.place ? ` — ${session.place.name}, ${session.place.address}, ${session.place.communeName}` : ""}
      </p>
      <p>
        {session.offer.title} — {EQUIPMENT_LABELS[session.equipment]} — {page.confirmed.length} / {session.capacity} places prises
        {session.residentsMayAsk ? " — demandes en ligne ouvertes" : ""}
      </p>
      {session.status === "cancelled" ? <p className="mt-2 font-semibold text-red-800">Atelier annulé : {session.cancelReason}</p> : null}

      {page.requested.length ? (
        <section aria-labelledby="demandes" className="mt-6 space-y-2">
          <h2 id="demandes" className="text-2xl font-bold">
            Demandes à traiter ({page.requested.length})
          </h2>
          <ul className="space-y-3">
            {page.requested.map((person) => (
              <li key={person.id} className="rounded border border-slate-300 p-3">
                <p className="font-semibold">{person.personLabel}</p>
                <p>{contact(person)}</p>
                <div className="mt-2 flex flex-wrap gap-3">
                  {command(person, "confirm", "Confirmer", "primary")}
                  {command(person, "decline", "Refuser")}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="inscrits" className="mt-6 space-y-2">
        <h2 id="inscrits" className="text-2xl font-bold">
          Inscrits ({page.confirmed.length} / {session.capacity})
        </h2>
        {page.confirmed.length ? (
          <table className="w-full border-collapse text-start">
            <thead>
              <tr>
                <th scope="col" className="border-b border-slate-400 py-1 text-start">
                  Prénom
                </th>
                <th scope="col" className="border-b border-slate-400 py-1 text-start">
                  Contact
                </th>
                <th scope="col" className="border-b border-slate-400 py-1 text-start">
                  {started ? "Présence" : "Action"}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.confirmed.map((person) => (
                <tr key={person.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pe-2 font-semibold">{person.personLabel}</td>
                  <td className="py-2 pe-2">{contact(person)}</td>
                  <td className="py-2">
                    <div className="flex flex-wrap gap-2 print:hidden">
                      {started ? (
                        person.attended === null ? (
                          <>
                            {command(person, "attended", "Présent")}
                            {command(person, "absent", "Absent")}
                          </>
                        ) : (
                          <span>{person.attended ? "Présent" : "Absent"}</span>
                        )
                      ) : (
                        command(person, "cancel", "Annuler l'inscription")
                      )}
                    </div>
                    <span className="hidden print:inline">☐</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Personne pour l&apos;instant.</p>
        )}
      </section>

      <section aria-labelledby="attente" className="mt-6 space-y-2">
        <h2 id="attente" className="text-2xl font-bold">
          Liste d&apos;attente ({page.waitlisted.length})
        </h2>
        {page.waitlisted.length ? (
          <ol className="list-decimal space-y-2 ps-6">
            {page.waitlisted.map((person) => (
              <li key={person.id}>
                <span className="font-semibold">{person.personLabel}</span> — {contact(person)}
                <div className="print:hidden">{command(person, "cancel", "Retirer de la liste")}</div>
              </li>
            ))}
          </ol>
        ) : (
          <p>Personne n&apos;attend.</p>
        )}
      </section>

      {scheduled ? (
        <section aria-labelledby="ajouter" className="mt-6 space-y-2 print:hidden">
          <h2 id="ajouter" className="text-2xl font-bold">
            Inscrire une personne
          </h2>
          <ActionForm action={addPersonAction} submitLabel="Inscrire">
            <input type="hidden" name="structureId" value={structure.id} />
            <input type="hidden" name="sessionId" value={session.id} />
            <TextField name="personLabel" label="Prénom ou surnom" hint="Une place si elle reste, sinon la liste d'attente." />
          </ActionForm>
        </section>
      ) : null}

      {page.closed.length ? (
        <section aria-labelledby="annulees" className="mt-6 space-y-1 print:hidden">
          <h2 id="annulees" className="text-xl font-bold">
            Annulées ou refusées ({page.closed.length})
          </h2>
          <ul className="list-disc ps-6">
            {page.closed.map((person) => (
              <li key={person.id}>
                {person.personLabel ?? "(effacé)"} — {person.status === "cancelled" ? "annulée" : "refusée"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {scheduled && !started ? (
        <section aria-labelledby="annuler" className="mt-8 space-y-2 print:hidden">
          <h2 id="annuler" className="text-xl font-bold">
            Annuler l&apos;atelier
          </h2>
          <ActionForm action={cancelSessionAction} submitLabel="Annuler l'atelier" variant="secondary">
            <input type="hidden" name="structureId" value={structure.id} />
            <input type="hidden" name="sessionId" value={session.id} />
            <TextField name="reason" label="Pourquoi (les inscrits le liront)" />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
