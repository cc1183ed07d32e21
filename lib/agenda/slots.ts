/**
 * Free appointment slots, as pure functions (issue 17). A mediator's availability is weekly
 * patterns (local minutes in the territory's time zone, like opening hours) cut into appointments
 * of a fixed length; a day offers them unless it is a public holiday the place closes on, the
 * mediator is absent, or the offer's hours at that place (closures included) do not cover them.
 * What is already booked (any appointment of the mediator that overlaps) is not free.
 */
import { addDays, type Country } from "@/lib/hours/holidays";
import { hoursOn, localTime, type Schedule, weekdayOf, zonedInstant } from "@/lib/hours/rules";

export type AppointmentKind = "procedure" | "usages";

export interface AvailabilityRule {
  id: string;
  mediatorId: string;
  offerId: string;
  placeId: string | null;
  kind: AppointmentKind;
  weekday: number;
  startMinute: number;
  endMinute: number;
  slotMinutes: number;
  /** Calendar days "YYYY-MM-DD", both included. */
  validFrom?: string | null;
  validUntil?: string | null;
}

export interface Absence {
  mediatorId: string;
  startsOn: string;
  endsOn: string;
}

/** An interval a mediator is already busy (an appointment that holds its slot). */
export interface Busy {
  mediatorId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface FreeSlot {
  patternId: string;
  mediatorId: string;
  offerId: string;
  placeId: string | null;
  kind: AppointmentKind;
  /** The local day and minute, in the territory's time zone. */
  date: string;
  startMinute: number;
  startsAt: Date;
  endsAt: Date;
}

export interface FreeSlotsInput {
  patterns: AvailabilityRule[];
  absences: Absence[];
  busy: Busy[];
  /**
   * The offer's hours at each place (key: place id, "" for no place). A schedule with no weekly
   * slot says nothing of the hours: only its public-holiday rule and closures apply.
   */
  schedules: Map<string, Schedule>;
  from: Date;
  until: Date;
  timeZone: string;
  country: Country;
  /** Stop after this many slots (the earliest ones). */
  limit?: number;
}

/** What the database's unique key holds: one appointment per mediator and start. */
export function slotKeyOf(mediatorId: string, startsAt: Date): string {
  return `${mediatorId}|${startsAt.toISOString()}`;
}

const covers = (pattern: AvailabilityRule, date: string) =>
  (!pattern.validFrom || pattern.validFrom <= date) && (!pattern.validUntil || date <= pattern.validUntil);

/** Whether the offer's hours that day hold [start, end) (local minutes). */
export function withinHours(schedule: Schedule | undefined, date: string, startMinute: number, endMinute: number): boolean {
  if (!schedule) return true;
  const day = hoursOn(schedule, date);
  if (schedule.slots.length === 0) {
    // Hours unknown: only what closes the day (a closure, a holiday the place closes on) counts.
    return !(day.note && day.ranges.length === 0 && (schedule.exceptions.some((exception) => exception.startsOn <= date && date <= exception.endsOn) || schedule.publicHolidays === "closed"));
  }
  return day.ranges.some((range) => range.opensAtMinute <= startMinute && endMinute <= range.closesAtMinute);
}

/** The free slots in [from, until), earliest first (then by mediator), at most `limit`. */
export function freeSlots(input: FreeSlotsInput): FreeSlot[] {
  const { patterns, from, until, timeZone, limit = Number.POSITIVE_INFINITY } = input;
  if (patterns.length === 0 || until <= from) return [];
  const absent = (mediatorId: string, date: string) =>
    input.absences.some((absence) => absence.mediatorId === mediatorId && absence.startsOn <= date && date <= absence.endsOn);
  const busyByMediator = new Map<string, Busy[]>();
  for (const busy of input.busy) {
    const list = busyByMediator.get(busy.mediatorId) ?? [];
    list.push(busy);
    busyByMediator.set(busy.mediatorId, list);
  }
  const isBusy = (mediatorId: string, startsAt: Date, endsAt: Date) =>
    (busyByMediator.get(mediatorId) ?? []).some((busy) => busy.startsAt < endsAt && startsAt < busy.endsAt);

  const found: FreeSlot[] = [];
  const lastDay = localTime(until, timeZone).date;
  for (let date = localTime(from, timeZone).date; date <= lastDay; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    const ofDay: FreeSlot[] = [];
    for (const pattern of patterns) {
      if (pattern.weekday !== weekday || !covers(pattern, date) || absent(pattern.mediatorId, date)) continue;
      const schedule = input.schedules.get(pattern.placeId ?? "");
      for (let start = pattern.startMinute; start + pattern.slotMinutes <= pattern.endMinute; start += pattern.slotMinutes) {
        const end = start + pattern.slotMinutes;
        const startsAt = zonedInstant(date, start, timeZone);
        const endsAt = zonedInstant(date, end, timeZone);
        if (startsAt < from || startsAt >= until) continue;
        if (!withinHours(schedule, date, start, end)) continue;
        if (isBusy(pattern.mediatorId, startsAt, endsAt)) continue;
        ofDay.push({
          patternId: pattern.id,
          mediatorId: pattern.mediatorId,
          offerId: pattern.offerId,
          placeId: pattern.placeId,
          kind: pattern.kind,
          date,
          startMinute: start,
          startsAt,
          endsAt,
        });
      }
    }
    ofDay.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.mediatorId.localeCompare(b.mediatorId));
    for (const slot of ofDay) {
      // Two patterns of one mediator never overlap (refused when published); keep the first anyway.
      if (found.some((other) => other.mediatorId === slot.mediatorId && other.startsAt < slot.endsAt && slot.startsAt < other.endsAt)) continue;
      found.push(slot);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
