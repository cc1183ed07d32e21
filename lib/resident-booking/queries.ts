/**
 * What the residents' booking pages read: the offer page's block (next free slots, whether to book
 * online, upcoming permanences), the booking page's slots by day, and a resident's link
 * (an appointment, or a place on a waiting list). Only published offers of published structures
 * of the territory in the URL; anything else is null (a 404).
 */
import type { PrismaClient } from "@/lib/db";
import { findFreeSlots } from "@/lib/agenda/free-slots";
import { type FreeSlot } from "@/lib/agenda/slots";
import { addDays, type Country } from "@/lib/hours/holidays";
import { comingDays, localTime, zonedInstant, type Range } from "@/lib/hours/rules";
import { HOURS_SELECT, offerScheduleAt } from "@/lib/hours/offer-schedule";
import { isUuid } from "@/lib/ids";
import { mondayOf } from "@/lib/agenda/capacity";
import { appointmentByToken } from "./booking";
import { waitlistEntryByToken } from "./waitlist";

/** How many two-week pages ahead the booking page goes. */
const MAX_PAGE = 12;
const PERMANENCE_DAYS = 21;
const MAX_PERMANENCES = 6;

export interface ShownSlot {
  mediatorId: string;
  startsAt: Date;
  date: string;
  placeName: string | null;
}

async function withPlaceNames(db: PrismaClient, slots: FreeSlot[]): Promise<ShownSlot[]> {
  const placeIds = [...new Set(slots.flatMap((slot) => (slot.placeId ? [slot.placeId] : [])))];
  const places = placeIds.length > 0 ? await db.place.findMany({ where: { id: { in: placeIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(places.map((place) => [place.id, place.name]));
  return slots.map((slot) => ({ mediatorId: slot.mediatorId, startsAt: slot.startsAt, date: slot.date, placeName: slot.placeId ? (names.get(slot.placeId) ?? null) : null }));
}

const visible = (territorySlug: string) => ({ status: "published" as const, structure: { status: "published" as const, territory: { slug: territorySlug } } });

/** The offer page's block: up to 5 next free slots, online booking or not, upcoming permanences. */
export async function getOfferBooking(db: PrismaClient, territorySlug: string, offerId: string, now: Date) {
  if (!isUuid(offerId)) return null;
  const offer = await db.offer.findFirst({
    where: { id: offerId, ...visible(territorySlug) },
    select: {
      id: true,
      structureId: true,
      structure: { select: { residentsBookOnline: true, phone: true } },
      territory: { select: { timeZone: true, country: true } },
      places: { select: { publicHolidays: true, ...HOURS_SELECT, place: { select: { id: true, name: true, structureId: true, publicHolidays: true, ...HOURS_SELECT } } } },
      _count: { select: { availabilityPatterns: true } },
    },
  });
  if (!offer) return null;
  const territory = { timeZone: offer.territory.timeZone, country: offer.territory.country as Country };
  const slots = offer._count.availabilityPatterns > 0 ? await findFreeSlots(db, { offerId: offer.id, from: now, until: new Date(now.getTime() + 60 * 86_400_000), limit: 5 }) : [];
  const today = localTime(now, territory.timeZone).date;
  // A permanence: the offer held at a partner's place, on its hours there.
  const permanences = offer.places
    .filter((offerPlace) => offerPlace.place.structureId !== offer.structureId)
    .flatMap((offerPlace) =>
      comingDays(offerScheduleAt(offerPlace, territory), today, PERMANENCE_DAYS)
        .filter((day) => day.ranges.length > 0)
        .map((day) => ({ date: day.date, ranges: day.ranges as Range[], placeName: offerPlace.place.name })),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.ranges[0]!.opensAtMinute - b.ranges[0]!.opensAtMinute)
    .slice(0, MAX_PERMANENCES);
  return {
    hasAgenda: offer._count.availabilityPatterns > 0,
    bookOnline: offer.structure.residentsBookOnline,
    phone: offer.structure.phone,
    timeZone: territory.timeZone,
    slots: await withPlaceNames(db, slots),
    permanences,
  };
}

/** The page number of `?semaine=` (two weeks each), 0 for anything else. */
export function pageFrom(value: unknown): number {
  const number = typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : 0;
  return number <= MAX_PAGE ? number : 0;
}

/** The booking page: the offer and its free slots of two weeks (page 0 from now), grouped by day. */
export async function getBookingPage(db: PrismaClient, territorySlug: string, offerId: string, page: number, now: Date) {
  if (!isUuid(offerId)) return null;
  const offer = await db.offer.findFirst({
    where: { id: offerId, ...visible(territorySlug) },
    select: { id: true, title: true, structure: { select: { name: true, phone: true, residentsBookOnline: true } }, territory: { select: { slug: true, timeZone: true } } },
  });
  if (!offer) return null;
  const { timeZone } = offer.territory;
  const monday = mondayOf(localTime(now, timeZone).date);
  const firstDay = addDays(monday, 14 * page);
  const lastDay = addDays(firstDay, 13);
  const from = page === 0 ? now : zonedInstant(firstDay, 0, timeZone);
  const until = zonedInstant(addDays(firstDay, 14), 0, timeZone);
  const slots = offer.structure.residentsBookOnline ? await withPlaceNames(db, await findFreeSlots(db, { offerId: offer.id, from, until, limit: 300 })) : [];
  const days: { date: string; slots: ShownSlot[] }[] = [];
  for (const slot of slots) {
    const last = days.at(-1);
    if (last?.date === slot.date) last.slots.push(slot);
    else days.push({ date: slot.date, slots: [slot] });
  }
  return {
    offer: { id: offer.id, title: offer.title, structureName: offer.structure.name, phone: offer.structure.phone },
    bookOnline: offer.structure.residentsBookOnline,
    territory: offer.territory,
    firstDay,
    lastDay,
    page,
    hasLater: page < MAX_PAGE,
    days,
  };
}

/** A resident's link: their appointment, or their place on a waiting list; null (404) otherwise. */
export async function getResidentLink(db: PrismaClient, territorySlug: string, token: string) {
  const appointment = await appointmentByToken(db, territorySlug, token);
  if (appointment) {
    const full = await db.appointment.findUniqueOrThrow({
      where: { id: appointment.id },
      select: {
        startsAt: true,
        endsAt: true,
        status: true,
        holdExpiresAt: true,
        personLabel: true,
        offer: { select: { id: true, title: true, documentsToBring: true, structure: { select: { name: true, phone: true } } } },
        place: { select: { name: true, address: true, addressComplement: true, postalCode: true, communeName: true } },
        territory: { select: { slug: true, timeZone: true } },
      },
    });
    return { kind: "appointment" as const, ...full };
  }
  const entry = await waitlistEntryByToken(db, territorySlug, token);
  if (entry) return { kind: "waitlist" as const, status: entry.status, offer: entry.offer };
  return null;
}
