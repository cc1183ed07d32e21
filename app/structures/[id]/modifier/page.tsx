import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructureIdentityForm } from "@/components/structures/StructureIdentityForm";
import { requireActor } from "@/lib/auth/session";
import { saveIdentity } from "@/lib/structures/actions";
import { loadStructureIdentityPage } from "@/lib/structures/page-data";

export const metadata: Metadata = { title: "Modifier la structure" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function EditStructurePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/modifier`);
  const page = await loadStructureIdentityPage(actor, id);
  if (!page) notFound();
  const { structure, values, version, options } = page;
  return (
    <>
      <p className="print:hidden">
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Modifier : {structure.name}</h1>
      <p className="mt-1 text-slate-700">L&apos;identité de la structure, telle que la voient les partenaires et le public.</p>
      <StructureIdentityForm
        mode="edit"
        action={saveIdentity}
        options={options}
        defaults={{
          structureId: structure.id,
          version,
          name: values.name ?? "",
          description: values.description ?? "",
          email: values.email ?? "",
          phone: values.phone ?? "",
          website: values.website ?? "",
          siret: values.siret ?? "",
          rna: values.rna ?? "",
          bce: values.bce ?? "",
          typologyId: values.typologyId ?? "",
          labelIds: values.labelIds,
        }}
      />
    </>
  );
}
