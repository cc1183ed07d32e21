/** The queue's forms: moving a case (a rejection needs its reason), and the status filter read from the URL. */
import { z } from "zod";
import { optional, text } from "@/lib/forms/fields";
import { REPORT_STATUSES, type ReportStatus } from "./queue";

export const moveReportSchema = z
  .object({
    reportId: z.uuid(),
    from: z.enum(REPORT_STATUSES),
    to: z.enum(REPORT_STATUSES),
    note: optional(text("Motif", 500)),
  })
  .superRefine((values, context) => {
    if (values.to === "rejected" && !values.note) {
      context.addIssue({ code: "custom", path: ["note"], message: "Dites pourquoi ce signalement est rejeté (par exemple « l'information était juste »)." });
    }
  });

export const QUEUE_FILTERS = ["open", "new", "in_progress", "fixed", "rejected", "all"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** `?statut=` as the queue reads it: an unknown value shows the open cases. */
export function queueFilter(value: string | string[] | undefined): QueueFilter {
  return typeof value === "string" && (QUEUE_FILTERS as readonly string[]).includes(value) ? (value as QueueFilter) : "open";
}

export const STATUS_WORDS: Record<ReportStatus, string> = {
  new: "Nouveau",
  in_progress: "En cours",
  fixed: "Corrigé",
  rejected: "Rejeté",
};
