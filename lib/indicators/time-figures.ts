/**
 * The time given to people, for the network's indicators (issue 19): appointments given and what
 * became of them, each permanence's attendance per occurrence and its most frequent requests (seed
 * 003: a partner sees when a permanence's demand runs out), and the phone line's calls. Counts
 * only, by SQL aggregate; a territory's, the period's calendar days in its zone.
 */
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appointmentCounts } from "@/lib/time-indicators/queries";
import { callCounts, type CallCounts } from "@/lib/phone-line/counts";
import type { DayRange } from "./period";

export interface PermanenceFigures {
  /** One per permanence (an offer at a place) with a sheet in the period. */
  permanences: {
    key: string;
    label: string;
    /** Each occurrence with a sheet, in date order, and the people received. */
    occurrences: { day: string; startMinute: number; lines: number }[];
    /** Lines by request category, most frequent first (null: not classified). */
    requests: { categoryId: string | null; lines: number }[];
  }[];
  /** The territory's requests by month: month → category → lines. */
  requestsByMonth: Map<string, Map<string | null, number>>;
  categoryLabels: Map<string, string>;
}

export interface TimeFigures {
  appointments: Awaited<ReturnType<typeof appointmentCounts>>;
  permanences: PermanenceFigures;
  calls: CallCounts;
}

async function permanenceFigures(db: PrismaClient, territoryId: string, days: DayRange): Promise<PermanenceFigures> {
  const from = new Date(`${days.from}T00:00:00Z`);
  const until = new Date(`${days.until}T00:00:00Z`);
  const [occurrences, requests] = await Promise.all([
    db.$queryRaw<{ offerId: string; placeId: string; day: string; startMinute: number; lines: number }[]>(Prisma.sql`
      SELECT s."offerId"::text AS "offerId", s."placeId"::text AS "placeId", to_char(s.date, 'YYYY-MM-DD') AS day, s."startMinute",
             count(l.id)::int AS lines
      FROM "PermanenceSheet" s LEFT JOIN "PermanenceSheetLine" l ON l."sheetId" = s.id
      WHERE s."territoryId" = ${territoryId}::uuid AND s.date >= ${from} AND s.date < ${until}
      GROUP BY s."offerId", s."placeId", s.date, s."startMinute"
      ORDER BY s.date, s."startMinute"`),
    db.$queryRaw<{ by_permanence: boolean; offerId: string | null; placeId: string | null; month: string | null; categoryId: string | null; lines: number }[]>(Prisma.sql`
      SELECT GROUPING(s."offerId", s."placeId") = 0 AS by_permanence, s."offerId"::text AS "offerId", s."placeId"::text AS "placeId",
             to_char(s.date, 'YYYY-MM') AS month, l."categoryId"::text AS "categoryId", count(*)::int AS lines
      FROM "PermanenceSheet" s JOIN "PermanenceSheetLine" l ON l."sheetId" = s.id
      WHERE s."territoryId" = ${territoryId}::uuid AND s.date >= ${from} AND s.date < ${until}
      GROUP BY GROUPING SETS ((s."offerId", s."placeId", l."categoryId"), (to_char(s.date, 'YYYY-MM'), l."categoryId"))`),
  ]);
  const keys = [...new Set(occurrences.map((row) => `${row.offerId} ${row.placeId}`))];
  const [offers, places, categories] = await Promise.all([
    db.offer.findMany({ where: { id: { in: [...new Set(occurrences.map((row) => row.offerId))] } }, select: { id: true, title: true } }),
    db.place.findMany({ where: { id: { in: [...new Set(occurrences.map((row) => row.placeId))] } }, select: { id: true, name: true } }),
    db.territoryListItem.findMany({
      where: { id: { in: [...new Set(requests.map((row) => row.categoryId).filter((id): id is string => id !== null))] } },
      select: { id: true, label: true },
    }),
  ]);
  const offerTitle = new Map(offers.map((offer) => [offer.id, offer.title]));
  const placeName = new Map(places.map((place) => [place.id, place.name]));
  const requestsByMonth = new Map<string, Map<string | null, number>>();
  for (const row of requests.filter((candidate) => !candidate.by_permanence)) {
    const month = requestsByMonth.get(row.month!) ?? new Map<string | null, number>();
    month.set(row.categoryId, row.lines);
    requestsByMonth.set(row.month!, month);
  }
  return {
    permanences: keys
      .map((key) => {
        const [offerId, placeId] = key.split(" ") as [string, string];
        return {
          key,
          label: `${offerTitle.get(offerId) ?? "—"} — ${placeName.get(placeId) ?? "—"}`,
          occurrences: occurrences.filter((row) => row.offerId === offerId && row.placeId === placeId).map(({ day, startMinute, lines }) => ({ day, startMinute, lines })),
          requests: requests
            .filter((row) => row.by_permanence && row.offerId === offerId && row.placeId === placeId)
            .map(({ categoryId, lines }) => ({ categoryId, lines }))
            .sort((a, b) => b.lines - a.lines || (a.categoryId ?? "~").localeCompare(b.categoryId ?? "~")),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label, "fr")),
    requestsByMonth,
    categoryLabels: new Map(categories.map((category) => [category.id, category.label])),
  };
}

export async function readTimeFigures(db: PrismaClient, territoryId: string, timeZone: string, range: { from: Date; until: Date }, days: DayRange): Promise<TimeFigures> {
  const [appointments, permanences, calls] = await Promise.all([
    appointmentCounts(db, territoryId, range),
    permanenceFigures(db, territoryId, days),
    callCounts(db, territoryId, range, timeZone),
  ]);
  return { appointments, permanences, calls };
}
