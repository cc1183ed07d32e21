/**
 * Reads of workshops. The organiser's pages read through the policy's scope
 * (`structure.receive`): another structure's session is a 404. The public reads take only
 * scheduled sessions of published offers and structures of the territory in the URL, and never
 * a person's data: seats are counts.
 */
import { type Actor, scopeFor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { decryptPersonalDetails } from "@/lib/transfers/personal-data";

const SESSION_FIELDS = {
  id: true,
  theme: true,
  description: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  equipment: true,
  residentsMayAsk: true,
  status: true,
  cancelReason: true,
  offer: { select: { id: true, title: true } },
  place: { select: { id: true, name: true, address: true, postalCode: true, communeName: true } },
} as const;

async function structureFor(db: PrismaClient, actor: Actor, structureId: string) {
  if (!isUuid(structureId)) return null;
  return db.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.receive")] },
    select: { id: true, name: true, territory: { select: { slug: true, timeZone: true } } },
  });
}

/** The structure's sessions: to come, and those of the last 60 days (attendance to note). */
export async function organiserSessions(db: PrismaClient, actor: Actor, structureId: string, now: Date) {
  const structure = await structureFor(db, actor, structureId);
  if (!structure) return null;
  const [sessions, offers, places] = await Promise.all([
    db.workshopSession.findMany({
      where: { structureId, startsAt: { gte: new Date(now.getTime() - 60 * 86_400_000) } },
      orderBy: { startsAt: "asc" },
      select: { ...SESSION_FIELDS, registrations: { select: { status: true } } },
    }),
    db.offer.findMany({ where: { structureId, status: { not: "archived" } }, orderBy: { title: "asc" }, select: { id: true, title: true, places: { select: { placeId: true } } } }),
    db.place.findMany({
      where: { OR: [{ structureId }, { offers: { some: { offer: { structureId, status: { not: "archived" } } } } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, communeName: true },
    }),
  ]);
  const count = (registrations: { status: string }[], status: string) => registrations.filter((registration) => registration.status === status).length;
  return {
    structure,
    offers: offers.map(({ id, title }) => ({ id, title })),
    places,
    sessions: sessions.map(({ registrations, ...session }) => ({
      ...session,
      confirmed: count(registrations, "confirmed"),
      requested: count(registrations, "requested"),
      waitlisted: count(registrations, "waitlisted"),
      upcoming: session.startsAt > now,
    })),
  };
}

/** One session with its people, for the organiser: the contacts only as the person consented to give them. */
export async function organiserSession(db: PrismaClient, actor: Actor, structureId: string, sessionId: string) {
  const structure = await structureFor(db, actor, structureId);
  if (!structure || !isUuid(sessionId)) return null;
  const session = await db.workshopSession.findFirst({
    where: { id: sessionId, structureId },
    select: {
      ...SESSION_FIELDS,
      registrations: {
        orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }],
        select: { id: true, status: true, channel: true, personLabel: true, personalDetailsEncrypted: true, attended: true, createdAt: true, personalDataErasedAt: true },
      },
    },
  });
  if (!session) return null;
  const people = session.registrations.map(({ personalDetailsEncrypted, ...registration }) => {
    const details = personalDetailsEncrypted ? decryptPersonalDetails(personalDetailsEncrypted) : null;
    return { ...registration, email: details?.email ?? null, phone: details?.phone ?? null };
  });
  const byStatus = (status: string) => people.filter((person) => person.status === status);
  return {
    structure,
    session,
    confirmed: byStatus("confirmed"),
    requested: byStatus("requested"),
    waitlisted: byStatus("waitlisted"),
    closed: people.filter((person) => person.status === "cancelled" || person.status === "declined"),
  };
}

export interface UpcomingSession {
  id: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsLeft: number;
  residentsMayAsk: boolean;
  equipment: "provided" | "bring_own" | "either";
  offerId: string;
  offerTitle: string;
  placeName: string | null;
}

/** The next scheduled sessions of an offer or a territory, with the seats left (counts only). */
export async function upcomingSessions(
  db: PrismaClient,
  scope: { offerId: string } | { territoryId: string } | { placeId: string } | { structureId: string },
  range: { from: Date; until: Date },
  limit = 20,
): Promise<UpcomingSession[]> {
  const sessions = await db.workshopSession.findMany({
    where: {
      ...scope,
      status: "scheduled",
      startsAt: { gte: range.from, lt: range.until },
      offer: { status: "published" },
      structure: { status: "published" },
    },
    orderBy: { startsAt: "asc" },
    take: limit,
    select: { id: true, theme: true, startsAt: true, endsAt: true, capacity: true, residentsMayAsk: true, equipment: true, offer: { select: { id: true, title: true } }, place: { select: { name: true } } },
  });
  // Most offers hold no workshop: their public pages ask nothing more.
  if (sessions.length === 0) return [];
  const confirmed = await db.workshopRegistration.groupBy({
    by: ["sessionId"],
    where: { sessionId: { in: sessions.map((session) => session.id) }, status: "confirmed" },
    _count: { _all: true },
  });
  const taken = new Map(confirmed.map((row) => [row.sessionId, row._count._all]));
  return sessions.map(({ offer, place, ...session }) => ({
    ...session,
    seatsLeft: Math.max(0, session.capacity - (taken.get(session.id) ?? 0)),
    offerId: offer.id,
    offerTitle: offer.title,
    placeName: place?.name ?? null,
  }));
}

/** One session for its public page (published, scheduled or cancelled, of the territory in the URL). */
export async function publicSession(db: PrismaClient, territorySlug: string, sessionId: string, now: Date) {
  if (!isUuid(sessionId) || territorySlug.length > 100) return null;
  const session = await db.workshopSession.findFirst({
    where: { id: sessionId, offer: { status: "published" }, structure: { status: "published", territory: { slug: territorySlug } } },
    select: {
      ...SESSION_FIELDS,
      offer: { select: { id: true, title: true, documentsToBring: true } },
      structure: { select: { name: true, phone: true } },
      territory: { select: { slug: true, timeZone: true } },
    },
  });
  if (!session) return null;
  const confirmed = await db.workshopRegistration.count({ where: { sessionId, status: "confirmed" } });
  const waiting = await db.workshopRegistration.count({ where: { sessionId, status: "waitlisted" } });
  return { ...session, seatsLeft: Math.max(0, session.capacity - confirmed), waiting, open: session.status === "scheduled" && session.residentsMayAsk && session.startsAt > now };
}

/** Counts without personal data, for the territory's indicators. */
export async function workshopCounts(db: PrismaClient, territoryId: string, range: { from: Date; until: Date }) {
  const where = { territoryId, startsAt: { gte: range.from, lt: range.until } };
  const [sessions, seats, registrations, attended] = await Promise.all([
    db.workshopSession.count({ where: { ...where, status: "scheduled" } }),
    db.workshopSession.aggregate({ where: { ...where, status: "scheduled" }, _sum: { capacity: true } }),
    db.workshopRegistration.groupBy({ by: ["status"], where: { session: where }, _count: { _all: true } }),
    db.workshopRegistration.count({ where: { session: where, attended: true } }),
  ]);
  const byStatus = Object.fromEntries(registrations.map((row) => [row.status, row._count._all])) as Record<string, number>;
  const seatTotal = seats._sum.capacity ?? 0;
  return {
    sessions,
    seats: seatTotal,
    confirmed: byStatus.confirmed ?? 0,
    waitlisted: byStatus.waitlisted ?? 0,
    requested: byStatus.requested ?? 0,
    cancelled: byStatus.cancelled ?? 0,
    attended,
    fillRate: seatTotal ? (byStatus.confirmed ?? 0) / seatTotal : null,
  };
}
