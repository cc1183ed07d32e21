/**
 * A structure's workshops (`/structures/<id>/ateliers`): the sessions to come and those of the
 * last weeks (attendance to note), with their seats and requests, and the form for a new session.
 * Members of the structure only (`structure.receive`): anyone else gets a 404.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionForm } from "@/components/workshops/SessionForm";
import { requireActor } from "@/lib/auth/session";
import { formatSlot } from "@/lib/resident-booking/present";
import { createSessionAction } from "@/lib/workshops/actions";
import { loadOrganiserSessions } from "@/lib/workshops/page-data";

export const metadata: Metadata = { title: "Ateliers" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function WorkshopsPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/ateliers`);
  const page = await loadOrganiserSessions(actor, id, new Date());
  if (!page) notFound();
  const { structure, sessions } = page;
  const timeZone = structure.territory.timeZone;
  const upcoming = sessions.filter((session) => session.upcoming);
  const past = sessions.filter((session) => !session.upcoming).reverse();
  const row = (session: (typeof sessions)[number]) => (
    <li key={session.id} className="rounded border border-slate-300 p-3">
      <Link href={`/structures/${structure.id}/ateliers/${session.id}`} className="text-lg font-semibold text-accent underline">
        {session.theme}
      </Link>
      <p>
        {formatSlot(session.startsAt, timeZone, "fr")} — {session.offer.title}
        {session.place ? ` — ${session.place.name}` : ""}
      </p>
      <p>
        {session.status === "cancelled"
          ? "Annulé"
          : `${session.confirmed} / ${session.capacity} places prises${session.waitlisted ? `, ${session.waitlisted} en attente` : ""}${session.requested ? `, ${session.requested} demande${session.requested > 1 ? "s" : ""} à traiter` : ""}`}
      </p>
    </li>
  );
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Ateliers sur inscription</h1>
      <section aria-labelledby="a-venir" className="mt-6 space-y-2">
        <h2 id="a-venir" className="text-2xl font-bold">
          À venir
        </h2>
        {upcoming.length ? <ul className="space-y-2">{upcoming.map(row)}</ul> : <p>Aucun atelier prévu.</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="passes" className="mt-6 space-y-2">
          <h2 id="passes" className="text-2xl font-bold">
            Ces dernières semaines
          </h2>
          <ul className="space-y-2">{past.map(row)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="nouvel-atelier" className="mt-8 space-y-3 print:hidden">
        <h2 id="nouvel-atelier" className="text-2xl font-bold">
          Nouvel atelier
        </h2>
        {page.offers.length ? (
          <SessionForm action={createSessionAction} structureId={structure.id} offers={page.offers} places={page.places} />
        ) : (
          <p>Créez d&apos;abord une offre de la structure.</p>
        )}
      </section>
    </>
  );
}
