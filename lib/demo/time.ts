/**
 * The demo's time given to people (issue 17): mediators' agendas, workshop sessions. Dates are
 * relative to `now`, like the rest of the demo, so the demo always has things to come. Called once,
 * when the demo territory is created.
 */
import type { PrismaClient } from "@/lib/db";
import { addDays } from "@/lib/hours/holidays";
import { localTime, zonedInstant } from "@/lib/hours/rules";

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

/** First names of the demo's registrations (no contact details: the organiser added them at the desk). */
const DEMO_FIRST_NAMES = ["Martine", "Yacine", "Odile", "Bernard", "Fatou", "Gérard", "Chantal", "Mehdi", "Josiane", "René"];

/**
 * Workshops on registration: the Médiathèque's "Ateliers numériques du samedi", the next four
 * Saturdays from 10:00 to 12:00, 8 seats, computers provided, residents may ask online. The first
 * is full (8 seats taken) with two people waiting.
 */
async function seedDemoWorkshops(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  const offer = await db.offer.findFirst({
    where: { territoryId, title: "Ateliers numériques du samedi" },
    select: { id: true, structureId: true, places: { select: { placeId: true } } },
  });
  if (!offer) return;
  const today = localTime(now, "Europe/Paris");
  const firstSaturday = addDays(today.date, ((6 - today.weekday + 7) % 7) + (today.weekday === 6 ? 7 : 0));
  const themes = ["Se servir de son smartphone", "Les courriels et les pièces jointes", "Ranger ses photos", "Éviter les arnaques en ligne"];
  for (const [index, theme] of themes.entries()) {
    const date = addDays(firstSaturday, index * 7);
    const session = await db.workshopSession.create({
      data: {
        territoryId,
        structureId: offer.structureId,
        offerId: offer.id,
        placeId: offer.places[0]?.placeId ?? null,
        theme,
        startsAt: zonedInstant(date, 10 * 60, "Europe/Paris"),
        endsAt: zonedInstant(date, 12 * 60, "Europe/Paris"),
        capacity: 8,
        equipment: "provided",
      },
      select: { id: true },
    });
    if (index > 0) continue;
    await db.workshopRegistration.createMany({
      data: DEMO_FIRST_NAMES.map((personLabel, position) => ({
        sessionId: session.id,
        channel: "staff" as const,
        personLabel,
        consentScope: [],
        ...(position < 8
          ? { status: "confirmed" as const, confirmedAt: now }
          : { status: "waitlisted" as const, waitlistedAt: new Date(now.getTime() + position * 60_000) }),
      })),
    });
  }
}
