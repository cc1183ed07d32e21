/**
 * A question of the residents' questionnaire, with its counter, its fields, "Passer" and the way
 * back. The need is the only question that cannot be skipped: nothing is ranked without one.
 */
import { NeedGrid } from "@/components/public/NeedGrid";
import { safeUrl } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { LANGUAGES } from "@/lib/offers/schemas";
import { residentMessages } from "@/lib/orientation/resident-messages";
import { needHref, previousStep, skipHref, stepHref, stepNumber, STEPS, type QuestionStep } from "@/lib/orientation/resident-steps";
import { AGE_BAND_KEYS, asksSomething, type Situation } from "@/lib/orientation/situation";
import { languageNames } from "@/lib/public-offer/present";
import { POSTURES, type Commune } from "@/lib/public-search/filters";
import { inputClass } from "@/lib/public-search/html/form-classes";
import { searchMessages } from "@/lib/public-search/messages";
import type { PublicNeed } from "@/lib/public-search/needs";
import { DIGITAL_EASES, EQUIPMENT, URGENCIES } from "@/lib/transfers/schemas";
import { Choice, ChoiceGroup } from "./Choice";
import { QuestionForm } from "./QuestionForm";

/** The distances offered, in km (the search's maximum is 50). */
const DISTANCES = [2, 5, 10, 20, 50];
/** The languages a person may say they speak best: the offers' list, by their two-letter code, French apart. */
const SPOKEN = Object.keys(LANGUAGES).filter((code) => /^[a-z]{2}$/.test(code) && code !== "fr");

interface StepProps {
  slug: string;
  situation: Situation;
  locale: Locale;
}

/** The needs of the first question: the frequent ones first, as on the territory home, then the others. */
export interface NeedChoices {
  frequent: PublicNeed[];
  others: PublicNeed[];
}

function NeedQuestion({ slug, situation, locale, needs }: StepProps & { needs: NeedChoices }) {
  const t = residentMessages(locale);
  const hrefFor = (need: string) => safeUrl(needHref(slug, situation, need, "lieu"));
  return (
    <>
      <p className="mt-1 text-slate-700">{t.needRequired}</p>
      <h3 className="mt-4 text-xl font-semibold">{t.needsLegend}</h3>
      <div className="mt-2">
        <NeedGrid needs={needs.frequent} hrefFor={hrefFor} locale={locale} />
      </div>
      <h3 className="mt-4 text-xl font-semibold">{searchMessages(locale).otherNeeds}</h3>
      <div className="mt-2">
        <NeedGrid needs={needs.others} hrefFor={hrefFor} locale={locale} />
      </div>
      <h3 className="mt-6 text-xl font-semibold">{t.wordsHeading}</h3>
      <QuestionForm slug={slug} situation={situation} step="besoin" locale={locale} canSeeResults>
        <label htmlFor="aide-q" className="block font-semibold">
          {t.wordsLabel}
        </label>
        <p id="aide-q-aide" className="text-slate-700">
          {t.wordsHint}
        </p>
        <input id="aide-q" name="q" type="text" defaultValue={situation.q} maxLength={200} aria-describedby="aide-q-aide" className={inputClass} />
      </QuestionForm>
    </>
  );
}

function PlaceQuestion({ slug, situation, locale, communes }: StepProps & { communes: Commune[] }) {
  const t = residentMessages(locale);
  return (
    <QuestionForm slug={slug} situation={situation} step="lieu" locale={locale} canSeeResults>
      <label htmlFor="aide-commune" className="block text-lg font-semibold">
        {t.communeLabel}
      </label>
      <p id="aide-commune-aide" className="text-slate-700">
        {t.communeHint}
      </p>
      <input
        id="aide-commune"
        name="commune"
        type="text"
        defaultValue={situation.commune ?? ""}
        maxLength={80}
        autoComplete="postal-code"
        list="aide-communes"
        aria-describedby="aide-commune-aide"
        className={inputClass}
      />
      <datalist id="aide-communes">
        {communes.map((commune) => (
          <option key={`${commune.code}-${commune.postalCode}`} value={commune.name} />
        ))}
      </datalist>
      <ChoiceGroup legend={t.distanceLegend}>
        <Choice type="radio" name="distance" value="" label={t.distanceAny} checked={situation.distance === null} />
        <Choice type="radio" name="distance" value="0" label={t.distanceNone} checked={situation.distance === 0} />
        {DISTANCES.map((km) => (
          <Choice key={km} type="radio" name="distance" value={String(km)} label={t.distanceKm(km)} checked={situation.distance === km} />
        ))}
      </ChoiceGroup>
    </QuestionForm>
  );
}

function WhenQuestion({ slug, situation, locale }: StepProps) {
  const t = residentMessages(locale);
  return (
    <QuestionForm slug={slug} situation={situation} step="quand" locale={locale} canSeeResults>
      <ChoiceGroup legend={t.urgencyLegend}>
        <Choice type="radio" name="urgence" value="" label={t.dontKnow} checked={situation.urgence === null} />
        {URGENCIES.map((urgency) => (
          <Choice key={urgency} type="radio" name="urgence" value={urgency} label={t.urgencies(urgency)} checked={situation.urgence === urgency} />
        ))}
      </ChoiceGroup>
      <label htmlFor="aide-echeance" className="mt-4 block text-lg font-semibold">
        {t.deadlineLabel}
      </label>
      <p id="aide-echeance-aide" className="text-slate-700">
        {t.deadlineHint}
      </p>
      <input id="aide-echeance" name="echeance" type="date" defaultValue={situation.echeance ?? ""} aria-describedby="aide-echeance-aide" className={inputClass} />
    </QuestionForm>
  );
}

function YouQuestion({ slug, situation, locale }: StepProps) {
  const t = residentMessages(locale);
  const names = languageNames(locale, SPOKEN, LANGUAGES);
  return (
    <QuestionForm slug={slug} situation={situation} step="vous" locale={locale} canSeeResults>
      <ChoiceGroup legend={t.ageLegend}>
        <Choice type="radio" name="age" value="" label={t.noAnswer} checked={situation.ageBand === null} />
        {AGE_BAND_KEYS.map((band) => (
          <Choice key={band} type="radio" name="age" value={band} label={t.ageBands(band)} checked={situation.ageBand === band} />
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t.easeLegend}>
        <Choice type="radio" name="aisance" value="" label={t.noAnswer} checked={situation.aisance === null} />
        {DIGITAL_EASES.map((ease) => (
          <Choice key={ease} type="radio" name="aisance" value={ease} label={t.eases(ease)} checked={situation.aisance === ease} />
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t.equipmentLegend} hint={t.equipmentHint}>
        {EQUIPMENT.map((item) => (
          <Choice key={item} type="checkbox" name="equipement" value={item} label={t.equipment(item)} checked={situation.equipement.includes(item)} />
        ))}
      </ChoiceGroup>
      <label htmlFor="aide-langue" className="mt-4 block text-lg font-semibold">
        {t.languageLabel}
      </label>
      <select id="aide-langue" name="langue" defaultValue={situation.langue ?? ""} className={inputClass}>
        <option value="">{t.languageFrench}</option>
        {SPOKEN.map((code, index) => (
          <option key={code} value={code}>
            {names[index]}
          </option>
        ))}
      </select>
      <div className="mt-4">
        <Choice type="checkbox" name="fauteuil" value="1" label={t.wheelchair} checked={situation.fauteuil} />
      </div>
    </QuestionForm>
  );
}

function GoalQuestion({ slug, situation, locale }: StepProps) {
  const t = residentMessages(locale);
  return (
    <QuestionForm slug={slug} situation={situation} step="aide" locale={locale} canSeeResults>
      <ChoiceGroup legend={t.goalLegend}>
        {[...POSTURES].reverse().map((posture) => (
          <Choice key={posture} type="radio" name="objectif" value={posture} label={t.goals(posture)} checked={situation.objectif === posture} />
        ))}
        <Choice type="radio" name="objectif" value="" label={t.goalAny} checked={situation.objectif === null} />
      </ChoiceGroup>
    </QuestionForm>
  );
}

export function QuestionStepView({
  slug,
  situation,
  locale,
  step,
  needFirst,
  needs,
  communes,
  homeHref,
}: StepProps & { step: QuestionStep; needFirst: boolean; needs: NeedChoices; communes: Commune[]; homeHref: string }) {
  const t = residentMessages(locale);
  const previous = previousStep(step);
  const headingId = `question-${step}`;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <p className="text-slate-700">{t.stepOf(stepNumber(step), STEPS.length)}</p>
      <h2 id={headingId} className="text-2xl font-bold">
        {t.stepTitles(step)}
      </h2>
      {needFirst ? (
        <p role="alert" className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3 font-semibold">
          {t.needFirst}
        </p>
      ) : null}
      {step === "besoin" && <NeedQuestion slug={slug} situation={situation} locale={locale} needs={needs} />}
      {step === "lieu" && <PlaceQuestion slug={slug} situation={situation} locale={locale} communes={communes} />}
      {step === "quand" && <WhenQuestion slug={slug} situation={situation} locale={locale} />}
      {step === "vous" && <YouQuestion slug={slug} situation={situation} locale={locale} />}
      {step === "aide" && <GoalQuestion slug={slug} situation={situation} locale={locale} />}
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        {step !== "besoin" && asksSomething(situation) && (
          <a href={skipHref(slug, situation, step)} className="inline-block min-h-11 py-2 text-lg text-accent underline">
            {t.skip}
          </a>
        )}
        <a href={previous ? stepHref(slug, situation, previous) : homeHref} className="inline-block min-h-11 py-2 text-lg text-accent underline">
          <span aria-hidden="true">{locale === "ar" ? "→ " : "← "}</span>
          {previous ? t.back : t.backHome}
        </a>
      </p>
    </section>
  );
}
