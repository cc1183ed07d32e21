/**
 * The "signaler une erreur" form: one schema for the browser and the server action, its messages
 * in the page's language.
 */
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "./messages";

export const REPORT_SUBJECTS = ["address", "hours", "phone", "gone", "other"] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];

/** How the history and the emails name each subject (in French, for the professionals). */
export const SUBJECT_SUMMARIES: Record<ReportSubject, string> = {
  address: "l'adresse",
  hours: "les horaires",
  phone: "le téléphone",
  gone: "ce service n'existe plus",
  other: "autre",
};

const MAX_REPORT_MESSAGE = 1000;
const MARKUP = /[<>]/;

export function reportSchema(locale: Locale) {
  const t = offerMessages(locale);
  return z.object({
    offerId: z.string().uuid(),
    subject: z.enum(REPORT_SUBJECTS, { error: t.subjectRequired }),
    message: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .pipe(z.string().max(MAX_REPORT_MESSAGE, t.messageTooLong).refine((value) => !MARKUP.test(value), t.noMarkup)),
    email: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .pipe(z.union([z.literal(""), z.email(t.invalidEmail).max(200, t.invalidEmail)]))
      .transform((value) => value || null),
    /** The honeypot: hidden from people, filled by bots. */
    website: z.string().optional(),
  });
}

export type ReportInput = z.output<ReturnType<typeof reportSchema>>;
