/**
 * The orientation assistant (`/territoires/<slug>/orientation`), for the territory's mediators and
 * coordinators: the person's situation as a GET form (seed 001's 3-A), then the territory's offers
 * ranked with the reasons of each place, the offers left out and why, and one click to a transfer
 * prefilled with the analysis. Every answer is in the URL.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrientationResults } from "@/components/orientation/OrientationResults";
import { SituationForm } from "@/components/orientation/SituationForm";
import { requireActor } from "@/lib/auth/session";
import { loadAssistantPage } from "@/lib/orientation/page-data";
import { problemMessage } from "@/lib/orientation/reason-text";
import { asksSomething, parseSituation, situationParams, type SituationParam } from "@/lib/orientation/situation";

export const metadata: Metadata = { title: "Assistant d'orientation" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrientationAssistantPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const parsed = parseSituation(await searchParams);
  const query = situationParams(parsed.situation).toString();
  const actor = await requireActor(`/territoires/${slug}/orientation${query ? `?${query}` : ""}`);
  const page = await loadAssistantPage(actor, slug, parsed, new Date());
  if (!page) notFound();
  const { result, mayTransfer } = page;
  const problems = result.problems.map(problemMessage);
  const errors: Partial<Record<SituationParam, string>> = Object.fromEntries(problems.map(({ param, text }) => [param, text]));
  const asked = asksSomething(result.situation);
  const withNeed = (slugOfNeed: string) => {
    const next = situationParams({ ...result.situation, besoin: slugOfNeed, q: "" });
    return `/territoires/${slug}/orientation?${next}`;
  };
  const transferHref = (offerId: string) => (mayTransfer ? `/transferts/nouveau?${new URLSearchParams([["offre", offerId], ...situationParams(result.situation)])}` : null);

  return (
    <>
      <h1 className="text-3xl font-bold">Assistant d&apos;orientation</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Décrivez la demande et la situation de la personne : les offres de {result.territory.name} sont classées, chacune avec ses raisons. Aucune donnée
        personnelle n&apos;est enregistrée ici.
      </p>
      {problems.length > 0 && (
        <div role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3">
          <p className="font-semibold">À corriger ou à préciser :</p>
          <ul className="ms-5 list-disc">
            {problems.map(({ param, text }) => (
              <li key={param}>
                <a href={`#${param}`} className="underline">
                  {text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.suggestions && (
        <nav aria-label="Besoins proches" className="mt-4">
          {result.suggestions.closest.length > 0 && (
            <>
              <h2 className="text-xl font-semibold">Vouliez-vous dire :</h2>
              <ul className="ms-5 list-disc">
                {result.suggestions.closest.map((need) => (
                  <li key={need.slug}>
                    <Link href={withNeed(need.slug)} className="text-accent underline">
                      {need.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="mt-2 text-xl font-semibold">Les demandes les plus fréquentes</h2>
          <ul className="ms-5 list-disc">
            {result.suggestions.frequent.map((need) => (
              <li key={need.slug}>
                <Link href={withNeed(need.slug)} className="text-accent underline">
                  {need.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <SituationForm action={`/territoires/${slug}/orientation`} situation={result.situation} country={result.territory.country} errors={errors} submitLabel="Classer les offres" />
      {asked ? (
        <OrientationResults result={result} transferHref={transferHref} />
      ) : (
        <p className="mt-6 rounded border border-slate-300 p-3">Choisissez un besoin ou écrivez-le en quelques mots pour voir les offres classées.</p>
      )}
    </>
  );
}
