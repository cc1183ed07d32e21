import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { LinkUnusable } from "@/components/campaigns/LinkUnusable";
import { StructureIdentityForm } from "@/components/structures/StructureIdentityForm";
import { clientIp } from "@/lib/auth/client-address";
import { loadReviewCardPage } from "@/lib/campaigns/page-data";
import { saveCardThroughLinkAction } from "@/lib/campaigns/review-actions";
import { identityFormDefaults } from "@/lib/structures/schemas";

export const metadata: Metadata = { title: "Corriger la fiche de la structure", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** The matrix's own identity form, through an update campaign's link. */
export default async function ReviewCardPage({ params }: Props) {
  const { token } = await params;
  const page = await loadReviewCardPage(token, clientIp(await headers()));
  if (!page.usable) return <LinkUnusable access={page.access} />;
  const { target, values, version, options } = page;
  return (
    <>
      <p>
        <Link href={`/mise-a-jour/${token}`} className="text-accent underline">
          ← Retour à la mise à jour de {target.structureName}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Corriger : {target.structureName}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">Changez ce qui n&apos;est plus vrai, puis enregistrez : la correction compte comme votre réponse pour la fiche.</p>
      <StructureIdentityForm
        mode="edit"
        action={saveCardThroughLinkAction.bind(null, token)}
        options={options}
        defaults={identityFormDefaults(target.structureId, { values, version })}
      />
    </>
  );
}
