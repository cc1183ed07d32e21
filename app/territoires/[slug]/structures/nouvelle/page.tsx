import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructureIdentityForm } from "@/components/structures/StructureIdentityForm";
import { requireActor } from "@/lib/auth/session";
import { createStructureAction } from "@/lib/structures/actions";
import { loadNewStructurePage } from "@/lib/structures/page-data";

export const metadata: Metadata = { title: "Ajouter une structure" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function NewStructurePage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/structures/nouvelle`);
  const page = await loadNewStructurePage(actor, slug);
  if (!page) notFound();
  const { territory, options } = page;
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Ajouter une structure</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Une structure du territoire : association, CCAS, France Services, médiathèque… Vous ajouterez ensuite ses lieux et
        ses offres, puis vous pourrez inviter ses responsables.
      </p>
      <StructureIdentityForm
        mode="create"
        action={createStructureAction}
        options={options}
        defaults={{ territoryId: territory.id, name: "", description: "", email: "", phone: "", website: "", siret: "", rna: "", bce: "", typologyId: "", labelIds: [] }}
      />
    </>
  );
}
