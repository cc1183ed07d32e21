/**
 * The queue of the public's error reports, shared by the territory's page and a structure's: a
 * status filter (a GET form, without JavaScript), then each case — the offer (its page in the
 * workspace and the public one), the structure, how many reports, each report's subject, words,
 * date and the address the person left — and the moves it may make.
 */
import Link from "next/link";
import { ActionForm, TextField } from "@/components/forms/ActionForm";
import { moveErrorReportAction } from "@/lib/error-reports/actions";
import { subjectWords, type listErrorReports, type ReportStatus } from "@/lib/error-reports/queue";
import { STATUS_WORDS, type QueueFilter } from "@/lib/error-reports/schemas";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";

type Report = Awaited<ReturnType<typeof listErrorReports>>[number];

const FILTER_WORDS: Record<QueueFilter, string> = {
  open: "À traiter (nouveaux et en cours)",
  new: "Nouveaux",
  in_progress: "En cours",
  fixed: "Corrigés",
  rejected: "Rejetés",
  all: "Tous",
};

const day = (instant: Date) => formatDay(localTime(instant, "Europe/Paris").date);

function Move({ report, to, label }: { report: Report; to: ReportStatus; label: string }) {
  return (
    <ActionForm action={moveErrorReportAction} submitLabel={label} variant="secondary">
      <input type="hidden" name="reportId" value={report.id} />
      <input type="hidden" name="from" value={report.status} />
      <input type="hidden" name="to" value={to} />
    </ActionForm>
  );
}

export function ReportQueue({ reports, filter, showStructure }: { reports: Report[]; filter: QueueFilter; showStructure: boolean }) {
  return (
    <>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="statut" className="block font-medium">
            Signalements
          </label>
          <select id="statut" name="statut" defaultValue={filter} className="mt-1 rounded border border-slate-500 px-3 py-2">
            {Object.entries(FILTER_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-accent px-3 py-2 font-semibold text-accent">
          Afficher
        </button>
      </form>
      {reports.length === 0 ? (
        <p className="mt-4">Aucun signalement ici.</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {reports.map((report) => (
            <li key={report.id} className="rounded border border-slate-300 p-4" data-testid="signalement">
              <article aria-labelledby={`signalement-${report.id}`}>
                <h2 id={`signalement-${report.id}`} className="text-xl font-semibold">
                  {report.offerTitle}
                  {showStructure && <span className="font-normal text-slate-700"> — {report.structure.name}</span>}
                </h2>
                <p>
                  <strong>{STATUS_WORDS[report.status]}</strong> · {report.reportCount} signalement{report.reportCount > 1 ? "s" : ""}, le dernier le{" "}
                  {day(report.lastReportedAt)}
                  {report.decidedAt && report.decidedBy && (
                    <>
                      {" "}
                      · {STATUS_WORDS[report.status].toLowerCase()} le {day(report.decidedAt)} par {report.decidedBy.name ?? report.decidedBy.email}
                    </>
                  )}
                </p>
                {report.note && <p>Motif : {report.note}</p>}
                <p className="mt-1 flex flex-wrap gap-4">
                  <Link href={`/structures/${report.structure.id}/offres/${report.offerId}`} className="text-accent underline">
                    Corriger l&apos;offre<span className="sr-only"> « {report.offerTitle} »</span>
                  </Link>
                  <Link href={`/t/${report.territory.slug}/offres/${report.offerId}`} className="text-accent underline">
                    Page publique<span className="sr-only"> de « {report.offerTitle} »</span>
                  </Link>
                </p>
                <ul className="mt-2 list-disc space-y-1 ps-6">
                  {report.entries.map((entry) => (
                    <li key={entry.id}>
                      Le {day(entry.createdAt)} : {subjectWords(entry.subject)}
                      {entry.message && <> — « {entry.message} »</>}
                      {entry.replyEmail && <> (pour répondre : {entry.replyEmail})</>}
                    </li>
                  ))}
                </ul>
                {(report.status === "new" || report.status === "in_progress") && (
                  <div className="mt-3 flex flex-wrap items-start gap-4">
                    {report.status === "new" ? <Move report={report} to="in_progress" label="Prendre en charge" /> : <Move report={report} to="new" label="Remettre en nouveau" />}
                    <Move report={report} to="fixed" label="Corrigé" />
                    <ActionForm action={moveErrorReportAction} submitLabel="Rejeter" variant="secondary">
                      <input type="hidden" name="reportId" value={report.id} />
                      <input type="hidden" name="from" value={report.status} />
                      <input type="hidden" name="to" value="rejected" />
                      <TextField name="note" id={`motif-${report.id}`} label="Motif du rejet" />
                    </ActionForm>
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
