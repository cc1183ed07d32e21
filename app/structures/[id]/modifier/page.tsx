import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructureIdentityForm } from "@/components/structures/StructureIdentityForm";
import { identityFormDefaults } from "@/lib/structures/schemas";
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
        defaults={identityFormDefaults(structure.id, { values, version })}
      />
    </>
  );
}
