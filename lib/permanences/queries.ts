/**
 * The permanences page of a structure (`/structures/<id>/permanences`): the occurrences of the
 * permanences it holds (its offers at other structures' places) or hosts (other structures' offers
 * at its places) — the next four weeks, and the last two to note outcomes —, each with its sheet
 * when one was opened. Scoped to the structure's members (`structure.receive`): another
 * structure's page answers null (404).
 */
import { type Actor, scopeFor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localTime } from "@/lib/hours/rules";
import { addDays } from "@/lib/hours/holidays";
import { isPermanence, OFFER_PLACE_SELECT, PERMANENCE_WHERE, scheduleOf } from "./sheets";
import { describeOccurrence, occurrencesBetween, pageWindow, type Occurrence } from "./rules";

type Db = PrismaClient;

export function findStructureForPermanences(db: Db, actor: Actor, structureId: string) {
  return db.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.receive")] },
    select: { id: true, name: true, territoryId: true, territory: { select: { timeZone: true } } },
  });
}

type PermanenceStructure = NonNullable<Awaited<ReturnType<typeof findStructureForPermanences>>>;

export interface OccurrenceItem extends Occurrence {
  key: string;
  title: string;
  offerId: string;
  offerTitle: string;
  placeId: string;
  placeName: string;
  holderName: string;
  hostName: string;
  /** Whether this structure holds the permanence (its offer) or hosts it (its place). */
  role: "holds" | "hosts";
  sheet: { id: string; lines: number } | null;
}

export async function structurePermanences(db: Db, structure: PermanenceStructure, now: Date) {
  const today = localTime(now, structure.territory.timeZone).date;
  const window = pageWindow(today);
  const rows = (
    await db.offerPlace.findMany({
      where: { ...PERMANENCE_WHERE, OR: [{ offer: { structureId: structure.id } }, { place: { structureId: structure.id } }] },
      select: OFFER_PLACE_SELECT,
      orderBy: [{ offer: { title: "asc" } }, { place: { name: "asc" } }],
    })
  ).filter(isPermanence);
  const sheets = rows.length
    ? await db.permanenceSheet.findMany({
        where: {
          OR: rows.map((row) => ({ offerId: row.offerId, placeId: row.placeId })),
          date: { gte: new Date(`${window.pastFrom}T00:00:00Z`), lt: new Date(`${addDays(today, window.comingDays)}T00:00:00Z`) },
        },
        select: { id: true, offerId: true, placeId: true, date: true, startMinute: true, _count: { select: { lines: true } } },
      })
    : [];
  const keyOf = (offerId: string, placeId: string, date: string, startMinute: number) => `${offerId}|${placeId}|${date}|${startMinute}`;
  const sheetByKey = new Map(sheets.map((sheet) => [keyOf(sheet.offerId, sheet.placeId, sheet.date.toISOString().slice(0, 10), sheet.startMinute), sheet]));

  const itemsOf = (occurrences: (row: (typeof rows)[number]) => Occurrence[]) =>
    rows.flatMap((row) =>
      occurrences(row).map((occurrence): OccurrenceItem => {
        const key = keyOf(row.offerId, row.placeId, occurrence.date, occurrence.startMinute);
        const sheet = sheetByKey.get(key);
        return {
          ...occurrence,
          key,
          title: describeOccurrence(occurrence),
          offerId: row.offerId,
          offerTitle: row.offer.title,
          placeId: row.placeId,
          placeName: row.place.name,
          holderName: row.offer.structure.name,
          hostName: row.place.structure.name,
          role: row.offer.structureId === structure.id ? "holds" : "hosts",
          sheet: sheet ? { id: sheet.id, lines: sheet._count.lines } : null,
        };
      }),
    );
  const chronological = (a: Occurrence, b: Occurrence) => a.date.localeCompare(b.date) || a.startMinute - b.startMinute;
  const coming = itemsOf((row) => occurrencesBetween(scheduleOf(row), window.comingFrom, window.comingDays)).sort(chronological);
  const past = itemsOf((row) => occurrencesBetween(scheduleOf(row), window.pastFrom, window.pastDays))
    .sort(chronological)
    .reverse();
  return { today, coming, past, permanences: rows.length };
}
