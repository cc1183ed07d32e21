/**
 * What the indicators' pages and their CSV downloads read (issue 19), with the one client bound:
 * a territory's dashboard for its coordinators (and platform admins), a structure's for its admins
 * (the flows it takes part in), the platform's for platform admins. Who may see what is the
 * policy's: a territory outside `territory.manage`'s scope, a structure outside
 * `structure.viewIndicators`'s, answer null (404).
 */
import { can, scopeFor, type Actor } from "@/lib/auth/policy";
import { withDb, type PrismaClient } from "@/lib/db";
import { localTime } from "@/lib/hours/rules";
import { buildDashboard } from "./dashboard";
import { thresholdFrom } from "./cells";
import { readPeriod } from "./period";

type Params = Record<string, string | string[] | undefined>;

const threshold = () => thresholdFrom(process.env.TOILE_INDICATORS_MIN_COUNT);

export async function territoryDashboard(client: PrismaClient, actor: Actor, slug: string, params: Params, now: Date) {
  const territory = await client.territory.findFirst({
    where: { AND: [{ slug }, scopeFor(actor, "territory.manage")] },
    select: { id: true, name: true, slug: true, timeZone: true, staleAfterMonths: true },
  });
  if (!territory) return null;
  const reading = readPeriod(params, localTime(now, territory.timeZone).date);
  const target = { kind: "territory", territoryId: territory.id, timeZone: territory.timeZone, staleAfterMonths: territory.staleAfterMonths } as const;
  return { territory, reading, threshold: threshold(), dashboard: await buildDashboard(client, target, reading.period, threshold(), now) };
}

export async function structureDashboard(client: PrismaClient, actor: Actor, structureId: string, params: Params, now: Date) {
  const structure = await client.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.viewIndicators")] },
    select: { id: true, name: true, territory: { select: { timeZone: true } } },
  });
  if (!structure) return null;
  const reading = readPeriod(params, localTime(now, structure.territory.timeZone).date);
  const target = { kind: "structure", structureId: structure.id, timeZone: structure.territory.timeZone } as const;
  return { structure, reading, threshold: threshold(), dashboard: await buildDashboard(client, target, reading.period, threshold(), now) };
}

export async function platformDashboard(client: PrismaClient, actor: Actor, params: Params, now: Date) {
  if (!can(actor, "platform.viewIndicators", null)) return null;
  const reading = readPeriod(params, localTime(now, "Europe/Paris").date);
  return { reading, threshold: threshold(), dashboard: await buildDashboard(client, { kind: "platform" }, reading.period, threshold(), now) };
}

export const loadTerritoryDashboard = withDb(territoryDashboard);
export const loadStructureDashboard = withDb(structureDashboard);
export const loadPlatformDashboard = withDb(platformDashboard);
