import type { TransferStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/transfers/labels";

const COLOURS: Record<TransferStatus, string> = {
  draft: "border-slate-500 bg-slate-50 text-slate-800",
  sent: "border-amber-700 bg-amber-50 text-amber-900",
  acknowledged: "border-sky-700 bg-sky-50 text-sky-900",
  accepted: "border-blue-700 bg-blue-50 text-blue-900",
  completed: "border-green-700 bg-green-50 text-green-900",
  declined: "border-red-700 bg-red-50 text-red-900",
  cancelled: "border-slate-500 bg-slate-50 text-slate-800",
  expired: "border-slate-500 bg-slate-50 text-slate-800",
};

/** A transfer's status as a word in a coloured box (the word carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: TransferStatus }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${COLOURS[status]}`}>{STATUS_LABELS[status]}</span>;
}
