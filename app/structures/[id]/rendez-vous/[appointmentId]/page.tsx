import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentForm, FieldMessage } from "@/components/appointments/AppointmentForm";
import { SlotPicker } from "@/components/appointments/SlotPicker";
import { attendanceAction, cancelAction, rescheduleAction } from "@/lib/appointments/actions";
import { APPOINTMENT_STATUS_LABELS, DONE_MESSAGES } from "@/lib/appointments/labels";
import { loadAppointmentPage } from "@/lib/appointments/page-data";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Rendez-vous" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; appointmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AppointmentPage({ params, searchParams }: Props) {
  const { id, appointmentId } = await params;
  const search = await searchParams;
  const self = `/structures/${id}/rendez-vous/${appointmentId}`;
  const actor = await requireActor(self);
  const page = await loadAppointmentPage(actor, id, appointmentId, { depuis: one(search.depuis) });
  if (!page) notFound();
  const { appointment } = page;
  const done = DONE_MESSAGES[one(search.fait) ?? ""];
  const hidden = (
    <>
      <input type="hidden" name="structureId" value={page.structureId} />
      <input type="hidden" name="appointmentId" value={appointment.id} />
    </>
  );
  return (
    <>
      <p className="flex flex-wrap gap-x-4">
        {page.asStructure && (
          <Link href={`/structures/${page.structureId}/rendez-vous`} className="text-accent underline">
            ← Rendez-vous de la structure
          </Link>
        )}
        {appointment.transfer && (
          <Link href={`/transferts/${appointment.transfer.id}`} className="text-accent underline">
            Orientation {appointment.transfer.code}
          </Link>
        )}
        {appointment.series && (
          <Link href={`/structures/${page.structureId}/rendez-vous/series/${appointment.series.id}`} className="text-accent underline">
            Série « usages »
          </Link>
        )}
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        Rendez-vous du {appointment.when}
      </h1>
      {done && (
        <p role="status" className="mt-2 text-green-800">
          {done}
        </p>
      )}
      <p className="mt-2 print:hidden">
        <a href={`/calendrier/rendez-vous/${appointment.id}.ics`} className="text-accent underline">
          Ajouter à mon agenda (fichier .ics, sans le nom de la personne)
        </a>
      </p>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">État</dt>
        <dd>{APPOINTMENT_STATUS_LABELS[appointment.status]}</dd>
        <dt className="font-medium">Horaire</dt>
        <dd>
          {appointment.when} – {appointment.until}
        </dd>
        <dt className="font-medium">Personne</dt>
        <dd>{appointment.personLabel ?? "—"}</dd>
        {appointment.offer && (
          <>
            <dt className="font-medium">Offre</dt>
            <dd>{appointment.offer.title}</dd>
          </>
        )}
        <dt className="font-medium">Lieu</dt>
        <dd>{appointment.place ? `${appointment.place.name}, ${appointment.place.address}, ${appointment.place.postalCode} ${appointment.place.communeName}` : "Par téléphone / à distance"}</dd>
        {appointment.mediatorFirstName && (
          <>
            <dt className="font-medium">Avec</dt>
            <dd>{appointment.mediatorFirstName}</dd>
          </>
        )}
        {appointment.requestNote && (
          <>
            <dt className="font-medium">En quelques mots</dt>
            <dd>{appointment.requestNote}</dd>
          </>
        )}
        {appointment.skillsReached.length > 0 && (
          <>
            <dt className="font-medium">Compétences atteintes</dt>
            <dd>{appointment.skillsReached.map(({ skill }) => skill.label).join(", ")}</dd>
          </>
        )}
        {appointment.cancelReason && (
          <>
            <dt className="font-medium">Raison de l&apos;annulation</dt>
            <dd>{appointment.cancelReason}</dd>
          </>
        )}
      </dl>
      {appointment.rescheduledTo && (
        <p className="mt-2">
          <Link href={`/structures/${page.structureId}/rendez-vous/${appointment.rescheduledTo.id}`} className="text-accent underline">
            Voir le rendez-vous qui le remplace
          </Link>
        </p>
      )}

      {page.mayRecordAttendance && (
        <section aria-labelledby="presence" className="mt-6">
          <h2 id="presence" className="text-xl font-semibold">
            La personne est-elle venue ?
          </h2>
          <div className="mt-2 flex flex-wrap gap-4">
            <AppointmentForm action={attendanceAction} submitLabel="Marquer venu">
              {hidden}
              <input type="hidden" name="attended" value="yes" />
              {appointment.series && appointment.series.skills.length > 0 && (
                <fieldset>
                  <legend className="font-medium">Compétences atteintes pendant cette séance</legend>
                  {appointment.series.skills.map(({ skill }) => (
                    <label key={skill.id} className="mt-1 flex items-center gap-2">
                      <input type="checkbox" name="skillIds" value={skill.id} />
                      {skill.label}
                    </label>
                  ))}
                </fieldset>
              )}
            </AppointmentForm>
            <AppointmentForm action={attendanceAction} submitLabel="Marquer pas venu" variant="secondary">
              {hidden}
              <input type="hidden" name="attended" value="no" />
            </AppointmentForm>
          </div>
        </section>
      )}

      {page.mayChange && page.slots && (
        <section aria-labelledby="deplacer" className="mt-6">
          <h2 id="deplacer" className="text-xl font-semibold">
            Déplacer
          </h2>
          <AppointmentForm action={rescheduleAction} submitLabel="Déplacer à ce créneau" variant="secondary">
            {hidden}
            <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />
            <SlotPicker days={page.slots.days} nextHref={`${self}?depuis=${page.slots.next}`} legend="Nouveau créneau" />
          </AppointmentForm>
        </section>
      )}

      {page.mayChange && (
        <section aria-labelledby="annuler" className="mt-6">
          <h2 id="annuler" className="text-xl font-semibold">
            Annuler
          </h2>
          <AppointmentForm action={cancelAction} submitLabel="Annuler le rendez-vous" variant="secondary">
            {hidden}
            <div>
              <label htmlFor="reason" className="block font-medium">
                Raison de l&apos;annulation
              </label>
              <input id="reason" name="reason" autoComplete="off" className="mt-1 w-full max-w-md rounded border border-slate-500 px-3 py-2" />
              <FieldMessage name="reason" />
            </div>
          </AppointmentForm>
        </section>
      )}
    </>
  );
}
