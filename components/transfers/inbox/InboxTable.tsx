import Link from "next/link";
import type { InboxDirection, InboxRow } from "@/lib/transfers/inbox";
import { LEVEL_LABELS, URGENCY_LABELS } from "@/lib/transfers/labels";
import { formatDate, formatDateTime, formatDay } from "./format";
import { StatusBadge } from "./StatusBadge";

/** One line per transfer: code, date, the other structure, offer, need, urgency, status, appointment. */
export function InboxTable({ rows, direction, caption }: { rows: InboxRow[]; direction: InboxDirection; caption: string }) {
  return (
    // Focusable so that keyboard users can scroll the wide table (WCAG 2.1.1).
    <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-500">
            {["Code", "Date", direction === "received" ? "De" : "Vers", "Offre", "Besoin", "Urgence", "Statut", "Rendez-vous"].map((column) => (
              <th key={column} scope="col" className="px-2 py-2 align-bottom">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-300 align-top">
              <th scope="row" className="px-2 py-2 font-mono whitespace-nowrap">
                <Link href={`/transferts/${row.id}`} className="text-accent underline">
                  {row.code}
                </Link>
              </th>
              <td className="px-2 py-2 whitespace-nowrap">{formatDate(row.sentAt ?? row.createdAt)}</td>
              <td className="px-2 py-2">{direction === "received" ? row.fromStructure.name : row.toStructure.name}</td>
              <td className="px-2 py-2">
                {row.offer?.title ?? "—"}
                <span className="block text-xs text-slate-700">{LEVEL_LABELS[row.level].label}</span>
              </td>
              <td className="px-2 py-2">
                {row.needTerm && <span className="block font-medium">{row.needTerm.label}</span>}
                {row.needDescription}
              </td>
              <td className="px-2 py-2">
                {URGENCY_LABELS[row.urgency]}
                {row.deadline && <span className="block text-xs text-slate-700">avant le {formatDay(row.deadline)}</span>}
              </td>
              <td className="px-2 py-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-2 py-2">{row.appointmentAt ? formatDateTime(row.appointmentAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
