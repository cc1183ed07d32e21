/** The weekly programme of a place: every published offer held there, its structure's and partners'. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProgrammePage } from "@/components/public/ProgrammePage";
import { weekFrom, weekRange } from "@/lib/public-offer/programme";
import { loadUpcomingSessions } from "@/lib/workshops/page-data";
import { localTime } from "@/lib/hours/rules";
import { localeFrom, type SearchParams } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";
import { loadPlaceProgramme } from "@/lib/public-offer/page-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ territory: string; placeId: string }>; searchParams: Promise<SearchParams> };

const load = cache((territory: string, placeId: string) => loadPlaceProgramme(territory, placeId));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { territory, placeId } = await params;
  const found = await load(territory, placeId);
  if (!found) return { title: "Page introuvable" };
  const t = offerMessages(localeFrom((await searchParams).lang));
  return { title: t.programmeTitle(found.place.name), description: `${found.place.address}, ${found.place.postalCode} ${found.place.communeName}` };
}

export default async function PlaceProgrammePage({ params, searchParams }: Props) {
  const { territory: slug, placeId } = await params;
  const query = await searchParams;
  const found = await load(slug, placeId);
  if (!found) notFound();
  const { territory, place, entries } = found;
  const today = localTime(new Date(), territory.timeZone).date;
  const week = weekFrom(query.semaine, today);
  const workshops = await loadUpcomingSessions({ placeId: place.id }, weekRange(week, territory.timeZone));
  return (
    <ProgrammePage
      name={place.name}
      subtitle={`${place.address}, ${place.postalCode} ${place.communeName}`}
      entries={entries}
      week={week}
      workshops={workshops}
      locale={localeFrom(query.lang)}
      pathname={`/t/${territory.slug}/lieux/${place.id}/programme`}
      query={query}
      territory={territory}
    />
  );
}
