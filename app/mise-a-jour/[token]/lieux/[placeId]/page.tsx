import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LinkUnusable } from "@/components/campaigns/LinkUnusable";
import { PlaceForm } from "@/components/places/PlaceForm";
import { clientIp } from "@/lib/auth/client-address";
import { loadReviewPlacePage } from "@/lib/campaigns/page-data";
import { communesThroughLink, savePlaceThroughLinkAction } from "@/lib/campaigns/review-actions";
import { placeFormValues } from "@/lib/places/schemas";

export const metadata: Metadata = { title: "Corriger un lieu", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string; placeId: string }> };

/** The matrix's own place form, through an update campaign's link (without the address service, which is for signed-in people). */
export default async function ReviewPlacePage({ params }: Props) {
  const { token, placeId } = await params;
  const page = await loadReviewPlacePage(token, clientIp(await headers()), placeId);
  if (!page) notFound();
  if (!page.usable) return <LinkUnusable access={page.access} />;
  const { target, loaded } = page;
  return (
    <>
      <p>
        <Link href={`/mise-a-jour/${token}`} className="text-accent underline">
          ← Retour à la mise à jour de {target.structureName}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Corriger : {loaded.values.name}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">Changez ce qui n&apos;est plus vrai, puis enregistrez : la correction compte comme votre réponse pour ce lieu.</p>
      <PlaceForm
        action={savePlaceThroughLinkAction.bind(null, token)}
        communesOf={communesThroughLink.bind(null, token)}
        submitLabel="Enregistrer la correction"
        defaults={placeFormValues(loaded.values, { structureId: target.structureId, placeId, version: loaded.version })}
      />
    </>
  );
}
