/**
 * The demo's time given to people (issue 17): mediators' agendas, workshop sessions. Dates are
 * relative to `now`, like the rest of the demo, so the demo always has things to come. Called once,
 * when the demo territory is created.
 */
import type { PrismaClient } from "@/lib/db";
import { localTime } from "@/lib/hours/rules";

export async function seedDemoTime(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  await seedDemoAgendas(db, territoryId, now);
  await seedDemoWorkshops(db, territoryId, now);
}

/**
 * Mediators' weekly availability: Sophie Leroy receives at the Espace France Services on Tuesday
 * and Thursday afternoons (two half-days, the structure's limit), 45 minutes each, for online
 * procedures, from the day the demo is created; France Services lets residents book online.
 */
async function seedDemoAgendas(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  const offer = await db.offer.findFirst({
    where: { territoryId, title: "Aide aux démarches administratives en ligne" },
    select: { id: true, structureId: true, places: { select: { placeId: true, place: { select: { name: true } } } } },
  });
  const sophie = await db.user.findUnique({ where: { email: "accueil@franceservices.exemple.fr" }, select: { id: true } });
  const place = offer?.places.find((candidate) => candidate.place.name === "Espace France Services");
  if (!offer || !sophie || !place) return;
  await db.structure.update({ where: { id: offer.structureId }, data: { residentsBookOnline: true, appointmentHalfDaysPerWeek: 2 } });
  await db.availabilityPattern.createMany({
    data: [2, 4].map((weekday) => ({
      structureId: offer.structureId,
      mediatorId: sophie.id,
      offerId: offer.id,
      placeId: place.placeId,
      kind: "procedure" as const,
      weekday,
      startMinute: 14 * 60,
      endMinute: 17 * 60,
      slotMinutes: 45,
      validFrom: new Date(`${localTime(now, "Europe/Paris").date}T00:00:00Z`),
    })),
  });
}

/** Workshop sessions on registration. */
async function seedDemoWorkshops(_db: PrismaClient, _territoryId: string, _now: Date): Promise<void> {}
