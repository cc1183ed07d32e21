import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationForm } from "@/components/newcomers/ApplicationForm";
import { submitApplicationAction } from "@/lib/newcomers/actions";
import { loadApplicationTerritory } from "@/lib/newcomers/page-data";

export const metadata: Metadata = { title: "Faire apparaître votre structure", robots: { index: false, follow: true } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For a structure that is not yet in the territory's offer: a request the coordinators validate before anything is published. */
export default async function JoinTheMatrixPage({ params, searchParams }: Props) {
  const territory = await loadApplicationTerritory((await params).territory);
  if (!territory) notFound();
  const sent = (await searchParams).envoyee === "1";
  return (
    <>
      <p>
        <Link href={`/t/${territory.slug}`} className="text-accent underline">
          ← L&apos;offre de {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Votre structure n&apos;est pas dans l&apos;annuaire ?</h1>
      {sent ? (
        <div role="status" className="mt-4 max-w-2xl rounded border border-green-700 bg-green-50 p-4 text-green-900">
          <p className="font-semibold">Merci : votre demande est envoyée.</p>
          <p className="mt-1">
            La coordination du territoire va la vérifier, puis vous écrire. Si elle la valide, vous recevrez une invitation pour décrire vos offres et
            vos horaires ; rien n&apos;est publié avant.
          </p>
        </div>
      ) : (
        <>
          <p className="mt-2 max-w-2xl text-slate-700">
            Association, service public, médiathèque, lieu d&apos;accueil : si vous aidez des habitants de {territory.name} avec le numérique ou leurs
            démarches, demandez à apparaître dans l&apos;offre du territoire. La coordination vérifie chaque demande avant de la publier.
          </p>
          <ApplicationForm action={submitApplicationAction} territorySlug={territory.slug} country={territory.country} />
        </>
      )}
    </>
  );
}
