/** What the appointment pages read (app/structures/[id]/rendez-vous/…, the transfer page), with the one client bound. */
import { randomUUID } from "node:crypto";
import { findFreeSlots } from "@/lib/agenda/free-slots";
import { findStructureForAgenda } from "@/lib/agenda/queries";
import type { FreeSlot } from "@/lib/agenda/slots";
import type { SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { appointmentAccess, suggestedOutcome, transferBooking } from "./commands";
import { slotValue } from "./schemas";
import { seriesProgress } from "./series";
import { listItems } from "@/lib/territory-lists/queries";

const DAY_MS = 86_400_000;
/** The booking forms show two weeks at a time. */
const WINDOW_DAYS = 14;

const dayLabel = (date: Date, timeZone: string) => new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone }).format(date);
const timeLabel = (date: Date, timeZone: string) => new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone }).format(date);
const whenLabel = (date: Date, timeZone: string) => `${dayLabel(date, timeZone)} à ${timeLabel(date, timeZone)}`;

export interface SlotChoice {
  value: string;
  time: string;
  mediator: string;
  /** Inside a transfer with a deadline: this slot is after it. */
  afterDeadline: boolean;
}

/** Free slots grouped by local day, with the mediators' first names. */
async function slotDays(slots: FreeSlot[], timeZone: string, deadline: Date | null = null) {
  const mediators = await db.user.findMany({ where: { id: { in: [...new Set(slots.map((slot) => slot.mediatorId))] } }, select: { id: true, name: true, email: true } });
  const firstName = new Map(mediators.map((user) => [user.id, (user.name ?? user.email).split(" ")[0]!]));
  const days: { date: string; label: string; slots: SlotChoice[] }[] = [];
  for (const slot of slots) {
    let day = days.find((entry) => entry.date === slot.date);
    if (!day) days.push((day = { date: slot.date, label: dayLabel(slot.startsAt, timeZone), slots: [] }));
    day.slots.push({ value: slotValue(slot), time: timeLabel(slot.startsAt, timeZone), mediator: firstName.get(slot.mediatorId) ?? "", afterDeadline: deadline !== null && slot.startsAt >= deadline });
  }
  return days;
}

/** `?depuis=YYYY-MM-DD`: the first day of the two weeks shown (never before now). */
function windowFrom(since: string | undefined, now: Date) {
  const requested = since && /^\d{4}-\d{2}-\d{2}$/.test(since) ? new Date(`${since}T00:00:00Z`) : null;
  return requested && requested > now ? requested : now;
}

const nextWindow = (from: Date) => new Date(from.getTime() + WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);

async function offerSlots(offerId: string, from: Date, timeZone: string, deadline: Date | null = null) {
  const until = new Date(from.getTime() + WINDOW_DAYS * DAY_MS);
  const slots = await findFreeSlots(db, { offerId, from, until, limit: 1000 });
  return { days: await slotDays(slots, timeZone, deadline), next: nextWindow(from) };
}

/** `/structures/<id>/rendez-vous`: upcoming (and last week's) appointments, the offers to book. */
export async function loadAppointmentListPage(actor: SignedInActor, structureId: string, now = new Date()) {
  const structure = isUuid(structureId) ? await findStructureForAgenda(db, actor, structureId) : null;
  if (!structure) return null;
  const timeZone = structure.territory.timeZone;
  const [rows, offers] = await Promise.all([
    db.appointment.findMany({
      where: { structureId: structure.id, startsAt: { gte: new Date(now.getTime() - 7 * DAY_MS) }, status: { not: "cancelled" } },
      orderBy: { startsAt: "asc" },
      take: 200,
      select: { id: true, startsAt: true, status: true, personLabel: true, offer: { select: { title: true } }, mediator: { select: { name: true, email: true } }, transfer: { select: { code: true } } },
    }),
    db.offer.findMany({ where: { structureId: structure.id, status: { not: "archived" }, availabilityPatterns: { some: {} } }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  const appointments = rows.map((row) => ({
    id: row.id,
    when: whenLabel(row.startsAt, timeZone),
    status: row.status,
    personLabel: row.personLabel,
    offerTitle: row.offer?.title ?? null,
    mediator: row.mediator ? (row.mediator.name ?? row.mediator.email) : null,
    transferCode: row.transfer?.code ?? null,
  }));
  const series = await db.usageSeries.findMany({
    where: { structureId: structure.id, closedAt: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, personLabel: true, plannedSessions: true, _count: { select: { appointments: { where: { status: "attended" } } } } },
  });
  return { structure, appointments, offers, series: series.map(({ _count, ...row }) => ({ ...row, sessionsDone: _count.appointments })) };
}

/** `/structures/<id>/rendez-vous/series/nouvelle`: the territory's skills, the structure's offers. */
export async function loadNewSeriesPage(actor: SignedInActor, structureId: string) {
  const structure = isUuid(structureId) ? await findStructureForAgenda(db, actor, structureId) : null;
  if (!structure) return null;
  const [skills, offers] = await Promise.all([
    listItems(db, structure.territoryId, "usage_skill"),
    db.offer.findMany({ where: { structureId: structure.id, status: { not: "archived" } }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  return { structure, skills, offers };
}

/** `/structures/<id>/rendez-vous/series/<seriesId>`: progress, for the structure's members and the transfer's sender. */
export async function loadSeriesPage(actor: SignedInActor, structureId: string, seriesId: string) {
  if (!isUuid(structureId) || !isUuid(seriesId)) return null;
  const series = await seriesProgress(db, actor, seriesId);
  if (!series || series.structure.id !== structureId) return null;
  const timeZone = (await db.structure.findUniqueOrThrow({ where: { id: structureId }, select: { territory: { select: { timeZone: true } } } })).territory.timeZone;
  return { ...series, sessions: series.sessions.map((session) => ({ ...session, when: whenLabel(session.startsAt, timeZone) })) };
}

/** `/structures/<id>/rendez-vous/nouveau?offre=<id>&depuis=`: the offer's next free slots and the form. */
export async function loadNewAppointmentPage(actor: SignedInActor, structureId: string, search: { offre?: string; depuis?: string; serie?: string }, now = new Date()) {
  const structure = isUuid(structureId) ? await findStructureForAgenda(db, actor, structureId) : null;
  if (!structure || !isUuid(search.offre)) return null;
  const offer = await db.offer.findFirst({ where: { id: search.offre, structureId: structure.id, status: { not: "archived" } }, select: { id: true, title: true } });
  if (!offer) return null;
  const from = windowFrom(search.depuis, now);
  // A session of a usages series: its person, already known.
  const series = isUuid(search.serie) ? await db.usageSeries.findFirst({ where: { id: search.serie, structureId: structure.id }, select: { id: true, personLabel: true } }) : null;
  return { structure, offer, series, ...(await offerSlots(offer.id, from, structure.territory.timeZone)), idempotencyKey: randomUUID() };
}

/** The appointment's details as its page and the transfer page show them. */
async function appointmentDetails(appointmentId: string, timeZone: string) {
  const row = await db.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      personLabel: true,
      requestNote: true,
      cancelReason: true,
      channel: true,
      offerId: true,
      offer: { select: { title: true } },
      place: { select: { name: true, address: true, postalCode: true, communeName: true } },
      mediator: { select: { name: true, email: true } },
      transfer: { select: { id: true, code: true } },
      rescheduledTo: { select: { id: true } },
      series: { select: { id: true, skills: { select: { skill: { select: { id: true, label: true } } } } } },
      skillsReached: { select: { skill: { select: { label: true } } } },
    },
  });
  return {
    ...row,
    when: whenLabel(row.startsAt, timeZone),
    until: timeLabel(row.endsAt, timeZone),
    mediatorFirstName: row.mediator ? (row.mediator.name ?? row.mediator.email).split(" ")[0]! : null,
  };
}

/** `/structures/<id>/rendez-vous/<appointmentId>`: the structure's members, or the transfer's sender; null answers 404. */
export async function loadAppointmentPage(actor: SignedInActor, structureId: string, appointmentId: string, search: { depuis?: string }, now = new Date()) {
  if (!isUuid(structureId) || !isUuid(appointmentId)) return null;
  const access = await appointmentAccess(db, actor, appointmentId);
  if (!access || access.row.structureId !== structureId) return null;
  const timeZone = access.row.structure.territory.timeZone;
  const appointment = await appointmentDetails(appointmentId, timeZone);
  const open = appointment.status === "booked" || appointment.status === "held";
  const slots = open && appointment.offerId ? await offerSlots(appointment.offerId, windowFrom(search.depuis, now), timeZone) : null;
  return {
    structureId,
    appointment,
    asStructure: access.asStructure,
    mayRecordAttendance: access.asStructure && appointment.status === "booked" && appointment.startsAt <= now,
    mayChange: open,
    slots,
    idempotencyKey: randomUUID(),
  };
}

/**
 * The transfer page's appointment section: the transfer's appointments, and for the sender of an
 * accompanied transfer without a booked one, the target offer's free slots (those before the
 * deadline first; the later ones marked).
 */
export async function loadTransferAppointments(actor: SignedInActor, transferId: string, search: { depuis?: string }, now = new Date()) {
  const transfer = await db.transfer.findUnique({ where: { id: transferId }, select: { id: true, territory: { select: { timeZone: true } } } });
  if (!transfer) return null;
  const timeZone = transfer.territory.timeZone;
  const rows = await db.appointment.findMany({ where: { transferId, status: { not: "cancelled" } }, orderBy: { startsAt: "asc" }, select: { id: true, structureId: true } });
  const appointments = await Promise.all(rows.map(async (row) => ({ ...(await appointmentDetails(row.id, timeZone)), structureId: row.structureId })));
  const bookable = await transferBooking(db, actor, transferId);
  const hasOpen = appointments.some((appointment) => appointment.status === "booked" || appointment.status === "held");
  let booking = null;
  if (bookable && !hasOpen) {
    // The deadline is a day: slots up to its end are before it.
    const deadline = bookable.deadline ? new Date(bookable.deadline.getTime() + DAY_MS) : null;
    booking = { ...(await offerSlots(bookable.offerId, windowFrom(search.depuis, now), timeZone, deadline)), idempotencyKey: randomUUID(), deadline: bookable.deadline };
  }
  return { appointments, booking, suggestedOutcome: await suggestedOutcome(db, transferId) };
}
