/**
 * What the two programme routes share (a place's, a structure's): the week asked for, its workshop
 * sessions, the page's addresses and schema.org data, the 404 in the page's language.
 */
import { localTime } from "@/lib/hours/rules";
import { htmlPageResponse } from "@/lib/html/respond";
import { pageAddresses } from "@/lib/html/seo";
import { safeUrl, sitePath } from "@/lib/html/url";
import { localeFrom } from "@/lib/i18n/locales";
import { requestOrigin } from "@/lib/request-origin";
import type { UpcomingSession } from "@/lib/workshops/queries";
import { weekFrom, weekRange, type ProgrammeEntry } from "../programme";
import { publicNotFound } from "./not-found";
import { programmePage } from "./programme-page";

export interface LoadedProgramme {
  territory: { slug: string; name: string; timeZone: string };
  name: string;
  subtitle: string | null;
  description: string;
  entries: ProgrammeEntry[];
  pathname: string;
  sessions: (range: { from: Date; until: Date }) => Promise<UpcomingSession[]>;
  structuredData: (url: string, offerUrl: (offerId: string) => string, today: string) => unknown;
}

/** The schema.org data of a programme, once per kept programme (its entries), address and day. */
const structuredData = new WeakMap<ProgrammeEntry[], Map<string, unknown>>();

function keptStructuredData(loaded: LoadedProgramme, url: string, offerUrl: (offerId: string) => string, today: string): unknown {
  let byKey = structuredData.get(loaded.entries);
  if (!byKey) structuredData.set(loaded.entries, (byKey = new Map()));
  const key = `${url} ${today}`;
  if (!byKey.has(key)) byKey.set(key, loaded.structuredData(url, offerUrl, today));
  return byKey.get(key);
}

export async function programmeResponse(query: URLSearchParams, territorySlug: string, loaded: LoadedProgramme | null) {
  const locale = localeFrom(query.get("lang"));
  if (!loaded) return htmlPageResponse(locale, publicNotFound(locale, territorySlug), { status: 404 });
  const { territory, pathname } = loaded;
  const today = localTime(new Date(), territory.timeZone).date;
  const asked = query.get("semaine");
  const week = weekFrom(asked, today);
  const [workshops, addresses, origin] = await Promise.all([loaded.sessions(weekRange(week, territory.timeZone)), pageAddresses(pathname, {}, locale), requestOrigin()]);
  const offerUrl = (offerId: string) => origin + safeUrl(sitePath("t", territory.slug, "offres", offerId), locale === "fr" ? undefined : { lang: locale });
  const page = programmePage({
    territory,
    name: loaded.name,
    subtitle: loaded.subtitle,
    entries: loaded.entries,
    week,
    weekAsked: asked !== null && week === asked,
    workshops,
    locale,
    pathname,
    description: loaded.description,
    head: { ...addresses, structuredData: keptStructuredData(loaded, addresses.canonical!, offerUrl, today) },
  });
  return htmlPageResponse(locale, page);
}
