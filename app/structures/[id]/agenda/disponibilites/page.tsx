import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AbsenceForm } from "@/components/agenda/AbsenceForm";
import { AgendaNav } from "@/components/agenda/AgendaNav";
import { PatternForm } from "@/components/agenda/PatternForm";
import { ActionForm } from "@/components/forms/ActionForm";
import { deleteAbsenceAction, deletePatternAction, saveAbsenceAction, savePatternAction } from "@/lib/agenda/actions";
import { loadAvailabilityPage } from "@/lib/agenda/page-data";
import { describeDate, describeWeeklyRange } from "@/lib/agenda/rules";
import { KIND_LABELS, timeValue } from "@/lib/agenda/schemas";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Disponibilités" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** What a deletion says once back here (`?fait=`, lib/agenda/actions.ts). */
const DONE: Record<string, string> = {
  "creneau-supprime": "Créneau supprimé. Les rendez-vous déjà pris restent.",
  "absence-supprimee": "Absence supprimée.",
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AvailabilityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/structures/${id}/agenda/disponibilites`);
  const page = await loadAvailabilityPage(actor, id, { mediateur: one(search.mediateur), modifier: one(search.modifier) });
  if (!page) notFound();
  const { structure, members, mediator, availability, offers, editing } = page;
  const own = mediator?.id === actor.userId;
  const here = `/structures/${structure.id}/agenda/disponibilites${own || !mediator ? "" : `?mediateur=${mediator.id}`}`;
  const withParam = (key: string, value: string) => `${here}${here.includes("?") ? "&" : "?"}${key}=${value}`;

  return (
    <>
      <AgendaNav structureId={structure.id} structureName={structure.name} mayEdit={structure.mayEdit} />
      <h1 className="mt-2 text-3xl font-bold">{own || !mediator ? "Mes disponibilités" : `Disponibilités de ${mediator.name}`}</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Chaque créneau d&apos;une semaine type est découpé en rendez-vous de la durée choisie, proposés aux partenaires et, si la structure
        l&apos;accepte, aux habitants.{" "}
        {structure.appointmentHalfDaysPerWeek === null
          ? "La structure ne fixe pas de limite de demi-journées."
          : `La structure limite les rendez-vous à ${structure.appointmentHalfDaysPerWeek} demi-journée${structure.appointmentHalfDaysPerWeek > 1 ? "s" : ""} par semaine et par personne.`}
      </p>

      {DONE[one(search.fait) ?? ""] && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {DONE[one(search.fait) ?? ""]}
        </p>
      )}

      {structure.mayEdit && (
        <form method="get" action={`/structures/${structure.id}/agenda/disponibilites`} className="mt-3 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="mediateur" className="block font-medium">
              Personne
            </label>
            <select id="mediateur" name="mediateur" defaultValue={mediator?.id ?? ""} className="mt-1 rounded border border-slate-500 px-3 py-2">
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-accent px-3 py-2 font-semibold text-accent">
            Afficher
          </button>
        </form>
      )}

      {!mediator || !availability ? (
        <p className="mt-4">Vous n&apos;êtes pas membre de cette structure : choisissez une personne de l&apos;équipe.</p>
      ) : (
        <>
          <section aria-labelledby="creneaux" className="mt-8">
            <h2 id="creneaux" className="text-2xl font-semibold">
              Créneaux de la semaine type
            </h2>
            {availability.patterns.length === 0 ? (
              <p className="mt-2">Aucun créneau pour l&apos;instant.</p>
            ) : (
              <ul className="mt-2 space-y-3">
                {availability.patterns.map((pattern) => (
                  <li key={pattern.id} className="rounded border border-slate-300 p-3">
                    <p className="font-semibold">
                      {describeWeeklyRange(pattern)} — rendez-vous de {pattern.slotMinutes} min
                    </p>
                    <p>
                      {pattern.offer.title} · {pattern.place?.name ?? "par téléphone / à distance"} · {KIND_LABELS[pattern.kind]}
                      {pattern.validFrom && ` · à partir du ${describeDate(pattern.validFrom)}`}
                      {pattern.validUntil && ` · jusqu'au ${describeDate(pattern.validUntil)}`}
                    </p>
                    <div className="mt-2 flex flex-wrap items-start gap-4">
                      <Link href={withParam("modifier", pattern.id)} className="text-accent underline">
                        Modifier<span className="sr-only"> le créneau du {describeWeeklyRange(pattern)}</span>
                      </Link>
                      <ActionForm action={deletePatternAction} submitLabel="Supprimer ce créneau" variant="secondary">
                        <input type="hidden" name="structureId" value={structure.id} />
                        <input type="hidden" name="patternId" value={pattern.id} />
                      </ActionForm>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {availability.elsewhere.length > 0 && (
              <>
                <h3 className="mt-4 font-semibold">Dans d&apos;autres structures</h3>
                <ul className="list-disc ps-6">
                  {availability.elsewhere.map((pattern) => (
                    <li key={pattern.id}>
                      {describeWeeklyRange(pattern)} — {pattern.offerTitle} ({pattern.structureName})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section aria-labelledby="ajouter" className="mt-8">
            <h2 id="ajouter" className="text-2xl font-semibold">
              {editing ? `Modifier le créneau du ${describeWeeklyRange(editing)}` : "Ajouter un créneau"}
            </h2>
            {offers.length === 0 ? (
              <p className="mt-2">La structure n&apos;a pas encore d&apos;offre : créez-en une d&apos;abord.</p>
            ) : (
              <PatternForm
                key={editing?.id ?? "new"}
                action={savePatternAction}
                offers={offers}
                cancelHref={editing ? here : undefined}
                defaults={{
                  structureId: structure.id,
                  patternId: editing?.id ?? "",
                  mediatorId: mediator.id,
                  offerId: editing?.offerId ?? (offers.length === 1 ? offers[0]!.id : ""),
                  placeId: editing ? (editing.placeId ?? "") : (offers.length === 1 ? (offers[0]!.places[0]?.id ?? "") : ""),
                  weekday: String(editing?.weekday ?? 2),
                  start: timeValue(editing?.startMinute ?? 14 * 60),
                  end: timeValue(editing?.endMinute ?? 17 * 60),
                  slotMinutes: String(editing?.slotMinutes ?? 45),
                  kind: editing?.kind ?? "procedure",
                  validFrom: editing?.validFrom ?? "",
                  validUntil: editing?.validUntil ?? "",
                }}
              />
            )}
          </section>

          <section aria-labelledby="absences" className="mt-8">
            <h2 id="absences" className="text-2xl font-semibold">
              Absences
            </h2>
            <p className="mt-1 text-slate-700">Congés, formation, vacances : aucun rendez-vous n&apos;est proposé ces jours-là.</p>
            {availability.absences.length > 0 && (
              <ul className="mt-2 space-y-2">
                {availability.absences.map((absence) => (
                  <li key={absence.id} className="flex flex-wrap items-start gap-4">
                    <span>
                      {absence.label} : du {describeDate(absence.startsOn)} au {describeDate(absence.endsOn)}
                    </span>
                    <ActionForm action={deleteAbsenceAction} submitLabel="Supprimer cette absence" variant="secondary">
                      <input type="hidden" name="structureId" value={structure.id} />
                      <input type="hidden" name="absenceId" value={absence.id} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
            <AbsenceForm action={saveAbsenceAction} defaults={{ structureId: structure.id, mediatorId: mediator.id, startsOn: "", endsOn: "", label: "" }} />
          </section>
        </>
      )}
    </>
  );
}
