import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/appointments/labels";
import { loadSeriesPage } from "@/lib/appointments/page-data";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Série « usages »" };
export const dynamic = "force-dynamic";

export default async function SeriesPage({ params }: { params: Promise<{ id: string; seriesId: string }> }) {
  const { id, seriesId } = await params;
  const actor = await requireActor(`/structures/${id}/rendez-vous/series/${seriesId}`);
  const series = await loadSeriesPage(actor, id, seriesId);
  if (!series) notFound();
  return (
    <>
      <p className="flex flex-wrap gap-x-4">
        {series.asStructure && (
          <Link href={`/structures/${id}/rendez-vous`} className="text-accent underline">
            ← Rendez-vous
          </Link>
        )}
        {series.transfer && (
          <Link href={`/transferts/${series.transfer.id}`} className="text-accent underline">
            Orientation {series.transfer.code}
          </Link>
        )}
      </p>
      <h1 className="mt-2 text-3xl font-bold">Série « usages » — {series.personLabel ?? "Personne"}</h1>
      <p className="mt-2 text-lg">
        <strong>
          {series.sessionsDone} séance{series.sessionsDone > 1 ? "s" : ""} faite{series.sessionsDone > 1 ? "s" : ""} sur {series.plannedSessions}
        </strong>{" "}
        — {series.skillsReached} compétence{series.skillsReached > 1 ? "s" : ""} atteinte{series.skillsReached > 1 ? "s" : ""} sur {series.skills.length}
      </p>
      <h2 className="mt-4 text-xl font-semibold">Compétences</h2>
      <ul className="mt-1 list-disc pl-6">
        {series.skills.map((skill) => (
          <li key={skill.id}>
            {skill.label} : {skill.reached ? "atteinte" : "à travailler"}
          </li>
        ))}
      </ul>
      <h2 className="mt-4 text-xl font-semibold">Séances</h2>
      {series.sessions.length === 0 ? (
        <p className="mt-1">Aucune séance réservée.</p>
      ) : (
        <ul className="mt-1 list-disc pl-6">
          {series.sessions.map((session) => (
            <li key={session.id}>
              {series.asStructure ? (
                <Link href={`/structures/${id}/rendez-vous/${session.id}`} className="text-accent underline">
                  {session.when}
                </Link>
              ) : (
                session.when
              )}{" "}
              ({APPOINTMENT_STATUS_LABELS[session.status]})
            </li>
          ))}
        </ul>
      )}
      {series.asStructure && series.offerId && (
        <p className="mt-4">
          <Link href={`/structures/${id}/rendez-vous/nouveau?offre=${series.offerId}&serie=${series.id}`} className="text-accent underline">
            Réserver une séance
          </Link>
        </p>
      )}
    </>
  );
}
