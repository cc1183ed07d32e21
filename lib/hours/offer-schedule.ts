/**
 * The schedule a resident should read for an offer at a place: the offer's own hours there when
 * it has some (at least one slot), otherwise the place's. A closure of the place (works, holidays)
 * closes every offer held there, so it applies in both cases.
 */
import type { Country } from "./holidays";
import type { Exception, HolidayRule, Schedule, Slot } from "./rules";

/** Slots and exceptions as the database gives them (dates as Date) or as the rules read them. */
export type SlotRow = Omit<Slot, "validFrom" | "validUntil"> & { validFrom?: Date | string | null; validUntil?: Date | string | null };
export type ExceptionRow = Omit<Exception, "startsOn" | "endsOn"> & { startsOn: Date | string; endsOn: Date | string };

interface Hours {
  openingSlots: SlotRow[];
  openingExceptions: ExceptionRow[];
}

/** What to read of an owner's hours (a place, an offer at a place, an offer with no place), in order. */
export const HOURS_SELECT = {
  openingSlots: {
    select: { weekday: true, opensAtMinute: true, closesAtMinute: true, appointmentOnly: true, validFrom: true, validUntil: true },
    orderBy: [{ weekday: "asc" as const }, { opensAtMinute: "asc" as const }],
  },
  openingExceptions: {
    select: { startsOn: true, endsOn: true, closed: true, opensAtMinute: true, closesAtMinute: true, label: true },
    orderBy: { startsOn: "asc" as const },
  },
};

/** A calendar day ("YYYY-MM-DD") from a database date (stored at midnight UTC). */
const day = (value: Date | string) => (typeof value === "string" ? value : value.toISOString().slice(0, 10));

const slotsOf = (rows: SlotRow[]): Slot[] =>
  rows.map((row) => ({
    weekday: row.weekday,
    opensAtMinute: row.opensAtMinute,
    closesAtMinute: row.closesAtMinute,
    appointmentOnly: row.appointmentOnly,
    validFrom: row.validFrom ? day(row.validFrom) : null,
    validUntil: row.validUntil ? day(row.validUntil) : null,
  }));

const exceptionsOf = (rows: ExceptionRow[]): Exception[] =>
  rows.map((row) => ({ ...row, startsOn: day(row.startsOn), endsOn: day(row.endsOn) }));

export interface OfferAtPlaceHours extends Hours {
  publicHolidays: HolidayRule | null;
  place: Hours & { publicHolidays: HolidayRule };
}

export function offerScheduleAt(offerPlace: OfferAtPlaceHours, territory: { timeZone: string; country: Country }): Schedule {
  const { place } = offerPlace;
  const placeClosures = place.openingExceptions.filter((exception) => exception.closed);
  const own = offerPlace.openingSlots.length > 0;
  return {
    slots: slotsOf(own ? offerPlace.openingSlots : place.openingSlots),
    exceptions: exceptionsOf(own ? [...offerPlace.openingExceptions, ...placeClosures] : place.openingExceptions),
    publicHolidays: offerPlace.publicHolidays ?? place.publicHolidays,
    timeZone: territory.timeZone,
    country: territory.country,
  };
}

/** An offer with no place (a phone line, an online service): its own hours. */
export function remoteOfferSchedule(offer: Hours, territory: { timeZone: string; country: Country }): Schedule {
  return { slots: slotsOf(offer.openingSlots), exceptions: exceptionsOf(offer.openingExceptions), publicHolidays: "unknown", timeZone: territory.timeZone, country: territory.country };
}
