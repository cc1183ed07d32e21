/**
 * The territory's activity of time given to people (`/territoires/<slug>/activite`), for its
 * coordinators: appointments (with the no-show rate), usages series, permanence sheets, workshops,
 * the phone line's calls.
 * Counts only — no name, no request, no contact. The period is a GET choice, so it works without
 * JavaScript and can be bookmarked. Charts come with the network's indicators (issue 19).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { RESULT_LABELS } from "@/lib/permanences/rules";
import { formatDay, WEEKDAY_NAMES } from "@/lib/hours/format";
import { weekdayOf } from "@/lib/hours/rules";
import { formatDuration, OUTCOME_LABELS } from "@/lib/phone-line/rules";
import { PERIODS, periodOf } from "@/lib/time-indicators/queries";
import { loadTerritoryActivity } from "@/lib/time-indicators/page-data";

export const metadata: Metadata = { title: "Rendez-vous, permanences et ateliers" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)} %`);

const STATUS_LABELS = { booked: "À venir ou non notés", attended: "Venus", no_show: "Absents sans prévenir", cancelled: "Annulés", held: "Proposés à la liste d'attente" } as const;
const CHANNEL_LABELS = { transfer: "Dans un transfert", staff: "Par une structure (accueil, téléphone)", resident: "Par l'habitant en ligne", waitlist: "Depuis la liste d'attente" } as const;
const RESULTS = { ...RESULT_LABELS, none: "Pas encore noté" };
const CALL_OUTCOMES = { ...OUTCOME_LABELS, none: "Pas encore notée" };
const dayText = (day: string) => `${WEEKDAY_NAMES[weekdayOf(day) - 1]} ${formatDay(day)}`;

function Table({ caption, rows }: { caption: string; rows: [string, string | number][] }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-2 w-full max-w-xl border-collapse">
      <caption className="text-start font-semibold">{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="border-b border-slate-200">
            <th scope="row" className="py-1 pe-4 text-start font-normal">
              {label}
            </th>
            <td className="py-1 text-end tabular-nums">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function TerritoryActivityPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/activite`);
  const period = periodOf((await searchParams).periode);
  const page = await loadTerritoryActivity(actor, slug, period, new Date());
  if (!page) notFound();
  const { territory, appointments, series, sheets, workshops, calls } = page;
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Rendez-vous, permanences et ateliers</h1>
      <p className="mt-1 max-w-prose">Des nombres seulement : aucun nom, aucune demande, aucune coordonnée.</p>
      <form method="get" className="mt-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="periode" className="block font-medium">
            Période
          </label>
          <select id="periode" name="periode" defaultValue={period} className="mt-1 rounded border border-slate-500 px-3 py-2">
            {Object.entries(PERIODS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-accent px-3 py-2 font-semibold text-accent">
          Afficher
        </button>
      </form>

      <section aria-labelledby="rdv" className="mt-6">
        <h2 id="rdv" className="text-2xl font-bold">
          Rendez-vous ({appointments.total})
        </h2>
        <p className="mt-1 text-lg">
          Taux d&apos;absence sans prévenir : <strong>{percent(appointments.noShowRate)}</strong>
          <span className="text-sm"> (absents ÷ rendez-vous passés et notés)</span>
        </p>
        <Table caption="Par issue" rows={Object.entries(STATUS_LABELS).map(([status, label]) => [label, appointments.byStatus[status as keyof typeof STATUS_LABELS]])} />
        <Table caption="Par origine" rows={Object.entries(CHANNEL_LABELS).map(([channel, label]) => [label, appointments.byChannel[channel as keyof typeof CHANNEL_LABELS]])} />
      </section>

      <section aria-labelledby="usages" className="mt-6">
        <h2 id="usages" className="text-2xl font-bold">
          Parcours « usages »
        </h2>
        <Table
          caption="Séries et séances"
          rows={[
            ["Séries ouvertes", series.series],
            ["Séances faites", series.sessions],
          ]}
        />
        {series.skillsReached.length ? <Table caption="Compétences atteintes" rows={series.skillsReached.map(({ label, count }) => [label, count])} /> : null}
      </section>

      <section aria-labelledby="feuilles" className="mt-6">
        <h2 id="feuilles" className="text-2xl font-bold">
          Permanences
        </h2>
        <Table
          caption="Feuilles d'inscription"
          rows={[
            ["Feuilles ouvertes", sheets.sheets],
            ["Personnes reçues", sheets.lines],
            ["Dont sans inscription", sheets.walkIns],
            ["Transferts lancés", sheets.transfersStarted],
          ]}
        />
        <Table caption="Par demande" rows={sheets.byCategory.map(({ label, lines }) => [label ?? "Pas encore classée", lines])} />
        <Table caption="Par suite donnée" rows={Object.entries(RESULTS).map(([result, label]) => [label, sheets.byResult[result as keyof typeof RESULTS] ?? 0])} />
      </section>

      <section aria-labelledby="appels" className="mt-6">
        <h2 id="appels" className="text-2xl font-bold">
          Ligne téléphonique
        </h2>
        <Table
          caption="Appels"
          rows={[
            ["Appels", calls.calls],
            ["Part orientée vers un partenaire", percent(calls.redirectedShare)],
            ["Durée médiane", calls.medianDurationSeconds === null ? "—" : formatDuration(calls.medianDurationSeconds)],
          ]}
        />
        <Table caption="Appels par permanence téléphonique" rows={calls.perPermanence.map(({ lineTitle, day, calls: count }) => [`${lineTitle} — ${dayText(day)}`, count])} />
        <Table caption="Par issue" rows={Object.entries(CALL_OUTCOMES).map(([outcome, label]) => [label, calls.byOutcome[outcome as keyof typeof CALL_OUTCOMES] ?? 0])} />
      </section>

      <section aria-labelledby="ateliers" className="mt-6">
        <h2 id="ateliers" className="text-2xl font-bold">
          Ateliers
        </h2>
        <Table
          caption="Séances et places"
          rows={[
            ["Séances", workshops.sessions],
            ["Places", workshops.seats],
            ["Places prises", workshops.confirmed],
            ["Taux de remplissage", percent(workshops.fillRate)],
            ["Présents notés", workshops.attended],
            ["En liste d'attente", workshops.waitlisted],
          ]}
        />
      </section>
    </>
  );
}
