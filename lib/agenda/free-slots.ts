/**
 * The free slots of an offer, read from the database: its mediators' patterns, their absences,
 * the appointments that hold a slot, and the offer's hours at each place. One door for every
 * reader (booking, the transfer form, the public offer page, the search's filter).
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Country } from "@/lib/hours/holidays";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import type { Schedule } from "@/lib/hours/rules";
import { type AvailabilityRule, type FreeSlot, freeSlots } from "./slots";

type Db = PrismaClient | Prisma.TransactionClient;

/** The statuses whose appointment holds its slot (the rows with a `slotKey`). */
export const HOLDING_STATUSES = ["held", "booked", "attended", "no_show"] as const;

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export interface FreeSlotQuery {
  offerId: string;
  /** Only this place's slots ("" or null: only those with no place). Undefined: every place. */
  placeId?: string | null;
  /** Only this mediator's slots. */
  mediatorId?: string;
  from: Date;
  until: Date;
  limit?: number;
}

export async function findFreeSlots(db: Db, query: FreeSlotQuery): Promise<FreeSlot[]> {
  const offer = await db.offer.findUnique({
    where: { id: query.offerId },
    select: {
      territory: { select: { timeZone: true, country: true } },
      ...HOURS_SELECT,
      places: { select: { placeId: true, publicHolidays: true, ...HOURS_SELECT, place: { select: { publicHolidays: true, ...HOURS_SELECT } } } },
    },
  });
  if (!offer) return [];
  const patternRows = await db.availabilityPattern.findMany({
    where: {
      offerId: query.offerId,
      ...(query.placeId !== undefined ? { placeId: query.placeId || null } : {}),
      ...(query.mediatorId ? { mediatorId: query.mediatorId } : {}),
      OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${query.from.toISOString().slice(0, 10)}T00:00:00Z`) } }],
    },
    select: { id: true, mediatorId: true, offerId: true, placeId: true, kind: true, weekday: true, startMinute: true, endMinute: true, slotMinutes: true, validFrom: true, validUntil: true },
  });
  if (patternRows.length === 0) return [];
  const patterns: AvailabilityRule[] = patternRows.map((row) => ({ ...row, validFrom: day(row.validFrom), validUntil: day(row.validUntil) }));
  const mediatorIds = [...new Set(patterns.map((pattern) => pattern.mediatorId))];
  const [absences, busy] = await Promise.all([
    db.agendaAbsence.findMany({
      where: {
        mediatorId: { in: mediatorIds },
        endsOn: { gte: new Date(query.from.getTime() - 86_400_000) },
        startsOn: { lte: new Date(query.until.getTime() + 86_400_000) },
      },
      select: { mediatorId: true, startsOn: true, endsOn: true },
    }),
    db.appointment.findMany({
      where: {
        mediatorId: { in: mediatorIds },
        status: { in: [...HOLDING_STATUSES] },
        startsAt: { lt: query.until },
        endsAt: { gt: query.from },
      },
      select: { mediatorId: true, startsAt: true, endsAt: true },
    }),
  ]);
  const territory = { timeZone: offer.territory.timeZone, country: offer.territory.country as Country };
  const schedules = new Map<string, Schedule>();
  for (const offerPlace of offer.places) schedules.set(offerPlace.placeId, offerScheduleAt(offerPlace, territory));
  schedules.set("", remoteOfferSchedule(offer, territory));
  return freeSlots({
    patterns,
    absences: absences.map((absence) => ({ mediatorId: absence.mediatorId, startsOn: day(absence.startsOn)!, endsOn: day(absence.endsOn)! })),
    busy: busy.flatMap((row) => (row.mediatorId ? [{ mediatorId: row.mediatorId, startsAt: row.startsAt, endsAt: row.endsAt }] : [])),
    schedules,
    from: query.from,
    until: query.until,
    timeZone: territory.timeZone,
    country: territory.country,
    limit: query.limit,
  });
}
