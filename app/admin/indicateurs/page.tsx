/**
 * The platform's indicators (issue 19), for platform admins: parcours and transfers over every
 * territory, by territory. Counts only, small ones suppressed.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Dashboard } from "@/components/indicators/Dashboard";
import { requireActor } from "@/lib/auth/session";
import { localTime } from "@/lib/hours/rules";
import { loadPlatformDashboard } from "@/lib/indicators/page-data";

export const metadata: Metadata = { title: "Indicateurs de la plateforme" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlatformIndicatorsPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/indicateurs");
  const now = new Date();
  const page = await loadPlatformDashboard(actor, await searchParams, now);
  if (!page) notFound();
  return (
    <>
      <p className="print:hidden">
        <Link href="/admin" className="text-accent underline">
          ← Administration de la plateforme
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Indicateurs de la plateforme</h1>
      <p className="mt-1 max-w-prose">Tous les territoires ensemble ; les transferts par territoire.</p>
      <Dashboard dashboard={page.dashboard} reading={page.reading} today={localTime(now, "Europe/Paris").date} basePath="/admin/indicateurs" threshold={page.threshold} />
    </>
  );
}
