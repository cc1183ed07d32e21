/**
 * After a ProConnect sign-in: when the SIRET it gave matches a structure of the matrix the person
 * may ask to join, the proposal to ask; otherwise straight on to where they were going.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { loadSiretProposal } from "@/lib/auth/page-data";
import { safeCallbackUrl } from "@/lib/auth/redirects";
import { requireActor } from "@/lib/auth/session";
import { answerSiretProposal } from "@/lib/memberships/actions";

export const metadata: Metadata = { title: "Rejoindre votre structure ?" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function SiretProposalPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeCallbackUrl(params.suite);
  const actor = await requireActor(`/connexion/siret?suite=${encodeURIComponent(next)}`);
  const proposal = await loadSiretProposal(actor);
  if (!proposal) redirect(next);

  return (
    <>
      <h1 className="text-3xl font-bold">Rejoindre votre structure ?</h1>
      <p className="mt-4 max-w-prose">
        Votre SIRET correspond à <strong>{proposal.structure.name}</strong> : demander à la rejoindre ?
      </p>
      <p className="mt-2 max-w-prose text-slate-700">
        Ses responsables recevront votre demande et décideront : vous n&apos;en devenez pas membre sans leur accord.
      </p>
      <div className="mt-6 flex flex-wrap items-start gap-6">
        <ActionForm action={answerSiretProposal} submitLabel={`Demander à rejoindre ${proposal.structure.name}`}>
          <input type="hidden" name="decision" value="join" />
        </ActionForm>
        <ActionForm action={answerSiretProposal} submitLabel="Non merci">
          <input type="hidden" name="decision" value="decline" />
        </ActionForm>
      </div>
      <p className="mt-6">
        <Link href={next} className="text-accent underline">
          Continuer
        </Link>
      </p>
    </>
  );
}
