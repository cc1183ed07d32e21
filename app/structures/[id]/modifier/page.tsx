import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StructureIdentityForm } from "@/components/structures/StructureIdentityForm";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { saveIdentity } from "@/lib/structures/actions";
import { findStructureForEdit } from "@/lib/structures/queries";
import { loadStructureIdentity } from "@/lib/structures/update";

export const metadata: Metadata = { title: "Modifier la structure" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function EditStructurePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/modifier`);
  const structure = isUuid(id) ? await findStructureForEdit(db, actor, id) : null;
  if (!structure) notFound();
  const { values, version } = await loadStructureIdentity(db, structure.id);
  const defaults = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ""]));
  return (
    <>
      <h1 className="text-3xl font-bold">Modifier : {structure.name}</h1>
      <p className="mt-1 text-slate-700">L&apos;identité de la structure, telle que la voient les partenaires et le public.</p>
      <StructureIdentityForm action={saveIdentity} defaults={{ ...defaults, structureId: structure.id, version } as never} />
    </>
  );
}
