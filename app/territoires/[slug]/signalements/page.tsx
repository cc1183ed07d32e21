import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportQueue } from "@/components/error-reports/ReportQueue";
import { requireActor } from "@/lib/auth/session";
import { loadTerritoryReports } from "@/lib/error-reports/page-data";
import { queueFilter } from "@/lib/error-reports/schemas";

export const metadata: Metadata = { title: "Erreurs signalées par le public" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TerritoryReportsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/signalements`);
  const filter = queueFilter((await searchParams).statut);
  const page = await loadTerritoryReports(actor, slug, filter);
  if (!page) notFound();
  return (
    <>
      <p>
        <Link href={`/territoires/${page.territory.slug}`} className="text-accent underline">
          ← {page.territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Erreurs signalées par le public</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Les signalements faits depuis les pages publiques, regroupés par offre. La structure concernée les voit aussi sur sa page « Signalements ».
      </p>
      <ReportQueue reports={page.reports} filter={filter} showStructure />
    </>
  );
}
