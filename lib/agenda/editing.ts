/**
 * Writing a structure's agendas: a mediator's weekly availability patterns, their absences, and
 * the structure's agenda settings. Each function checks what only the database can tell — the
 * mediator is a member, the offer is the structure's and the place is one of the offer's, no
 * overlap with the mediator's other patterns (any structure), the offer's hours at that place, the
 * capacity rule, appointments already booked — and answers a coded refusal on the form's field.
 * Authorization (the policy) is the server action's; these functions scope every write to the
 * structure, so a forged id changes nothing.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import type { Country } from "@/lib/hours/holidays";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { localTime } from "@/lib/hours/rules";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import { formatTime, WEEKDAY_NAMES } from "@/lib/hours/format";
import { type DatedTime, firstWeekOverCapacity, type WeeklyTime } from "./capacity";
import { HOLDING_STATUSES } from "./free-slots";
import { describeDate, describeDayHours, describeHalfDay, describeWeeklyRange, firstOverlap, fitsWeeklyHours } from "./rules";
import type { AbsenceInput, PatternInput, SettingsInput } from "./schemas";

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const dbDate = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

async function structureOf(db: Db | Tx, structureId: string) {
  return db.structure.findUnique({
    where: { id: structureId },
    select: { id: true, appointmentHalfDaysPerWeek: true, territory: { select: { timeZone: true, country: true } } },
  });
}

const isMember = async (db: Db | Tx, structureId: string, userId: string) =>
  !!(await db.structureMembership.findUnique({ where: { userId_structureId: { userId, structureId } }, select: { userId: true } }));

/** Serializes the writes of one mediator's agenda (overlap and capacity are read, then written). */
const lockMediator = (tx: Tx, mediatorId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`agenda:${mediatorId}`}))`;

/** The mediator's holding appointments at this structure from `today`, as local days and minutes (the capacity rule counts them). */
async function bookedTimes(db: Db | Tx, structureId: string, mediatorId: string, now: Date, timeZone: string): Promise<DatedTime[]> {
  const rows = await db.appointment.findMany({
    where: { structureId, mediatorId, status: { in: [...HOLDING_STATUSES] }, endsAt: { gt: now }, startsAt: { lt: new Date(now.getTime() + 380 * 86_400_000) } },
    select: { startsAt: true, endsAt: true },
  });
  return rows.map((row) => {
    const start = localTime(row.startsAt, timeZone);
    const end = localTime(row.endsAt, timeZone);
    return { date: start.date, startMinute: start.minute, endMinute: end.date === start.date ? end.minute : 24 * 60 };
  });
}

export type SavePatternResult = { ok: true; patternId: string } | Refusal;

/** Creates (no `patternId`) or changes a weekly availability pattern. */
/** `actorId`: who saves it (the refusal says "votre" créneau to its mediator, "son" créneau to an admin). */
export async function savePattern(db: Db, input: PatternInput, now: Date, actorId: string = input.mediatorId): Promise<SavePatternResult> {
  return db.$transaction(async (tx) => {
    const structure = await structureOf(tx, input.structureId);
    if (!structure || !(await isMember(tx, structure.id, input.mediatorId))) return refusal({ code: "not_found" });
    await lockMediator(tx, input.mediatorId);
    if (input.patternId) {
      const existing = await tx.availabilityPattern.findFirst({ where: { id: input.patternId, structureId: structure.id }, select: { mediatorId: true } });
      if (!existing || existing.mediatorId !== input.mediatorId) return refusal({ code: "not_found" });
    }
    const offer = await tx.offer.findFirst({
      where: { id: input.offerId, structureId: structure.id },
      select: { title: true, ...HOURS_SELECT, places: { where: { placeId: input.placeId ?? undefined }, select: { placeId: true, publicHolidays: true, ...HOURS_SELECT, place: { select: { publicHolidays: true, ...HOURS_SELECT } } } } },
    });
    if (!offer) return refusal({ code: "not_found" }, "offerId");
    const offerPlace = input.placeId ? offer.places.find((candidate) => candidate.placeId === input.placeId) : undefined;
    if (input.placeId && !offerPlace) return refusal({ code: "agenda.place_not_of_offer" }, "placeId");

    const { timeZone } = structure.territory;
    const today = localTime(now, timeZone).date;
    if (input.validUntil && input.validUntil < today) return refusal({ code: "agenda.validity_past" }, "validUntil");

    const range = { weekday: input.weekday, startMinute: input.start, endMinute: input.end, validFrom: input.validFrom, validUntil: input.validUntil };

    // Overlap with the mediator's other patterns, whatever the offer or the structure.
    const others = await tx.availabilityPattern.findMany({
      where: { mediatorId: input.mediatorId, ...(input.patternId ? { id: { not: input.patternId } } : {}) },
      select: { structureId: true, weekday: true, startMinute: true, endMinute: true, validFrom: true, validUntil: true, offer: { select: { title: true } } },
    });
    const otherRanges = others.map((other) => ({ ...other, validFrom: day(other.validFrom), validUntil: day(other.validUntil) }));
    const overlap = firstOverlap(range, otherRanges);
    if (overlap) {
      const existing = `${describeWeeklyRange(overlap)} (offre « ${overlap.offer.title} »)`;
      return refusal({ code: "agenda.pattern_overlap", params: { whose: actorId === input.mediatorId ? "votre" : "son", existing } }, "start");
    }

    // The offer's weekly hours at that place (or its own, with no place).
    const territory = { timeZone, country: structure.territory.country as Country };
    const schedule = offerPlace ? offerScheduleAt(offerPlace, territory) : remoteOfferSchedule(offer, territory);
    const hours = fitsWeeklyHours(schedule, range);
    if (!hours.fits) {
      return refusal({ code: "agenda.outside_hours", params: { day: WEEKDAY_NAMES[input.weekday - 1]!, hours: describeDayHours(hours.dayHours) } }, "start");
    }

    // The capacity rule, over the mediator's patterns in this structure and what is booked there.
    const weekly: WeeklyTime[] = [...otherRanges.filter((other) => other.structureId === structure.id), range];
    const over = firstWeekOverCapacity(input.validFrom && input.validFrom > today ? input.validFrom : today, weekly, {
      limit: structure.appointmentHalfDaysPerWeek,
      dated: await bookedTimes(tx, structure.id, input.mediatorId, now, timeZone),
    });
    if (over) {
      return refusal(
        { code: "agenda.over_capacity", params: { week: describeDate(over.monday), halfDays: over.halfDays.map(describeHalfDay), limit: over.limit } },
        "weekday",
      );
    }

    const data = {
      offerId: input.offerId,
      placeId: input.placeId,
      kind: input.kind,
      weekday: input.weekday,
      startMinute: input.start,
      endMinute: input.end,
      slotMinutes: input.slotMinutes,
      validFrom: dbDate(input.validFrom),
      validUntil: dbDate(input.validUntil),
    };
    if (input.patternId) {
      await tx.availabilityPattern.update({ where: { id: input.patternId, structureId: structure.id }, data });
      return { ok: true as const, patternId: input.patternId };
    }
    const created = await tx.availabilityPattern.create({ data: { ...data, structureId: structure.id, mediatorId: input.mediatorId }, select: { id: true } });
    return { ok: true as const, patternId: created.id };
  });
}

/** Deletes a pattern of the structure. Booked appointments stay: they keep their own times. */
export async function deletePattern(db: Db, { structureId, patternId }: { structureId: string; patternId: string }): Promise<boolean> {
  const { count } = await db.availabilityPattern.deleteMany({ where: { id: patternId, structureId } });
  return count > 0;
}

/** Who the pattern is for, to authorize its change (one's own, or an admin's). */
export async function patternMediator(db: Db, structureId: string, patternId: string): Promise<string | null> {
  const pattern = await db.availabilityPattern.findFirst({ where: { id: patternId, structureId }, select: { mediatorId: true } });
  return pattern?.mediatorId ?? null;
}

export async function absenceMediator(db: Db, structureId: string, absenceId: string): Promise<string | null> {
  const absence = await db.agendaAbsence.findFirst({ where: { id: absenceId, structureId }, select: { mediatorId: true } });
  return absence?.mediatorId ?? null;
}

export type SaveAbsenceResult = { ok: true; absenceId: string } | Refusal;

/**
 * Records an absence: no slot is offered from its first day to its last, in any structure. Refused
 * while appointments are booked then (they must be moved first); those of another structure are
 * named without the person.
 */
export async function saveAbsence(db: Db, input: AbsenceInput): Promise<SaveAbsenceResult> {
  return db.$transaction(async (tx) => {
    const structure = await structureOf(tx, input.structureId);
    if (!structure || !(await isMember(tx, structure.id, input.mediatorId))) return refusal({ code: "not_found" });
    await lockMediator(tx, input.mediatorId);
    const { timeZone } = structure.territory;
    // A day and a half around the bounds covers any time zone; the local day decides.
    const booked = await tx.appointment.findMany({
      where: {
        mediatorId: input.mediatorId,
        status: { in: ["held", "booked"] },
        startsAt: { gte: new Date(Date.parse(`${input.startsOn}T00:00:00Z`) - 86_400_000), lt: new Date(Date.parse(`${input.endsOn}T00:00:00Z`) + 2 * 86_400_000) },
      },
      select: { startsAt: true, structureId: true, personLabel: true, offer: { select: { title: true } } },
      orderBy: { startsAt: "asc" },
    });
    const inside = booked.filter((row) => {
      const date = localTime(row.startsAt, timeZone).date;
      return input.startsOn <= date && date <= input.endsOn;
    });
    if (inside.length > 0) {
      const appointments = inside.map((row) => {
        const local = localTime(row.startsAt, timeZone);
        const when = `${describeDate(local.date)} à ${formatTime(local.minute)}`;
        if (row.structureId !== structure.id) return `${when} (une autre structure)`;
        return `${when}${row.offer ? ` — ${row.offer.title}` : ""}${row.personLabel ? ` (${row.personLabel})` : ""}`;
      });
      return refusal({ code: "agenda.absence_has_appointments", params: { appointments } }, "startsOn");
    }
    const created = await tx.agendaAbsence.create({
      data: { structureId: structure.id, mediatorId: input.mediatorId, startsOn: dbDate(input.startsOn)!, endsOn: dbDate(input.endsOn)!, label: input.label },
      select: { id: true },
    });
    return { ok: true as const, absenceId: created.id };
  });
}

export async function deleteAbsence(db: Db, { structureId, absenceId }: { structureId: string; absenceId: string }): Promise<boolean> {
  const { count } = await db.agendaAbsence.deleteMany({ where: { id: absenceId, structureId } });
  return count > 0;
}

export type SaveSettingsResult = { ok: true } | Refusal;

/**
 * The structure's agenda settings. A lower limit is refused while published patterns (or booked
 * appointments) of a mediator go over it, naming each mediator and week.
 */
export async function saveAgendaSettings(db: Db, input: SettingsInput, now: Date): Promise<SaveSettingsResult> {
  return db.$transaction(async (tx) => {
    // A structure's row feeds the search's index: its territory is locked first, like every writer's.
    await lockTerritoryFirst(tx, { structureId: input.structureId });
    const structure = await structureOf(tx, input.structureId);
    if (!structure) return refusal({ code: "not_found" });
    const limit = input.halfDaysPerWeek;
    if (limit !== null) {
      const patterns = await tx.availabilityPattern.findMany({
        where: { structureId: structure.id },
        select: { mediatorId: true, weekday: true, startMinute: true, endMinute: true, validFrom: true, validUntil: true, mediator: { select: { name: true, email: true } } },
        orderBy: { mediatorId: "asc" },
      });
      const today = localTime(now, structure.territory.timeZone).date;
      const over: string[] = [];
      for (const mediatorId of [...new Set(patterns.map((pattern) => pattern.mediatorId))]) {
        const own = patterns.filter((pattern) => pattern.mediatorId === mediatorId);
        const weekly = own.map((pattern) => ({ ...pattern, validFrom: day(pattern.validFrom), validUntil: day(pattern.validUntil) }));
        const found = firstWeekOverCapacity(today, weekly, { limit, dated: await bookedTimes(tx, structure.id, mediatorId, now, structure.territory.timeZone) });
        if (found) {
          const who = own[0]!.mediator.name ?? own[0]!.mediator.email;
          over.push(`${who}, semaine du ${describeDate(found.monday)} : ${found.halfDays.map(describeHalfDay).join(", ")}`);
        }
      }
      if (over.length > 0) return refusal({ code: "agenda.capacity_below_published", params: { limit, mediators: over } }, "halfDaysPerWeek");
    }
    await tx.structure.update({ where: { id: structure.id }, data: { appointmentHalfDaysPerWeek: limit, residentsBookOnline: input.residentsBookOnline } });
    return { ok: true as const };
  });
}
