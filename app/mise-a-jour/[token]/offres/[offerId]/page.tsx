import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LinkUnusable } from "@/components/campaigns/LinkUnusable";
import { OfferForm } from "@/components/offers/OfferForm";
import { clientIp } from "@/lib/auth/client-address";
import { loadReviewOfferPage } from "@/lib/campaigns/page-data";
import { saveOfferThroughLinkAction } from "@/lib/campaigns/review-actions";
import { offerFormValues } from "@/lib/offers/form-values";

export const metadata: Metadata = { title: "Corriger une offre", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string; offerId: string }> };

/** The matrix's own offer form, through an update campaign's link: same fields, same rules, same refusal when someone saved first. */
export default async function ReviewOfferPage({ params }: Props) {
  const { token, offerId } = await params;
  const page = await loadReviewOfferPage(token, clientIp(await headers()), offerId);
  if (!page) notFound();
  if (!page.usable) return <LinkUnusable access={page.access} />;
  const { target, loaded, options } = page;
  return (
    <>
      <p>
        <Link href={`/mise-a-jour/${token}`} className="text-accent underline">
          ← Retour à la mise à jour de {target.structureName}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Corriger : {loaded.values.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">Changez ce qui n&apos;est plus vrai, puis enregistrez : la correction compte comme votre réponse pour cette offre.</p>
      <OfferForm
        action={saveOfferThroughLinkAction.bind(null, token)}
        defaults={offerFormValues(target.structureId, { offerId, loaded })}
        options={options}
        submitLabel="Enregistrer la correction"
      />
    </>
  );
}
