/**
 * What the agenda pages read, scoped to the actor: a structure's agenda is its members' to see
 * (policy `structure.receive`), so another structure's answers null (404). The week: each day,
 * each mediator's free slots (`findFreeSlots`, the same door as booking) and the structure's
 * appointments, with public holidays and absences. The availability page: one mediator's patterns
 * and absences, and what the pattern form offers to choose.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, can, scopeFor } from "@/lib/auth/policy";
import { addDays, type Country, publicHolidayName } from "@/lib/hours/holidays";
import { localTime, zonedInstant } from "@/lib/hours/rules";
import { findFreeSlots } from "./free-slots";
import { weekToShow } from "./rules";

type Db = PrismaClient;

export async function findStructureForAgenda(db: Db, actor: Actor, structureId: string) {
  const structure = await db.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.receive")] },
    select: {
      id: true,
      name: true,
      territoryId: true,
      appointmentHalfDaysPerWeek: true,
      residentsBookOnline: true,
      territory: { select: { timeZone: true, country: true } },
    },
  });
  if (!structure) return null;
  const mayEdit = can(actor, "structure.edit", { structureId: structure.id, territoryId: structure.territoryId });
  return { ...structure, mayEdit };
}

export type AgendaStructure = NonNullable<Awaited<ReturnType<typeof findStructureForAgenda>>>;

/** The structure's members, by name: the mediators of its agenda. */
export async function structureMembers(db: Db, structureId: string) {
  const rows = await db.structureMembership.findMany({
    where: { structureId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map((row) => ({ id: row.user.id, name: row.user.name ?? row.user.email, role: row.role }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

export interface AgendaAppointment {
  id: string;
  mediatorId: string | null;
  startMinute: number;
  endMinute: number;
  personLabel: string | null;
  offerTitle: string | null;
  status: string;
}

export interface AgendaDay {
  date: string;
  holiday?: string;
  mediators: {
    id: string;
    name: string;
    absence?: string;
    freeSlots: { startMinute: number; endMinute: number; offerTitle: string; placeName: string | null }[];
    appointments: AgendaAppointment[];
  }[];
  /** Appointments with no mediator named. */
  unassigned: AgendaAppointment[];
}

/** The structure's week (Monday to Sunday), optionally one mediator's. */
export async function agendaWeek(db: Db, structure: AgendaStructure, options: { week?: string; mediatorId?: string }, now: Date) {
  const { timeZone } = structure.territory;
  const country = structure.territory.country as Country;
  const monday = weekToShow(options.week, localTime(now, timeZone).date);
  const from = zonedInstant(monday, 0, timeZone);
  const until = zonedInstant(addDays(monday, 7), 0, timeZone);
  const members = await structureMembers(db, structure.id);
  const mediatorId = members.some((member) => member.id === options.mediatorId) ? options.mediatorId : undefined;
  const shown = mediatorId ? members.filter((member) => member.id === mediatorId) : members;
  const shownIds = shown.map((member) => member.id);

  const [offers, appointments, absences] = await Promise.all([
    db.offer.findMany({
      where: { structureId: structure.id, availabilityPatterns: { some: { mediatorId: { in: shownIds } } } },
      select: { id: true, title: true, places: { select: { placeId: true, place: { select: { name: true } } } } },
      orderBy: { title: "asc" },
    }),
    db.appointment.findMany({
      where: { structureId: structure.id, startsAt: { gte: from, lt: until }, ...(mediatorId ? { mediatorId } : {}) },
      select: { id: true, mediatorId: true, startsAt: true, endsAt: true, personLabel: true, status: true, offer: { select: { title: true } } },
      orderBy: { startsAt: "asc" },
    }),
    db.agendaAbsence.findMany({
      where: { mediatorId: { in: shownIds }, startsOn: { lt: new Date(`${addDays(monday, 7)}T00:00:00Z`) }, endsOn: { gte: new Date(`${monday}T00:00:00Z`) } },
      select: { mediatorId: true, startsOn: true, endsOn: true, label: true },
    }),
  ]);
  const slotFrom = now > from ? now : from;
  const slots =
    slotFrom < until
      ? (
          await Promise.all(
            offers.map(async (offer) =>
              (await findFreeSlots(db, { offerId: offer.id, mediatorId, from: slotFrom, until })).map((slot) => ({
                ...slot,
                offerTitle: offer.title,
                placeName: offer.places.find((place) => place.placeId === slot.placeId)?.place.name ?? null,
              })),
            ),
          )
        ).flat()
      : [];

  const toAppointment = (row: (typeof appointments)[number]): AgendaAppointment => {
    const start = localTime(row.startsAt, timeZone);
    const end = localTime(row.endsAt, timeZone);
    return {
      id: row.id,
      mediatorId: row.mediatorId,
      startMinute: start.minute,
      endMinute: end.date === start.date ? end.minute : 24 * 60,
      personLabel: row.personLabel,
      offerTitle: row.offer?.title ?? null,
      status: row.status,
    };
  };
  const days: AgendaDay[] = Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index);
    const ofDay = appointments.filter((row) => localTime(row.startsAt, timeZone).date === date);
    const holiday = publicHolidayName(country, date);
    return {
      date,
      ...(holiday ? { holiday } : {}),
      mediators: shown
        .map((member) => {
          const absence = absences.find((row) => row.mediatorId === member.id && row.startsOn.toISOString().slice(0, 10) <= date && date <= row.endsOn.toISOString().slice(0, 10));
          return {
            id: member.id,
            name: member.name,
            ...(absence ? { absence: absence.label } : {}),
            freeSlots: slots
              .filter((slot) => slot.mediatorId === member.id && slot.date === date)
              .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
              .map((slot) => ({ startMinute: slot.startMinute, endMinute: slot.startMinute + (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000, offerTitle: slot.offerTitle, placeName: slot.placeName })),
            appointments: ofDay.filter((row) => row.mediatorId === member.id).map(toAppointment),
          };
        })
        .filter((entry) => entry.absence || entry.freeSlots.length > 0 || entry.appointments.length > 0),
      unassigned: ofDay.filter((row) => !row.mediatorId || !shownIds.includes(row.mediatorId)).map(toAppointment),
    };
  });
  return { monday, previous: addDays(monday, -7), next: addDays(monday, 7), members, mediatorId, days };
}

/** One mediator's patterns (in every structure: those of others are shown, not editable) and absences. */
export async function availabilityOf(db: Db, structureId: string, mediatorId: string) {
  const [patterns, absences] = await Promise.all([
    db.availabilityPattern.findMany({
      where: { mediatorId },
      select: {
        id: true,
        structureId: true,
        offerId: true,
        placeId: true,
        kind: true,
        weekday: true,
        startMinute: true,
        endMinute: true,
        slotMinutes: true,
        validFrom: true,
        validUntil: true,
        offer: { select: { title: true } },
        place: { select: { name: true } },
        structure: { select: { name: true } },
      },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
    }),
    db.agendaAbsence.findMany({
      where: { mediatorId, structureId },
      select: { id: true, startsOn: true, endsOn: true, label: true },
      orderBy: { startsOn: "asc" },
    }),
  ]);
  const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
  return {
    patterns: patterns
      .filter((pattern) => pattern.structureId === structureId)
      .map((pattern) => ({ ...pattern, validFrom: day(pattern.validFrom), validUntil: day(pattern.validUntil) })),
    elsewhere: patterns
      .filter((pattern) => pattern.structureId !== structureId)
      .map((pattern) => ({ id: pattern.id, structureName: pattern.structure.name, offerTitle: pattern.offer.title, weekday: pattern.weekday, startMinute: pattern.startMinute, endMinute: pattern.endMinute })),
    absences: absences.map((absence) => ({ ...absence, startsOn: day(absence.startsOn)!, endsOn: day(absence.endsOn)! })),
  };
}

/** The structure's offers that are not archived, with their places: what the pattern form offers. */
export async function patternFormOptions(db: Db, structureId: string) {
  const offers = await db.offer.findMany({
    where: { structureId, status: { not: "archived" } },
    select: { id: true, title: true, places: { select: { placeId: true, place: { select: { name: true } } } } },
    orderBy: { title: "asc" },
  });
  return offers.map((offer) => ({ id: offer.id, title: offer.title, places: offer.places.map((place) => ({ id: place.placeId, name: place.place.name })) }));
}
