/**
 * One question of the residents' questionnaire: a GET form to the same page carrying the answers
 * already given as hidden inputs (lib/orientation/resident-steps.ts), its own fields, and the way
 * on — "Continuer" to the next question, "Voir les résultats" once a need is given, "Passer" (a
 * link: skipping is not answering) and the previous question with every answer kept.
 */
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { buttonClass } from "@/lib/public-search/html/form-classes";
import { residentMessages } from "@/lib/orientation/resident-messages";
import { hiddenAnswers, nextStep, questionnairePath, RESULTS, STEP_PARAM, type QuestionStep } from "@/lib/orientation/resident-steps";
import type { Situation } from "@/lib/orientation/situation";

const secondaryButtonClass = "min-h-11 rounded border-2 border-accent px-5 py-2 text-lg font-semibold text-accent hover:bg-blue-50";

export function QuestionForm({
  slug,
  situation,
  step,
  locale,
  canSeeResults,
  children,
}: {
  slug: string;
  situation: Situation;
  step: QuestionStep;
  locale: Locale;
  canSeeResults: boolean;
  children: ReactNode;
}) {
  const t = residentMessages(locale);
  const next = nextStep(step);
  return (
    <form method="get" action={questionnairePath(slug)} className="mt-2">
      {hiddenAnswers(situation, step).map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="mt-6 flex flex-wrap gap-3">
        {/* The first submit button is the one Enter presses. */}
        {next !== RESULTS && (
          <button type="submit" name={STEP_PARAM} value={next} className={buttonClass}>
            {t.continue}
          </button>
        )}
        {canSeeResults && (
          <button type="submit" name={STEP_PARAM} value={RESULTS} className={next === RESULTS ? buttonClass : secondaryButtonClass}>
            {t.seeResults}
          </button>
        )}
      </div>
    </form>
  );
}
