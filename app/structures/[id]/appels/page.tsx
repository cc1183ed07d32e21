/**
 * A structure's phone lines (seed 002's pre-diagnosis line): whether a phone permanence is on now
 * or when the next one is, "Nouvel appel" to open a call sheet, and the recent calls. For the
 * structure's members; 404 for others.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StartCallForm } from "@/components/phone-line/CallForms";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";
import { startCallAction } from "@/lib/phone-line/actions";
import { loadCallsPage } from "@/lib/phone-line/page-data";
import { describeInstant, formatDuration, OUTCOME_LABELS } from "@/lib/phone-line/rules";

export const metadata: Metadata = { title: "Appels" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function CallsPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/appels`);
  const page = await loadCallsPage(actor, id);
  if (!page) notFound();
  const { structure } = page;
  const timeZone = structure.timeZone;
  return (
    <>
      <p>
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Appels</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        La ligne téléphonique de {structure.name} : pendant un appel, ouvrez une fiche d&apos;appel pour noter la demande, faire l&apos;analyse, voir les
        offres proposées et noter la suite donnée. Pas de nom ni de numéro sur la fiche.
      </p>
      {page.lines.length === 0 ? (
        <p className="mt-4">Aucune ligne téléphonique : cochez « Ligne téléphonique » sur une offre sans lieu.</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {page.lines.map((line) => (
            <li key={line.id} className="rounded border border-slate-300 p-3">
              <h2 className="text-xl font-semibold">{line.title}</h2>
              <p>
                {!line.hasHours
                  ? "Pas d'horaires de permanence téléphonique."
                  : line.status.open
                    ? `Permanence téléphonique en cours, jusqu'à ${formatTime(localTime(line.status.closesAt, timeZone).minute)}.`
                    : line.status.nextOpensAt
                      ? `Prochaine permanence téléphonique : ${describeInstant(line.status.nextOpensAt, timeZone)}.`
                      : "Pas de permanence téléphonique prévue."}
                {line.draft && " (offre en brouillon)"}
              </p>
              <div className="mt-2">
                <StartCallForm action={startCallAction} structureId={structure.id} offerId={line.id} label={page.lines.length > 1 ? `Nouvel appel : ${line.title}` : "Nouvel appel"} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="recents">
        <h2 id="recents" className="mt-8 text-2xl font-semibold">
          Appels récents
        </h2>
        {page.calls.length === 0 ? (
          <p className="mt-2">Aucun appel noté.</p>
        ) : (
          <table className="mt-2 w-full max-w-4xl border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pe-3">Début</th>
                <th scope="col" className="py-1 pe-3">Durée</th>
                <th scope="col" className="py-1 pe-3">Catégorie</th>
                <th scope="col" className="py-1 pe-3">Issue</th>
              </tr>
            </thead>
            <tbody>
              {page.calls.map((call) => (
                <tr key={call.id} className="border-b border-slate-200">
                  <td className="py-1 pe-3">
                    <Link href={`/structures/${structure.id}/appels/${call.id}`} className="text-accent underline">
                      {describeInstant(call.startedAt, timeZone)}
                    </Link>
                  </td>
                  <td className="py-1 pe-3">{call.ongoing ? "En cours" : call.durationSeconds !== null ? formatDuration(call.durationSeconds) : "—"}</td>
                  <td className="py-1 pe-3">{call.category ?? "—"}</td>
                  <td className="py-1 pe-3">
                    {call.outcome ? OUTCOME_LABELS[call.outcome] : "—"}
                    {call.transferCode && ` (${call.transferCode})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
