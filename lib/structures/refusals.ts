/** A refused save of a structure's card as the form shows it, from the workspace and from an update campaign's link. */
import { refusal, type Refusal } from "@/lib/errors/app-error";
import { FIELD_LABELS, type SaveOutcome } from "./update";

export function identityRefusal(outcome: Exclude<SaveOutcome, { ok: true }>): Refusal {
  if (outcome.reason === "invalid") return refusal({ code: outcome.code }, outcome.field);
  const fields = outcome.changedMeanwhile.map((field) => FIELD_LABELS[field]);
  return refusal({ code: "save.changed_meanwhile", params: { what: "cette fiche", pronoun: "la", fields } });
}
