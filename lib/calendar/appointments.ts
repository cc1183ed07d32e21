/**
 * Appointments as calendar files (issue 17, point 8): one appointment's file for the people who
 * may see it (its structure's members, the transfer's sender) or for the resident by their link,
 * and each mediator's personal feed by a secret address. No personal data in any of them: a
 * calendar is copied to phones and cloud services, so the person is a reference code, never a
 * name, a phone number or a request.
 */
import { randomBytes } from "node:crypto";
import { type Actor, scopeFor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { hashPublicToken, isPublicToken } from "@/lib/public-token";
import { calendar, type CalendarEvent } from "./ics";

const SELECT = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  updatedAt: true,
  offer: { select: { title: true } },
  place: { select: { name: true, address: true, postalCode: true, communeName: true } },
  structure: { select: { name: true, phone: true } },
} as const;

type Row = {
  id: string;
  kind: "procedure" | "usages";
  status: string;
  startsAt: Date;
  endsAt: Date;
  offer: { title: string } | null;
  place: { name: string; address: string; postalCode: string; communeName: string } | null;
  structure: { name: string; phone: string | null };
};

/** "RDV-3F2A91C0": how a calendar names an appointment instead of the person. */
export const appointmentReference = (id: string) => `RDV-${id.slice(0, 8).toUpperCase()}`;

function eventOf(row: Row): CalendarEvent {
  const kind = row.kind === "usages" ? "usages" : "démarche";
  return {
    uid: `${row.id}@toile`,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    summary: `RDV — ${kind}`,
    description: [`Référence ${appointmentReference(row.id)}`, row.offer?.title, row.structure.name, row.structure.phone].filter(Boolean).join("\n"),
    location: row.place ? `${row.place.name}, ${row.place.address}, ${row.place.postalCode} ${row.place.communeName}` : undefined,
    cancelled: row.status === "cancelled",
    sequence: row.status === "cancelled" ? 1 : 0,
  };
}

/** One appointment's file, for its structure's members or the sender of its transfer; null otherwise (→ 404). */
export async function appointmentCalendar(db: PrismaClient, actor: Actor, appointmentId: string, now: Date): Promise<string | null> {
  if (!isUuid(appointmentId)) return null;
  const row = await db.appointment.findFirst({
    where: {
      id: appointmentId,
      OR: [{ structure: scopeFor(actor, "structure.receive") }, { transfer: scopeFor(actor, "transfer.actAsSender") }],
    },
    select: SELECT,
  });
  return row && calendar([eventOf(row)], { name: "Rendez-vous", now });
}

/** The resident's own file, by the secret of their link; null for anything else. */
export async function residentCalendar(db: PrismaClient, territorySlug: string, token: string, now: Date): Promise<string | null> {
  if (!isPublicToken(token)) return null;
  const row = await db.appointment.findFirst({ where: { publicTokenHash: hashPublicToken(token), territory: { slug: territorySlug } }, select: SELECT });
  return row && calendar([eventOf(row)], { name: "Rendez-vous", now });
}

/** What the personal feed shows: 30 days back, every appointment to come, cancelled ones marked. */
const FEED_PAST_DAYS = 30;

/** A mediator's feed by its secret address; null when no mediator has that secret. */
export async function mediatorFeed(db: PrismaClient, token: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const user = await db.user.findUnique({ where: { agendaFeedToken: token }, select: { id: true } });
  if (!user) return null;
  const rows = await db.appointment.findMany({
    where: { mediatorId: user.id, status: { not: "held" }, startsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) } },
    orderBy: { startsAt: "asc" },
    take: 2000,
    select: SELECT,
  });
  return calendar(rows.map(eventOf), { name: "Mes rendez-vous (Toile)", now });
}

/** The person's feed secret, made the first time it is asked for (or again, to revoke the old address). */
export async function feedToken(db: PrismaClient, userId: string, { renew = false } = {}): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { agendaFeedToken: true } });
  if (user.agendaFeedToken && !renew) return user.agendaFeedToken;
  const token = randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { agendaFeedToken: token } });
  return token;
}

/** Whether the person has a feed already (the account page shows its address then). */
export async function currentFeedToken(db: PrismaClient, userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { agendaFeedToken: true } }))?.agendaFeedToken ?? null;
}
