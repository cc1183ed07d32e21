/**
 * The residents' questionnaire, "Trouver de l'aide pour ma situation" (/t/<slug>/aide): one short
 * question per step, each step a GET form, so it works without JavaScript and every answer lives
 * in the URL (situation.ts's parameters, plus `etape`). A step's form carries the answers already
 * given as hidden inputs and asks its own fields; "Passer" is a link to the next step without this
 * step's fields; "Voir les résultats" is always there once a need is given. Pure functions.
 */
import { situationParams, type Situation, type SituationParam } from "./situation";

/** The questions, in order; then the results. */
export const STEPS = ["besoin", "lieu", "quand", "vous", "aide"] as const;
export type QuestionStep = (typeof STEPS)[number];
export const RESULTS = "resultats";
export type Step = QuestionStep | typeof RESULTS;

/** The URL parameter of the step. */
export const STEP_PARAM = "etape";

/** What each step asks: its own parameters, which its form's fields replace. */
const STEP_FIELDS: Record<QuestionStep, readonly SituationParam[]> = {
  besoin: ["besoin", "q"],
  lieu: ["commune", "distance"],
  quand: ["urgence", "echeance"],
  vous: ["age", "aisance", "equipement", "langue", "fauteuil"],
  aide: ["objectif"],
};

/** The step that asks a parameter (none: carried along, never asked — a mediator's link may set them). */
export function stepOfParam(param: SituationParam): QuestionStep | null {
  return STEPS.find((step) => STEP_FIELDS[step].includes(param)) ?? null;
}

const hasNeed = (situation: Situation) => situation.besoin !== null || situation.q !== "";

/**
 * The step to show. Nothing can be ranked without a need: any later step asked without one shows
 * the first question again (`needFirst`: say why). No step in the URL, with a need: the results
 * (a shared link to a situation gives its ranking).
 */
export function readStep(raw: unknown, situation: Situation): { step: Step; needFirst: boolean } {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const asked: Step | null = value === RESULTS || STEPS.includes(value as QuestionStep) ? (value as Step) : null;
  if (!hasNeed(situation)) return { step: "besoin", needFirst: asked !== null && asked !== "besoin" };
  return { step: asked ?? RESULTS, needFirst: false };
}

export function nextStep(step: Step): Step {
  if (step === RESULTS) return RESULTS;
  return STEPS[STEPS.indexOf(step) + 1] ?? RESULTS;
}

export function previousStep(step: Step): QuestionStep | null {
  if (step === RESULTS) return STEPS[STEPS.length - 1]!;
  return STEPS[STEPS.indexOf(step) - 1] ?? null;
}

/** "Question 2 sur 5": the step's number, from 1. */
export const stepNumber = (step: QuestionStep) => STEPS.indexOf(step) + 1;

/** The answers as URL parameters (the language included), without some of them. */
function answersWithout(situation: Situation, dropped: readonly string[]): [string, string][] {
  return [...situationParams(situation).entries()].filter(([name]) => !dropped.includes(name));
}

/**
 * The hidden inputs of a step's form: every answer already given but the step's own (its fields
 * say them), and the page's language. The step itself is the submit button's value.
 */
export function hiddenAnswers(situation: Situation, step: QuestionStep): [string, string][] {
  return answersWithout(situation, STEP_FIELDS[step]);
}

/** The questionnaire's address. */
export const questionnairePath = (slug: string) => `/t/${slug}/aide`;

function hrefWith(slug: string, answers: [string, string][], step: Step): string {
  const query = new URLSearchParams(answers);
  query.set(STEP_PARAM, step);
  return `${questionnairePath(slug)}?${query.toString()}`;
}

/** A step with every answer kept: the back link, "change this answer" from the results. */
export function stepHref(slug: string, situation: Situation, step: Step): string {
  return hrefWith(slug, answersWithout(situation, []), step);
}

/** "Passer": the next step, without this step's answers (skipping a question is not answering it). */
export function skipHref(slug: string, situation: Situation, step: QuestionStep): string {
  return hrefWith(slug, answersWithout(situation, STEP_FIELDS[step]), nextStep(step));
}

/** A need picked in the grid (or proposed for words not understood): the words are dropped, the need set. */
export function needHref(slug: string, situation: Situation, need: string, step: Step): string {
  return hrefWith(slug, [["besoin", need], ...answersWithout(situation, STEP_FIELDS.besoin)], step);
}

/** The first question, in the page's language: the territory home's link. */
export function questionnaireHref(slug: string, situation: Pick<Situation, "lang">): string {
  return situation.lang === "fr" ? questionnairePath(slug) : `${questionnairePath(slug)}?lang=${situation.lang}`;
}
