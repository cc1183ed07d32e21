/**
 * What the two programme routes share (a place's, a structure's): the week asked for, its workshop
 * sessions, the page's addresses and schema.org data, the 404 in the page's language. A programme
 * without workshops is written once a day per week shown, language and address, until its data
 * changes (`version`, the territory's searchVersion).
 */
import { localTime } from "@/lib/hours/rules";
import { htmlPageResponse, type HtmlPage } from "@/lib/html/respond";
import { pageAddresses } from "@/lib/html/seo";
import { safeUrl, sitePath } from "@/lib/html/url";
import { localeFrom } from "@/lib/i18n/locales";
import { ByVersion } from "@/lib/public-search/by-version";
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
  /** The territory's searchVersion the programme was read at. */
  version: number;
  /** Whether it holds workshop sessions: their seats change with each registration, so its page is written for each request. */
  hasSessions: boolean;
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

const keptPages = new ByVersion<HtmlPage>(1_000);

export async function programmeResponse(query: URLSearchParams, territorySlug: string, loaded: LoadedProgramme | null) {
  const locale = localeFrom(query.get("lang"));
  if (!loaded) return htmlPageResponse(locale, publicNotFound(locale, territorySlug), { status: 404 });
  const { territory, pathname } = loaded;
  const today = localTime(new Date(), territory.timeZone).date;
  const asked = query.get("semaine");
  const week = weekFrom(asked, today);
  const weekAsked = asked !== null && week === asked;
  const origin = await requestOrigin();
  const write = async (): Promise<HtmlPage> => {
    const [workshops, addresses] = await Promise.all([loaded.hasSessions ? loaded.sessions(weekRange(week, territory.timeZone)) : [], pageAddresses(pathname, {}, locale)]);
    const offerUrl = (offerId: string) => origin + safeUrl(sitePath("t", territory.slug, "offres", offerId), locale === "fr" ? undefined : { lang: locale });
    return programmePage({
      territory,
      name: loaded.name,
      subtitle: loaded.subtitle,
      entries: loaded.entries,
      week,
      weekAsked,
      workshops,
      locale,
      pathname,
      description: loaded.description,
      head: { ...addresses, structuredData: keptStructuredData(loaded, addresses.canonical!, offerUrl, today) },
    });
  };
  const page = loaded.hasSessions ? await write() : await keptPages.get(`${origin}${pathname} ${locale} ${week} ${weekAsked}`, `${loaded.version}/${today}`, write);
  return htmlPageResponse(locale, page);
}
