/**
 * The demo's time given to people (issue 17): mediators' agendas, workshop sessions. Dates are
 * relative to `now`, like the rest of the demo, so the demo always has things to come. Called once,
 * when the demo territory is created.
 */
import type { PrismaClient } from "@/lib/db";

export async function seedDemoTime(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  await seedDemoAgendas(db, territoryId, now);
  await seedDemoWorkshops(db, territoryId, now);
}

/** Mediators' weekly availability. */
async function seedDemoAgendas(_db: PrismaClient, _territoryId: string, _now: Date): Promise<void> {}

/** Workshop sessions on registration. */
async function seedDemoWorkshops(_db: PrismaClient, _territoryId: string, _now: Date): Promise<void> {}
