/**
 * "Avec un créneau libre cette semaine": which offers have at least one free appointment slot in a
 * range, for a whole territory at once (the search's filter, issue 17 point 4). Batched: the
 * patterns, the absences and the appointments holding a slot in range in three queries, the
 * offers' hours in a fourth, then the pure `freeSlots` (lib/agenda/slots.ts) per offer with limit 1
 * — the same rules as `findFreeSlots`, which reads one offer at a time.
 */
import type { PrismaClient } from "@/lib/db";
import { HOLDING_STATUSES } from "@/lib/agenda/free-slots";
import { type Absence, type AvailabilityRule, type Busy, freeSlots } from "@/lib/agenda/slots";
import { addDays, type Country } from "@/lib/hours/holidays";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { localTime, weekdayOf, zonedInstant, type Schedule } from "@/lib/hours/rules";

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const DAY_MS = 86_400_000;

/** The end of the ISO week of `now` (next Monday at midnight), in the time zone. */
export function endOfWeek(now: Date, timeZone: string): Date {
  const today = localTime(now, timeZone).date;
  return zonedInstant(addDays(today, 8 - weekdayOf(today)), 0, timeZone);
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export interface FreeSlotScope {
  territoryId?: string;
  offerIds?: string[];
  from: Date;
  until: Date;
}

/** The ids of the offers (of the territory, or among `offerIds`) with a free slot in [from, until). */
export async function offersWithFreeSlot(db: PrismaClient, scope: FreeSlotScope): Promise<Set<string>> {
  return new Set((await firstFreeSlots(db, scope)).first.keys());
}

/**
 * The offers of a territory that have agendas (a weekly availability still valid on `from`): one
 * indexed query, so that a caller asks for free slots only where there may be some.
 */
export async function offersWithAgendas(db: PrismaClient, territoryId: string, from: Date): Promise<Set<string>> {
  // One statement, DISTINCT in PostgreSQL (Prisma's `distinct` would read every pattern).
  const rows = await db.$queryRaw<{ offerId: string }[]>`
    SELECT DISTINCT p."offerId" FROM "AvailabilityPattern" p JOIN "Offer" o ON o.id = p."offerId"
    WHERE o."territoryId" = ${territoryId}::uuid AND (p."validUntil" IS NULL OR p."validUntil" >= ${`${from.toISOString().slice(0, 10)}`}::date)`;
  return new Set(rows.map(({ offerId }) => offerId));
}

export interface FirstFreeSlots {
  /** Each offer's first free slot in [from, until), by offer id. */
  first: Map<string, Date>;
  /** The offers that have agendas (availability patterns) in the range, free or not. */
  withAgenda: Set<string>;
}

/** The first free slot of each offer (of the territory, or among `offerIds`) in [from, until). */
export async function firstFreeSlots(db: PrismaClient, scope: FreeSlotScope): Promise<FirstFreeSlots> {
  const first = new Map<string, Date>();
  const found = { first, withAgenda: new Set<string>() };
  if (scope.until <= scope.from || (scope.offerIds && scope.offerIds.length === 0)) return found;
  const fromDay = new Date(`${scope.from.toISOString().slice(0, 10)}T00:00:00Z`);
  const rows = await db.availabilityPattern.findMany({
    where: {
      ...(scope.offerIds ? { offerId: { in: scope.offerIds } } : {}),
      ...(scope.territoryId ? { offer: { territoryId: scope.territoryId } } : {}),
      OR: [{ validUntil: null }, { validUntil: { gte: fromDay } }],
    },
    select: { id: true, mediatorId: true, offerId: true, placeId: true, kind: true, weekday: true, startMinute: true, endMinute: true, slotMinutes: true, validFrom: true, validUntil: true },
  });
  if (rows.length === 0) return found;
  for (const row of rows) found.withAgenda.add(row.offerId);
  const patterns: AvailabilityRule[] = rows.map((row) => ({ ...row, validFrom: day(row.validFrom), validUntil: day(row.validUntil) }));
  const mediatorIds = [...new Set(patterns.map((pattern) => pattern.mediatorId))];
  const offerIds = [...new Set(patterns.map((pattern) => pattern.offerId))];
  const [absenceRows, busyRows, offers] = await Promise.all([
    db.agendaAbsence.findMany({
      where: { mediatorId: { in: mediatorIds }, endsOn: { gte: new Date(scope.from.getTime() - DAY_MS) }, startsOn: { lte: new Date(scope.until.getTime() + DAY_MS) } },
      select: { mediatorId: true, startsOn: true, endsOn: true },
    }),
    db.appointment.findMany({
      where: { mediatorId: { in: mediatorIds }, status: { in: [...HOLDING_STATUSES] }, startsAt: { lt: scope.until }, endsAt: { gt: scope.from } },
      select: { mediatorId: true, startsAt: true, endsAt: true },
    }),
    db.offer.findMany({
      where: { id: { in: offerIds } },
      select: {
        id: true,
        territory: { select: { timeZone: true, country: true } },
        ...HOURS_SELECT,
        places: { select: { placeId: true, publicHolidays: true, ...HOURS_SELECT, place: { select: { publicHolidays: true, ...HOURS_SELECT } } } },
      },
    }),
  ]);
  const absences: Absence[] = absenceRows.map((row) => ({ mediatorId: row.mediatorId, startsOn: day(row.startsOn)!, endsOn: day(row.endsOn)! }));
  const busy: Busy[] = busyRows.flatMap((row) => (row.mediatorId ? [{ mediatorId: row.mediatorId, startsAt: row.startsAt, endsAt: row.endsAt }] : []));
  const patternsByOffer = groupBy(patterns, (pattern) => pattern.offerId);
  const absencesByMediator = groupBy(absences, (absence) => absence.mediatorId);
  const busyByMediator = groupBy(busy, (interval) => interval.mediatorId);
  for (const offer of offers) {
    const territory = { timeZone: offer.territory.timeZone, country: offer.territory.country as Country };
    const schedules = new Map<string, Schedule>();
    for (const offerPlace of offer.places) schedules.set(offerPlace.placeId, offerScheduleAt(offerPlace, territory));
    schedules.set("", remoteOfferSchedule(offer, territory));
    const ofOffer = patternsByOffer.get(offer.id) ?? [];
    const mediators = [...new Set(ofOffer.map((pattern) => pattern.mediatorId))];
    const [slot] = freeSlots({
      patterns: ofOffer,
      absences: mediators.flatMap((id) => absencesByMediator.get(id) ?? []),
      busy: mediators.flatMap((id) => busyByMediator.get(id) ?? []),
      schedules, from: scope.from, until: scope.until, ...territory, limit: 1 });
    if (slot) first.set(offer.id, slot.startsAt);
  }
  return found;
}
