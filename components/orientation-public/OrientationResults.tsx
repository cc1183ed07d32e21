/**
 * The questionnaire's last step: what the answers need to fix first (a past deadline, a commune
 * outside the territory, words that mean no need — with the closest and the frequent needs as
 * links, never an empty page), then the offers ranked for the person, each with its reasons in
 * plain words (never a score), then those not proposed and why.
 */
import { NeedGrid } from "@/components/public/NeedGrid";
import { safeUrl } from "@/lib/html/url";
import { hrefInLocale, type Locale } from "@/lib/i18n/locales";
import { residentMessages } from "@/lib/orientation/resident-messages";
import { residentExclusionText, residentReasonText } from "@/lib/orientation/resident-reasons";
import { needHref, previousStep, RESULTS, stepHref, stepOfParam } from "@/lib/orientation/resident-steps";
import type { OrientationResult, RankedOffer, Reason, SituationProblem } from "@/lib/orientation/types";
import { longDate } from "@/lib/public-offer/present";
import { searchMessages } from "@/lib/public-search/messages";
import { frequentNeeds, type PublicNeed } from "@/lib/public-search/needs";
import { ResidentTextView } from "./ResidentTextView";

const linkClass = "inline-block min-h-11 py-2 text-lg text-accent underline";

interface Props {
  result: OrientationResult;
  locale: Locale;
}

function ProblemItem({ problem, result, locale }: { problem: SituationProblem; result: OrientationResult; locale: Locale }) {
  const t = residentMessages(locale);
  const { slug } = result.territory;
  switch (problem.code) {
    case "deadline_past":
      return (
        <li>
          {t.deadlinePast(longDate(locale, problem.params.deadline))}{" "}
          <a href={stepHref(slug, result.situation, "quand")} className={linkClass}>
            {t.fixDeadline}
          </a>
        </li>
      );
    case "commune_unknown":
      return (
        <li>
          {t.communeUnknown(problem.params.commune)}{" "}
          <a href={stepHref(slug, result.situation, "lieu")} className={linkClass}>
            {t.fixCommune}
          </a>
        </li>
      );
    case "distance_without_commune":
      return (
        <li>
          {t.distanceWithoutCommune}{" "}
          <a href={stepHref(slug, result.situation, "lieu")} className={linkClass}>
            {t.fixCommune}
          </a>
        </li>
      );
    case "need_unknown":
      return (
        <li>
          {t.needUnknown(problem.params.words)}{" "}
          <a href={stepHref(slug, result.situation, "besoin")} className={linkClass}>
            {t.fixNeed}
          </a>
        </li>
      );
  }
}

function SuggestedNeeds({ heading, id, needs, result, locale }: { heading: string; id: string; needs: PublicNeed[]; result: OrientationResult; locale: Locale }) {
  if (needs.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="text-xl font-semibold">
        {heading}
      </h3>
      <div className="mt-2">
        <NeedGrid needs={needs} hrefFor={(need) => safeUrl(needHref(result.territory.slug, result.situation, need, RESULTS))} locale={locale} />
      </div>
    </section>
  );
}

function ReasonList({ heading, reasons, result, locale, marker }: { heading: string; reasons: Reason[]; result: OrientationResult; locale: Locale; marker: string }) {
  if (reasons.length === 0) return null;
  return (
    <div className="mt-3">
      <p className="font-semibold">{heading}</p>
      <ul className="mt-1 space-y-1">
        {reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`} className="flex gap-2">
            <span aria-hidden="true" className="shrink-0">
              {marker}
            </span>
            <span>
              <ResidentTextView text={residentReasonText(reason, locale, result.territory.timeZone)} locale={locale} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OfferCard({ ranked, result, locale }: { ranked: RankedOffer; result: OrientationResult; locale: Locale }) {
  const t = residentMessages(locale);
  const { offer } = ranked;
  const fr = locale === "fr" ? undefined : "fr";
  const headingId = `offre-${offer.id}`;
  const href = hrefInLocale(`/t/${result.territory.slug}/offres/${offer.id}`, {}, locale);
  const of = (kind: Reason["kind"]) => ranked.reasons.filter((reason) => reason.kind === kind);
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-lg border-2 border-slate-300 p-4">
        <h3 id={headingId} className="text-xl font-bold" lang={fr}>
          {offer.title}
        </h3>
        <p className="mt-1">
          {t.by} <span lang={fr}>{offer.structureName}</span>
        </p>
        <p className="mt-1">
          <span className="font-semibold">{t.where} </span>
          {offer.remote ? (
            t.remote
          ) : (
            <span lang={fr}>{offer.places.map((place) => `${place.name}, ${place.address}, ${place.postalCode} ${place.communeName}`).join(" ; ")}</span>
          )}
        </p>
        <ReasonList heading={t.forYou} reasons={of("for")} result={result} locale={locale} marker="✓" />
        <ReasonList heading={t.against} reasons={of("against")} result={result} locale={locale} marker="!" />
        <ReasonList heading={t.goodToKnow} reasons={of("info")} result={result} locale={locale} marker="•" />
        <p className="mt-3">
          <a href={href} className="inline-block min-h-11 py-2 text-lg font-semibold text-accent underline">
            {t.details(offer.title)}
          </a>
        </p>
      </article>
    </li>
  );
}

export function OrientationResults({ result, locale }: Props) {
  const t = residentMessages(locale);
  const { slug } = result.territory;
  const { situation } = result;
  const needLabel = result.needs[0] ? searchMessages(locale).needLabels(result.needs[0].need.slug, result.needs[0].need.label) : situation.q;
  const ignoredSteps = [...new Set(result.ignored.map(({ param }) => stepOfParam(param)).filter((step) => step !== null))];
  const back = previousStep(RESULTS);
  return (
    <>
      <section aria-labelledby="resultats" className="mt-6">
        <h2 id="resultats" className="text-2xl font-bold">
          {t.resultsHeading}
        </h2>
        {needLabel ? (
          <p className="mt-1 text-lg">
            {t.yourNeed} <span className="font-semibold">{needLabel}</span>
          </p>
        ) : null}

        {(result.problems.length > 0 || ignoredSteps.length > 0) && (
          <div role="alert" className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-4">
            <h3 className="text-xl font-semibold">{t.problemsHeading}</h3>
            <ul className="mt-2 space-y-2">
              {result.problems.map((problem) => (
                <ProblemItem key={problem.code} problem={problem} result={result} locale={locale} />
              ))}
              {ignoredSteps.map((step) => (
                <li key={step}>
                  {t.ignoredAnswer}{" "}
                  <a href={stepHref(slug, situation, step)} className={linkClass}>
                    {t.fixAnswer} : {t.stepTitles(step)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {result.suggestions && (
          <>
            <SuggestedNeeds heading={t.closestHeading} id="besoins-proches" needs={result.suggestions.closest} result={result} locale={locale} />
            <SuggestedNeeds heading={t.frequentHeading} id="besoins-frequents" needs={result.suggestions.frequent} result={result} locale={locale} />
          </>
        )}

        {result.ranked.length > 0 ? (
          <>
            <p className="mt-4 text-lg">
              {t.rankedCount(result.ranked.length)}. {t.resultsIntro}
            </p>
            <ol className="mt-4 space-y-4">
              {result.ranked.map((ranked) => (
                <OfferCard key={ranked.offer.id} ranked={ranked} result={result} locale={locale} />
              ))}
            </ol>
          </>
        ) : (
          !result.suggestions && (
            <>
              <p className="mt-4 text-lg font-semibold">{t.noRanked}</p>
              <p className="mt-1">{t.noRankedHelp}</p>
              <SuggestedNeeds heading={t.frequentHeading} id="besoins-frequents" needs={frequentNeeds(result.territory.country)} result={result} locale={locale} />
            </>
          )
        )}
      </section>

      {result.excluded.length > 0 && (
        <section aria-labelledby="pas-pour-vous" className="mt-8">
          <h2 id="pas-pour-vous" className="text-2xl font-bold">
            {t.excludedHeading}
          </h2>
          <p className="mt-1">{t.excludedIntro}</p>
          <ul className="mt-2 space-y-3">
            {result.excluded.map(({ offer, exclusion }) => (
              <li key={offer.id}>
                <a href={hrefInLocale(`/t/${slug}/offres/${offer.id}`, {}, locale)} lang={locale === "fr" ? undefined : "fr"} className="font-semibold text-accent underline">
                  {offer.title}
                </a>{" "}
                — <ResidentTextView text={residentExclusionText(exclusion, locale, result.territory.timeZone)} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2">
        {back && (
          <a href={stepHref(slug, situation, back)} className={linkClass}>
            <span aria-hidden="true">{locale === "ar" ? "→ " : "← "}</span>
            {t.back}
          </a>
        )}
        <a href={stepHref(slug, situation, "besoin")} className={linkClass}>
          {t.changeAnswers}
        </a>
        <a href={hrefInLocale(`/t/${slug}/aide`, {}, locale)} className={linkClass}>
          {t.restart}
        </a>
      </p>
    </>
  );
}
