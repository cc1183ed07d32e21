import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportQueue } from "@/components/error-reports/ReportQueue";
import { requireActor } from "@/lib/auth/session";
import { loadStructureReports } from "@/lib/error-reports/page-data";
import { queueFilter } from "@/lib/error-reports/schemas";

export const metadata: Metadata = { title: "Erreurs signalées" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StructureReportsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/signalements`);
  const filter = queueFilter((await searchParams).statut);
  const page = await loadStructureReports(actor, id, filter);
  if (!page) notFound();
  return (
    <>
      <p>
        <Link href={`/structures/${page.structure.id}`} className="text-accent underline">
          ← {page.structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Erreurs signalées : {page.structure.name}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Ce que le public a signalé sur vos offres, regroupé par offre. Vérifiez, corrigez l&apos;offre, puis marquez le signalement « corrigé » — ou
        rejetez-le en disant pourquoi. La coordination du territoire voit la même liste.
      </p>
      <ReportQueue reports={page.reports} filter={filter} showStructure={false} />
    </>
  );
}
