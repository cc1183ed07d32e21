/**
 * The territory's activity of time given to people (issue 17), for its coordinators
 * (`territory.manage`): appointments by status and channel with the no-show rate, usages series,
 * permanence sheets, workshops. Counts only: no name, no request, no contact. The period comes
 * from the URL (the last 30 or 90 days, or the next 30 days for what is booked).
 */
import { type Actor, scopeFor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { usageSeriesCounts } from "@/lib/appointments/series";
import { localTime } from "@/lib/hours/rules";
import { addDays } from "@/lib/hours/holidays";
import { sheetCounts } from "@/lib/permanences/counts";
import { callCounts } from "@/lib/phone-line/counts";
import { workshopCounts } from "@/lib/workshops/queries";

export const PERIODS = { "30j": { label: "30 derniers jours", days: 30 }, "90j": { label: "90 derniers jours", days: 90 }, "365j": { label: "12 derniers mois", days: 365 } } as const;
export type Period = keyof typeof PERIODS;

export const periodOf = (value: unknown): Period => (typeof value === "string" && value in PERIODS ? (value as Period) : "30j");

/** no_show / (attended + no_show): among the appointments that took place or should have, how many were missed. Null without any. */
export function noShowRate(counts: { attended: number; no_show: number }): number | null {
  const happened = counts.attended + counts.no_show;
  return happened === 0 ? null : counts.no_show / happened;
}

const CHANNELS = ["transfer", "staff", "resident", "waitlist"] as const;
const STATUSES = ["held", "booked", "attended", "no_show", "cancelled"] as const;

export async function appointmentCounts(db: PrismaClient, territoryId: string, range: { from: Date; until: Date }) {
  const rows = await db.appointment.groupBy({
    by: ["status", "channel"],
    where: { territoryId, startsAt: { gte: range.from, lt: range.until } },
    _count: { _all: true },
  });
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<(typeof STATUSES)[number], number>;
  const byChannel = Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<(typeof CHANNELS)[number], number>;
  for (const row of rows) {
    byStatus[row.status] += row._count._all;
    byChannel[row.channel] += row._count._all;
  }
  return { total: rows.reduce((sum, row) => sum + row._count._all, 0), byStatus, byChannel, noShowRate: noShowRate(byStatus) };
}

export async function territoryActivity(db: PrismaClient, actor: Actor, slug: string, period: Period, now: Date) {
  const territory = await db.territory.findFirst({ where: { AND: [{ slug }, scopeFor(actor, "territory.manage")] }, select: { id: true, name: true, slug: true, timeZone: true } });
  if (!territory) return null;
  const today = localTime(now, territory.timeZone).date;
  const fromDay = addDays(today, -PERIODS[period].days);
  const range = { from: new Date(`${fromDay}T00:00:00Z`), until: now };
  const [appointments, series, sheets, workshops, calls] = await Promise.all([
    appointmentCounts(db, territory.id, range),
    usageSeriesCounts(db, territory.id, range),
    sheetCounts(db, territory.id, { from: fromDay, until: addDays(today, 1) }),
    workshopCounts(db, territory.id, range),
    callCounts(db, territory.id, range, territory.timeZone),
  ]);
  return { territory, period, fromDay, today, appointments, series, sheets, workshops, calls };
}
