import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/appointments/labels";
import { loadAppointmentListPage } from "@/lib/appointments/page-data";

export const metadata: Metadata = { title: "Rendez-vous" };
export const dynamic = "force-dynamic";

export default async function AppointmentListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/rendez-vous`);
  const page = await loadAppointmentListPage(actor, id);
  if (!page) notFound();
  const { structure, appointments, offers, series } = page;
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Rendez-vous — {structure.name}</h1>
      <section aria-labelledby="prendre" className="mt-6">
        <h2 id="prendre" className="text-xl font-semibold">
          Prendre un rendez-vous (accueil, appel)
        </h2>
        {offers.length === 0 ? (
          <p className="mt-1">Aucune offre n&apos;a encore de créneaux : ajoutez-en dans l&apos;agenda.</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {offers.map((offer) => (
              <li key={offer.id}>
                <Link href={`/structures/${structure.id}/rendez-vous/nouveau?offre=${offer.id}`} className="text-accent underline">
                  {offer.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="series" className="mt-6">
        <h2 id="series" className="text-xl font-semibold">
          Séries « usages »
        </h2>
        <p className="mt-1">
          <Link href={`/structures/${structure.id}/rendez-vous/series/nouvelle`} className="text-accent underline">
            Créer une série de séances pour une personne
          </Link>
        </p>
        {series.length > 0 && (
          <ul className="mt-2 list-disc pl-6">
            {series.map((item) => (
              <li key={item.id}>
                <Link href={`/structures/${structure.id}/rendez-vous/series/${item.id}`} className="text-accent underline">
                  {item.personLabel ?? "Personne"}
                </Link>{" "}
                ({item.sessionsDone} séance{item.sessionsDone > 1 ? "s" : ""} faite{item.sessionsDone > 1 ? "s" : ""} sur {item.plannedSessions})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="a-venir" className="mt-6">
        <h2 id="a-venir" className="text-xl font-semibold">
          Rendez-vous à venir et de la semaine passée
        </h2>
        {appointments.length === 0 ? (
          <p className="mt-1">Aucun rendez-vous.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {appointments.map((appointment) => (
              <li key={appointment.id}>
                <Link href={`/structures/${structure.id}/rendez-vous/${appointment.id}`} className="text-accent underline">
                  {appointment.when} — {appointment.personLabel ?? "Personne"}
                </Link>{" "}
                ({APPOINTMENT_STATUS_LABELS[appointment.status]}
                {appointment.offerTitle && `, ${appointment.offerTitle}`}
                {appointment.mediator && `, avec ${appointment.mediator}`}
                {appointment.transferCode && `, orientation ${appointment.transferCode}`})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
