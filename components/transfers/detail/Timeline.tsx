import { formatDateTime } from "@/components/transfers/inbox/format";
import type { DeclineReason, TransferOutcome } from "@/lib/generated/prisma/enums";
import { APPOINTMENT_EVENT_LABELS, COMMAND_LABELS, DECLINE_REASON_LABELS, OUTCOME_LABELS } from "@/lib/transfers/labels";
import type { TimelineEntry } from "@/lib/transfers/transfer-view";

/** The event types that are not status changes (lib/transfers/timers.ts, erasure.ts, creation). */
const OTHER_EVENTS: Record<string, string> = {
  created: "Transfert créé",
  "reminder.acknowledge": "Relance envoyée : réception pas encore confirmée",
  "reminder.accept": "Relance envoyée : transfert pas encore accepté (copie à la coordination)",
  "personal_data.erased": "Données de la personne effacées",
  ...APPOINTMENT_EVENT_LABELS,
};

const STATUS_EVENTS: Record<string, string> = {
  sent: COMMAND_LABELS.send.done,
  acknowledged: COMMAND_LABELS.acknowledge.done,
  accepted: COMMAND_LABELS.accept.done,
  declined: COMMAND_LABELS.decline.done,
  cancelled: COMMAND_LABELS.cancel.done,
  completed: COMMAND_LABELS.complete.done,
  expired: COMMAND_LABELS.expire.done,
};

function sentence(entry: TimelineEntry): string {
  return STATUS_EVENTS[entry.type] ?? OTHER_EVENTS[entry.type] ?? entry.type;
}

/** The transfer's history, oldest first: what, who (and for which structure), when. */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  if (entries.length === 0) return <p className="mt-2">Aucun événement pour l&apos;instant.</p>;
  return (
    <ol className="mt-2 space-y-3 border-s-2 border-slate-300 ps-4" aria-label="Historique du transfert">
      {entries.map((entry) => {
        const who = entry.actorName ? `${entry.actorName}${entry.actorStructure ? ` (${entry.actorStructure})` : ""}` : "Toile (automatique)";
        const reason =
          entry.type === "declined" && entry.reason && entry.reason in DECLINE_REASON_LABELS ? DECLINE_REASON_LABELS[entry.reason as DeclineReason] : null;
        const outcome = entry.outcome && entry.outcome in OUTCOME_LABELS ? OUTCOME_LABELS[entry.outcome as TransferOutcome] : null;
        return (
          <li key={entry.id}>
            <p>
              <strong>{sentence(entry)}</strong> — {who}
            </p>
            <p className="text-sm text-slate-700">
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, timeZone)}</time>
            </p>
            {reason && <p className="text-sm">Motif : {reason}</p>}
            {outcome && <p className="text-sm">Résultat : {outcome}</p>}
            {entry.message && (
              <p className="text-sm">
                {entry.type === "cancelled" ? "Motif" : "Message"} : {entry.message}
              </p>
            )}
            {entry.note && <p className="text-sm">Note : {entry.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
