/**
 * "Usages" series: several sessions for one person to learn to use their devices, with the
 * skills to work on chosen from the territory's list (`usage_skill`), a planned number of
 * sessions (1–20) and, optionally, the transfer that led there. Sessions are appointments of the
 * series (`Appointment.seriesId`); the skills reached are recorded with each session's attendance
 * (lib/appointments/commands.ts). Seen by the structure's members and by the transfer's sender.
 */
import type { SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transferRefOf } from "@/lib/transfers/authorize";
import { listItems } from "@/lib/territory-lists/queries";

type Db = PrismaClient | Prisma.TransactionClient;

export interface SeriesInput {
  structureId: string;
  offerId: string | null;
  personLabel: string;
  skillIds: string[];
  plannedSessions: number;
  transferId: string | null;
}

export async function createSeries(db: PrismaClient, actor: SignedInActor, input: SeriesInput): Promise<{ ok: true; seriesId: string } | Refusal> {
  const structure = await db.structure.findUnique({ where: { id: input.structureId }, select: { id: true, territoryId: true } });
  if (!structure || !can(actor, "structure.receive", { structureId: structure.id, territoryId: structure.territoryId })) return refusal({ code: "not_found" });
  const offered = new Set((await listItems(db, structure.territoryId, "usage_skill")).map((item) => item.id));
  const skillIds = [...new Set(input.skillIds)].filter((id) => offered.has(id));
  if (skillIds.length === 0) return refusal({ code: "appointment.series_skills_missing" }, "skillIds");
  // A linked transfer must be one this structure receives (or sent).
  const transfer = input.transferId
    ? await db.transfer.findFirst({ where: { id: input.transferId, OR: [{ toStructureId: structure.id }, { fromStructureId: structure.id }] }, select: { id: true } })
    : null;
  const offer = input.offerId ? await db.offer.findFirst({ where: { id: input.offerId, structureId: structure.id }, select: { id: true } }) : null;
  const series = await db.usageSeries.create({
    data: {
      territoryId: structure.territoryId,
      structureId: structure.id,
      offerId: offer?.id ?? null,
      transferId: transfer?.id ?? null,
      createdById: actor.userId,
      personLabel: input.personLabel,
      plannedSessions: input.plannedSessions,
      skills: { create: skillIds.map((skillId) => ({ skillId })) },
    },
    select: { id: true },
  });
  return { ok: true, seriesId: series.id };
}

/** A series with its progress, when the actor is a member of its structure or the sender of its transfer; null otherwise. */
export async function seriesProgress(db: Db, actor: SignedInActor, seriesId: string) {
  const series = await db.usageSeries.findUnique({
    where: { id: seriesId },
    select: {
      id: true,
      personLabel: true,
      plannedSessions: true,
      offerId: true,
      structure: { select: { id: true, name: true, territoryId: true } },
      transfer: { select: { id: true, code: true, territoryId: true, fromStructureId: true, toStructureId: true, status: true } },
      skills: { select: { skill: { select: { id: true, label: true } } }, orderBy: { skill: { position: "asc" } } },
      appointments: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, status: true, skillsReached: { select: { skillId: true } } },
      },
    },
  });
  if (!series) return null;
  const asStructure = can(actor, "structure.receive", { structureId: series.structure.id, territoryId: series.structure.territoryId });
  const asSender = series.transfer ? can(actor, "transfer.actAsSender", transferRefOf(series.transfer)) : false;
  if (!asStructure && !asSender) return null;
  const sessions = series.appointments.filter((appointment) => appointment.status !== "cancelled");
  const reached = new Set(sessions.flatMap((session) => session.skillsReached.map(({ skillId }) => skillId)));
  const skills = series.skills.map(({ skill }) => ({ ...skill, reached: reached.has(skill.id) }));
  return {
    id: series.id,
    personLabel: series.personLabel,
    offerId: series.offerId,
    structure: { id: series.structure.id, name: series.structure.name },
    transfer: series.transfer ? { id: series.transfer.id, code: series.transfer.code } : null,
    asStructure,
    plannedSessions: series.plannedSessions,
    sessions: sessions.map(({ id, startsAt, status, skillsReached }) => ({ id, startsAt, status, skillIds: skillsReached.map(({ skillId }) => skillId) })),
    sessionsDone: sessions.filter((session) => session.status === "attended").length,
    skills,
    skillsReached: skills.filter((skill) => skill.reached).length,
  };
}

/**
 * Counts for the territory's indicators, without personal data: series created in the range,
 * sessions attended in the range, and how many times each skill was reached in the range.
 */
export async function usageSeriesCounts(db: Db, territoryId: string, range: { from: Date; until: Date }) {
  const [series, sessions, reached] = await Promise.all([
    db.usageSeries.count({ where: { territoryId, createdAt: { gte: range.from, lt: range.until } } }),
    db.appointment.count({ where: { territoryId, seriesId: { not: null }, status: "attended", startsAt: { gte: range.from, lt: range.until } } }),
    db.appointmentSkill.findMany({
      where: { appointment: { territoryId, status: "attended", startsAt: { gte: range.from, lt: range.until } } },
      select: { skill: { select: { label: true } } },
    }),
  ]);
  const perSkill = new Map<string, number>();
  for (const { skill } of reached) perSkill.set(skill.label, (perSkill.get(skill.label) ?? 0) + 1);
  return {
    series,
    sessions,
    skillsReached: [...perSkill].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr")),
  };
}
