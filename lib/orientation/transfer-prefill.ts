/**
 * From the assistant's analysis to the transfer form: what the mediator already said about the
 * person (seed 001's "transfert augmenté": the partner should not have to ask again) fills the
 * form's analysis. Never personal details: the person's name, contacts, language and access needs
 * are asked on the form, with their consent (the form refuses them without it).
 */
import { findNeed } from "@/lib/public-search/needs";
import type { TransferFormValues } from "@/lib/transfers/schemas";
import type { Situation } from "./situation";

type Prefill = Pick<
  TransferFormValues,
  "needTermId" | "needDescription" | "difficulty" | "urgency" | "deadline" | "digitalEase" | "equipment" | "supportGoal" | "ageBand"
>;

const SUPPORT_GOAL = { "faire-a-la-place": "immediate", "faire-avec": "immediate", "apprendre-a-faire": "autonomy" } as const;
const DESCRIPTION_MAX = 200;

/** The form's analysis from a situation; `needTerms` are the target offer's need terms (the first one the need names is chosen). */
export function transferPrefill(situation: Situation, needTerms: readonly { id: string; code: string }[], today: string): Prefill {
  const need = situation.besoin ? findNeed(situation.besoin) : undefined;
  const needCodes = new Set(need?.terms.map(({ code }) => code) ?? []);
  const description = situation.q || need?.label || "";
  return {
    needTermId: needTerms.find((term) => needCodes.has(term.code))?.id ?? "",
    needDescription: description.slice(0, DESCRIPTION_MAX),
    difficulty: situation.difficulte ?? "",
    urgency: situation.urgence ?? "normal",
    // A deadline already past is not carried: the form would refuse it.
    deadline: situation.echeance && situation.echeance >= today ? situation.echeance : "",
    digitalEase: situation.aisance ?? "",
    equipment: situation.equipement,
    supportGoal: situation.objectif ? SUPPORT_GOAL[situation.objectif] : "",
    ageBand: situation.ageBand ?? "",
  };
}
