import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgendaNav } from "@/components/agenda/AgendaNav";
import { requireActor } from "@/lib/auth/session";
import { loadAgendaWeekPage } from "@/lib/agenda/page-data";
import { describeDate } from "@/lib/agenda/rules";
import { formatTime } from "@/lib/hours/format";

export const metadata: Metadata = { title: "Agenda" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUS_LABELS: Record<string, string> = {
  held: "proposé (liste d'attente)",
  booked: "pris",
  cancelled: "annulé",
  attended: "venu",
  no_show: "absent",
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AgendaWeekPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/structures/${id}/agenda`);
  const page = await loadAgendaWeekPage(actor, id, { semaine: one(search.semaine), mediateur: one(search.mediateur) });
  if (!page) notFound();
  const { structure, week } = page;
  const base = `/structures/${structure.id}/agenda`;
  const link = (monday: string) => `${base}?semaine=${monday}${week.mediatorId ? `&mediateur=${week.mediatorId}` : ""}`;

  return (
    <>
      <AgendaNav structureId={structure.id} structureName={structure.name} mayEdit={structure.mayEdit} />
      <h1 className="mt-2 text-3xl font-bold">Agenda — semaine du {describeDate(week.monday)}</h1>
      <p className="mt-1 flex flex-wrap gap-x-4 print:hidden">
        <Link href={link(week.previous)} className="text-accent underline">
          ← Semaine précédente
        </Link>
        <Link href={link(week.next)} className="text-accent underline">
          Semaine suivante →
        </Link>
      </p>
      <form method="get" action={base} className="mt-3 flex flex-wrap items-end gap-2 print:hidden">
        <input type="hidden" name="semaine" value={week.monday} />
        <div>
          <label htmlFor="mediateur" className="block font-medium">
            Personne
          </label>
          <select id="mediateur" name="mediateur" defaultValue={week.mediatorId ?? ""} className="mt-1 rounded border border-slate-500 px-3 py-2">
            <option value="">Toute l&apos;équipe</option>
            {week.members.map((member) => (
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

      <ol className="mt-6 space-y-6">
        {week.days.map((day) => (
          <li key={day.date} className="break-inside-avoid">
            <h2 id={`jour-${day.date}`} className="border-b border-slate-300 text-xl font-semibold">
              {describeDate(day.date)}
              {day.holiday && <span className="ms-2 text-base font-normal text-slate-700">— jour férié : {day.holiday}</span>}
            </h2>
            {day.mediators.length === 0 && day.unassigned.length === 0 ? (
              <p className="mt-1 text-slate-700">Aucun créneau ni rendez-vous.</p>
            ) : (
              <ul className="mt-2 space-y-3">
                {day.mediators.map((mediator) => (
                  <li key={mediator.id}>
                    <h3 className="font-semibold">{mediator.name}</h3>
                    {mediator.absence && <p className="text-slate-700">Absent·e : {mediator.absence}</p>}
                    {mediator.appointments.length > 0 && (
                      <ul className="ms-4 list-disc ps-4">
                        {mediator.appointments.map((appointment) => (
                          <li key={appointment.id}>
                            <Link href={`/structures/${structure.id}/rendez-vous/${appointment.id}`} className="text-accent underline">
                              {formatTime(appointment.startMinute)} – {formatTime(appointment.endMinute)} : {appointment.personLabel ?? "rendez-vous"}
                            </Link>
                            {appointment.offerTitle && <> — {appointment.offerTitle}</>} ({STATUS_LABELS[appointment.status] ?? appointment.status})
                          </li>
                        ))}
                      </ul>
                    )}
                    {mediator.freeSlots.length > 0 && (
                      <p className="ms-4 text-slate-800">
                        Libre :{" "}
                        {mediator.freeSlots.map((slot) => `${formatTime(slot.startMinute)} (${slot.offerTitle}${slot.placeName ? `, ${slot.placeName}` : ", à distance"})`).join(" · ")}
                      </p>
                    )}
                  </li>
                ))}
                {day.unassigned.length > 0 && (
                  <li>
                    <h3 className="font-semibold">Sans personne désignée</h3>
                    <ul className="ms-4 list-disc ps-4">
                      {day.unassigned.map((appointment) => (
                        <li key={appointment.id}>
                          <Link href={`/structures/${structure.id}/rendez-vous/${appointment.id}`} className="text-accent underline">
                            {formatTime(appointment.startMinute)} : {appointment.personLabel ?? "rendez-vous"}
                          </Link>{" "}
                          ({STATUS_LABELS[appointment.status] ?? appointment.status})
                        </li>
                      ))}
                    </ul>
                  </li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
