/**
 * The network's indicators for a territory's coordinators (issue 19): parcours, transfers, flows
 * between structures and ping-pong, time given to people, the matrix's gaps. Counts only, small
 * ones suppressed. The period is a GET form; every figure has its table and its CSV.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Dashboard } from "@/components/indicators/Dashboard";
import { requireActor } from "@/lib/auth/session";
import { localTime } from "@/lib/hours/rules";
import { loadTerritoryDashboard } from "@/lib/indicators/page-data";

export const metadata: Metadata = { title: "Indicateurs du réseau" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TerritoryIndicatorsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/indicateurs`);
  const now = new Date();
  const page = await loadTerritoryDashboard(actor, slug, await searchParams, now);
  if (!page) notFound();
  const { territory } = page;
  return (
    <>
      <p className="print:hidden">
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Indicateurs du réseau — {territory.name}</h1>
      <Dashboard
        dashboard={page.dashboard}
        reading={page.reading}
        today={localTime(now, territory.timeZone).date}
        basePath={`/territoires/${territory.slug}/indicateurs`}
        threshold={page.threshold}
      />
    </>
  );
}
