/**
 * Why an instant is not one of an offer's slots, said precisely to the person who picked it (a
 * page left open while the agenda changed, a forged post): past, the mediator absent that day, a
 * public holiday the place closes on, the place closed that day, outside the offer's hours, or no
 * pattern of the mediator there. `whyNotASlot` is the pure rule; `whyNotASlotAt` reads what it needs.
 */
import type { AvailabilityRule } from "@/lib/agenda/slots";
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Country, publicHolidayName } from "@/lib/hours/holidays";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { hoursOn, localTime, type Schedule, weekdayOf } from "@/lib/hours/rules";

export type NotASlotReason = "past" | "mediator_absent" | "holiday" | "place_closed" | "outside_hours" | "not_offered";

export interface WhyNotInput {
  mediatorId: string;
  startsAt: Date;
  now: Date;
  patterns: Pick<AvailabilityRule, "mediatorId" | "placeId" | "weekday" | "startMinute" | "endMinute" | "slotMinutes" | "validFrom" | "validUntil">[];
  /** The mediator's absences, as local days (YYYY-MM-DD). */
  absences: { startsOn: string; endsOn: string }[];
  schedules: Map<string, Schedule>;
  timeZone: string;
  country: Country;
}

export function whyNotASlot(input: WhyNotInput): NotASlotReason {
  if (input.startsAt <= input.now) return "past";
  const { date, minute } = localTime(input.startsAt, input.timeZone);
  if (input.absences.some((absence) => absence.startsOn <= date && date <= absence.endsOn)) return "mediator_absent";
  const pattern = input.patterns.find(
    (rule) =>
      rule.mediatorId === input.mediatorId &&
      rule.weekday === weekdayOf(date) &&
      (!rule.validFrom || rule.validFrom <= date) &&
      (!rule.validUntil || date <= rule.validUntil) &&
      rule.startMinute <= minute &&
      minute + rule.slotMinutes <= rule.endMinute &&
      (minute - rule.startMinute) % rule.slotMinutes === 0,
  );
  if (!pattern) return "not_offered";
  const schedule = input.schedules.get(pattern.placeId ?? "");
  if (!schedule) return "not_offered";
  const day = hoursOn(schedule, date);
  if (day.ranges.length === 0) return publicHolidayName(input.country, date) && schedule.publicHolidays === "closed" ? "holiday" : "place_closed";
  return "outside_hours";
}

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export async function whyNotASlotAt(db: PrismaClient | Prisma.TransactionClient, input: { offerId: string; mediatorId: string; startsAt: Date; now: Date }): Promise<NotASlotReason> {
  const offer = await db.offer.findUnique({
    where: { id: input.offerId },
    select: {
      territory: { select: { timeZone: true, country: true } },
      ...HOURS_SELECT,
      places: { select: { placeId: true, publicHolidays: true, ...HOURS_SELECT, place: { select: { publicHolidays: true, ...HOURS_SELECT } } } },
    },
  });
  if (!offer) return "not_offered";
  const territory = { timeZone: offer.territory.timeZone, country: offer.territory.country as Country };
  const [patterns, absences] = await Promise.all([
    db.availabilityPattern.findMany({ where: { offerId: input.offerId, mediatorId: input.mediatorId } }),
    db.agendaAbsence.findMany({ where: { mediatorId: input.mediatorId }, select: { startsOn: true, endsOn: true } }),
  ]);
  const schedules = new Map<string, Schedule>();
  for (const offerPlace of offer.places) schedules.set(offerPlace.placeId, offerScheduleAt(offerPlace, territory));
  schedules.set("", remoteOfferSchedule(offer, territory));
  return whyNotASlot({
    ...input,
    patterns: patterns.map((row) => ({ ...row, validFrom: day(row.validFrom), validUntil: day(row.validUntil) })),
    absences: absences.map((absence) => ({ startsOn: day(absence.startsOn)!, endsOn: day(absence.endsOn)! })),
    schedules,
    timeZone: territory.timeZone,
    country: territory.country,
  });
}
