/**
 * A refused place save as the form shows it, the same from the workspace (actions.ts) and from an
 * update campaign's link (lib/campaigns/review-actions.ts): not found, a commune the reference list
 * does not know (on its field), or someone else saved first (the fields that differ).
 */
import { refusal, type Refusal } from "@/lib/errors/app-error";
import { frenchCommunes } from "./communes";
import { PLACE_FIELD_LABELS, type PlaceSaveOutcome } from "./editing";
import { checkFrenchCommune, type PlaceInput } from "./schemas";

/** The field error for a commune the reference list does not know (kept only when unchanged). */
export function unknownCommune(input: PlaceInput): Refusal {
  const check = checkFrenchCommune(frenchCommunes, input.postalCode, input.communeName);
  if (check.ok) return refusal({ code: "place.commune_not_listed" }, "commune");
  // The schema's own rule, in its words (as zod's field errors are).
  return { ok: false, code: "form.invalid", fieldErrors: { [check.path]: [check.message] } };
}

export function placeSaveRefusal(outcome: Exclude<PlaceSaveOutcome, { ok: true }>, input: PlaceInput): Refusal {
  if (outcome.reason === "not_found") return refusal({ code: "not_found" });
  if (outcome.reason === "unknown_commune") return unknownCommune(input);
  // Commune code and name change together: name the commune once.
  const fields = [...new Set(outcome.changedMeanwhile.map((field) => PLACE_FIELD_LABELS[field === "communeCode" ? "communeName" : field]))];
  return refusal({ code: "save.changed_meanwhile", params: { what: "ce lieu", pronoun: "le", fields } });
}
