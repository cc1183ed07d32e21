/** The weekly programme of a structure: its published offers, at each of their places. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProgrammePage } from "@/components/public/ProgrammePage";
import { weekFrom, weekRange } from "@/lib/public-offer/programme";
import { loadUpcomingSessions } from "@/lib/workshops/page-data";
import { localTime } from "@/lib/hours/rules";
import { localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { loadStructureProgramme } from "@/lib/public-offer/page-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; structureId: string }>; searchParams: Promise<SearchParams> };

const load = cache((territory: string, structureId: string) => loadStructureProgramme(territory, structureId));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { territory, structureId } = await params;
  const found = await load(territory, structureId);
  if (!found) return { title: "Page introuvable" };
  const t = offerMessages(localeFrom((await searchParams).lang));
  return { title: t.programmeTitle(found.structure.name) };
}

export default async function StructureProgrammePage({ params, searchParams }: Props) {
  const { territory: slug, structureId } = await params;
  const query = await searchParams;
  const found = await load(slug, structureId);
  if (!found) notFound();
  const { territory, structure, entries } = found;
  const today = localTime(new Date(), territory.timeZone).date;
  const week = weekFrom(query.semaine, today);
  const workshops = await loadUpcomingSessions({ structureId: structure.id }, weekRange(week, territory.timeZone));
  return (
    <ProgrammePage
      name={structure.name}
      subtitle={null}
      entries={entries}
      week={week}
      workshops={workshops}
      locale={localeFrom(query.lang)}
      pathname={`/t/${territory.slug}/structures/${structure.id}/programme`}
      query={query}
      territory={territory}
    />
  );
}
