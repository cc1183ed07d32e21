/**
 * What a refused creation sent back (without JavaScript, the page is rendered again from it) as
 * the form's values, so nothing typed is lost. Text stays text; a choice the form does not offer
 * falls back to the page's default. No server-only imports: the form (a client component) uses it.
 */
import type { FormObject, FormValue } from "@/lib/forms/form-data";
import {
  AGE_BANDS,
  DIFFICULTIES,
  DIGITAL_EASES,
  DOCUMENT_STATUSES,
  SUPPORT_GOALS,
  TRANSFER_INTENTS,
  TRANSFER_LEVELS,
  URGENCIES,
  type AgeBand,
  type TransferFormValues,
} from "./schemas";

const text = (value: FormValue | undefined) => (typeof value === "string" ? value : "");
/** A posted list (or one value) as a list; a value that is not a list is no rows. */
function listOf(value: FormValue | undefined): FormValue[] {
  if (!Array.isArray(value)) return typeof value === "string" && value ? [value] : [];
  const items: FormValue[] = value;
  return items;
}
const texts = (value: FormValue | undefined) => listOf(value).filter((item): item is string => typeof item === "string");
const rows = (value: FormValue | undefined) =>
  listOf(value).filter((row): row is FormObject => typeof row === "object" && !Array.isArray(row));

/** The posted value when it is one of `choices`, else `fallback`. */
function oneOf<T extends string, F extends string>(choices: readonly T[], value: FormValue | undefined, fallback: F): T | F {
  return choices.find((choice) => choice === value) ?? fallback;
}

const AGE_BAND_KEYS = Object.keys(AGE_BANDS) as AgeBand[];

export function transferValuesFromPosted(posted: FormObject, defaults: TransferFormValues): TransferFormValues {
  return {
    idempotencyKey: text(posted.idempotencyKey) || defaults.idempotencyKey,
    fromStructureId: text(posted.fromStructureId),
    offerId: text(posted.offerId) || defaults.offerId,
    previousTransferId: text(posted.previousTransferId),
    sheetLineId: text(posted.sheetLineId),
    phoneCallId: text(posted.phoneCallId),
    level: oneOf(TRANSFER_LEVELS, posted.level, defaults.level),
    intent: oneOf(TRANSFER_INTENTS, posted.intent, defaults.intent),
    needTermId: text(posted.needTermId),
    needDescription: text(posted.needDescription),
    difficulty: oneOf(DIFFICULTIES, posted.difficulty, ""),
    urgency: oneOf(URGENCIES, posted.urgency, defaults.urgency),
    deadline: text(posted.deadline),
    digitalEase: oneOf(DIGITAL_EASES, posted.digitalEase, ""),
    equipment: texts(posted.equipment),
    supportGoal: oneOf(SUPPORT_GOALS, posted.supportGoal, ""),
    documents: rows(posted.documents).map((row) => ({ label: text(row.label), status: oneOf(DOCUMENT_STATUSES, row.status, "missing") })),
    personPublicTermIds: texts(posted.personPublicTermIds),
    ageBand: oneOf(AGE_BAND_KEYS, posted.ageBand, ""),
    confirmWarnings: posted.confirmWarnings === "on",
    personLabel: text(posted.personLabel),
    consent: posted.consent === "on",
    consentScope: texts(posted.consentScope),
    phone: text(posted.phone),
    email: text(posted.email),
    language: text(posted.language),
    accessibilityNeeds: text(posted.accessibilityNeeds),
    noteForPartner: text(posted.noteForPartner),
    appointmentDate: text(posted.appointmentDate),
    appointmentTime: text(posted.appointmentTime),
    appointmentPlaceId: text(posted.appointmentPlaceId),
    askFor: text(posted.askFor),
  };
}
