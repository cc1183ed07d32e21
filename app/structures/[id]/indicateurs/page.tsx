/**
 * A structure's own flows (issue 19), for its admins: the transfers it sends and receives, the
 * parcours it takes part in, who it works with — never another pair's flows. Counts only, small
 * ones suppressed.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Dashboard } from "@/components/indicators/Dashboard";
import { requireActor } from "@/lib/auth/session";
import { localTime } from "@/lib/hours/rules";
import { loadStructureDashboard } from "@/lib/indicators/page-data";

export const metadata: Metadata = { title: "Indicateurs de la structure" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StructureIndicatorsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/indicateurs`);
  const now = new Date();
  const page = await loadStructureDashboard(actor, id, await searchParams, now);
  if (!page) notFound();
  const { structure } = page;
  return (
    <>
      <p className="print:hidden">
        <Link href={`/structures/${structure.id}`} className="text-accent underline">
          ← {structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Indicateurs — {structure.name}</h1>
      <p className="mt-1 max-w-prose">Les transferts que votre structure envoie ou reçoit, et les parcours auxquels elle prend part.</p>
      <Dashboard
        dashboard={page.dashboard}
        reading={page.reading}
        today={localTime(now, structure.territory.timeZone).date}
        basePath={`/structures/${structure.id}/indicateurs`}
        threshold={page.threshold}
      />
    </>
  );
}
