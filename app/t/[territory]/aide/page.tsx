/**
 * "Trouver de l'aide pour ma situation": the residents' questionnaire. One short question per
 * step, each a GET form to this page, so it works without JavaScript and every answer is in the
 * URL (`etape` for the step, lib/orientation/resident-steps.ts); the last step ranks the
 * territory's offers for the answers with the orientation engine and says why, in plain words,
 * in French, English or Arabic. Nothing the person answers is stored.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { OrientationResults } from "@/components/orientation-public/OrientationResults";
import { QuestionStepView } from "@/components/orientation-public/QuestionStepView";
import { LanguageSwitch } from "@/components/public/LanguageSwitch";
import { hrefInLocale, localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { loadOrientation } from "@/lib/orientation/page-data";
import { residentMessages } from "@/lib/orientation/resident-messages";
import { questionnairePath, readStep, RESULTS, STEP_PARAM } from "@/lib/orientation/resident-steps";
import { parseSituation } from "@/lib/orientation/situation";
import { allNeeds, frequentNeeds } from "@/lib/public-search/needs";
import { loadPublicTerritory, loadTerritoryCommunes } from "@/lib/public-search/page-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string }>; searchParams: Promise<SearchParams> };

/** Read once per request: the metadata and the page both need it. */
const territoryBySlug = cache((slug: string) => loadPublicTerritory(slug));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const territory = await territoryBySlug((await params).territory);
  if (!territory) return { title: "Page introuvable" };
  return { title: residentMessages(localeFrom((await searchParams).lang)).title(territory.name) };
}

export default async function ResidentQuestionnairePage({ params, searchParams }: Props) {
  const slug = (await params).territory;
  const query = await searchParams;
  const territory = await territoryBySlug(slug);
  if (!territory) notFound();
  const parsed = parseSituation(query);
  const { situation } = parsed;
  const locale = situation.lang;
  const t = residentMessages(locale);
  const { step, needFirst } = readStep(query[STEP_PARAM], situation);
  const result = step === RESULTS ? await loadOrientation(territory.slug, parsed, new Date()) : null;
  if (step === RESULTS && !result) notFound();
  const frequent = frequentNeeds(territory.country);
  const others = allNeeds(territory.country).filter((need) => !frequent.some((item) => item.slug === need.slug));
  const communes = step === "lieu" ? await loadTerritoryCommunes(territory) : [];

  return (
    <>
      <LanguageSwitch locale={locale} pathname={questionnairePath(territory.slug)} searchParams={query} />
      <p className="mt-4 text-lg" lang={locale === "fr" ? undefined : "fr"}>
        {territory.name}
      </p>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{t.heading}</h1>
      {step !== RESULTS && <p className="mt-2 text-lg text-slate-700">{t.intro}</p>}
      <p className="mt-1 text-slate-700">{t.privacy}</p>
      {result ? (
        <OrientationResults result={result} locale={locale} />
      ) : step !== RESULTS ? (
        <QuestionStepView
          slug={territory.slug}
          situation={situation}
          locale={locale}
          step={step}
          needFirst={needFirst}
          needs={{ frequent, others }}
          communes={communes}
          homeHref={hrefInLocale(`/t/${territory.slug}`, {}, locale)}
        />
      ) : null}
    </>
  );
}
