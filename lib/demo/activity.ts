/**
 * The demo territory's past five months of network activity (issue 19), so that its indicators
 * have something to show: parcours of one to three transfers between the demo's structures, with
 * declines, expiries, cancellations, outcomes and ping-pong (the CCAS sending back to France
 * Services a person France Services had sent); the informaticien public's permanence sign-up sheets
 * (seed 003: smartphone questions fade at the Médiathèque over the months); Sophie Leroy's past
 * appointments; and the phone line's calls. Every transfer is closed, so that no demo inbox has
 * anything waiting. Generated from a fixed sequence: the same rows, relative to `now`, every time.
 * Loaded with the demo by `prepareDatabase`, not by `seedDemoTerritory` (the tests' territory).
 */
import type { PrismaClient } from "@/lib/db";
import type { DeclineReason, Prisma, TransferLevel, TransferOutcome, TransferStatus } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/hours/holidays";
import { localTime, zonedInstant } from "@/lib/hours/rules";
import { listItems } from "@/lib/territory-lists/queries";
import { newTransferCode } from "@/lib/transfers/code";
import { DEMO_TERRITORY_SLUG } from "./territory";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = "Europe/Paris";

/** A fixed sequence (Park–Miller): the same demo on every machine. */
function sequence(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  return {
    next,
    below: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    weighted: <T>(list: readonly [T, number][]): T => {
      let draw = next() * list.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [item, weight] of list) if ((draw -= weight) < 0) return item;
      return list.at(-1)![0];
    },
  };
}

type Key = "france-services" | "mediatheque" | "ccas" | "bij" | "departement" | "lien-numerique" | "centre-social" | "repair-cafe";

/** Who orients whom in the demo, and how often: the first transfer of a parcours. */
const FIRST_FLOWS: [[Key, Key], number][] = [
  [["mediatheque", "france-services"], 8],
  [["centre-social", "france-services"], 6],
  [["bij", "france-services"], 3],
  [["france-services", "ccas"], 6],
  [["france-services", "departement"], 4],
  [["ccas", "departement"], 3],
  [["lien-numerique", "repair-cafe"], 3],
  [["mediatheque", "lien-numerique"], 3],
  [["centre-social", "ccas"], 3],
  [["france-services", "mediatheque"], 2],
];

/** Where a receiver sends the person on, when it does. */
const NEXT_FLOWS: Partial<Record<Key, Key[]>> = {
  "france-services": ["ccas", "departement", "mediatheque"],
  ccas: ["departement", "france-services"],
  departement: ["ccas"],
  mediatheque: ["lien-numerique", "france-services"],
  "lien-numerique": ["repair-cafe", "france-services"],
  bij: ["france-services"],
  "centre-social": ["france-services"],
  "repair-cafe": ["lien-numerique"],
};

const NEEDS: Partial<Record<Key, string>> = {
  "france-services": "Démarche en ligne (CAF, impôts, ANTS)",
  ccas: "Aide sociale, dossier à constituer",
  departement: "Question de droits sociaux",
  mediatheque: "Apprendre les bases de l'ordinateur",
  "lien-numerique": "Smartphone à configurer",
  "repair-cafe": "Ordinateur à réparer",
};

interface Step {
  from: Key;
  to: Key;
  level: TransferLevel;
  status: TransferStatus;
  sentAt: Date;
  acknowledgedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date;
  declineReason: DeclineReason | null;
  outcome: TransferOutcome | null;
}

/** A weekday business hour, `days` before now. */
function workingInstant(now: Date, days: number, minute: number): Date {
  let date = addDays(localTime(now, ZONE).date, -days);
  while ([6, 7].includes(localTime(zonedInstant(date, 720, ZONE), ZONE).weekday)) date = addDays(date, -1);
  return zonedInstant(date, minute, ZONE);
}

/** The parcours: 110 of them begun between 200 and 50 days ago, every transfer closed before now. */
export function demoParcours(now: Date): Step[][] {
  const random = sequence(19);
  const parcours: Step[][] = [];
  for (let index = 0; index < 110; index++) {
    const [firstFrom, firstTo] = random.weighted(FIRST_FLOWS);
    const length = random.weighted([[1, 65], [2, 25], [3, 10]] as const);
    let sentAt = workingInstant(now, 50 + random.below(150), 9 * 60 + random.below(8 * 60));
    const steps: Step[] = [];
    let from = firstFrom;
    let to = firstTo;
    for (let position = 0; position < length; position++) {
      const last = position === length - 1;
      const status: TransferStatus = last
        ? random.weighted([["completed", 62], ["declined", 16], ["expired", 12], ["cancelled", 10]] as const)
        : random.weighted([["declined", 60], ["completed", 40]] as const);
      const answered = status !== "expired" && !(status === "cancelled" && random.next() < 0.5);
      const acknowledgedAt = answered && !(status === "declined" && random.next() < 0.4) ? new Date(sentAt.getTime() + HOUR + random.below(60) * HOUR) : null;
      const acceptedAt = status === "completed" || (status === "cancelled" && acknowledgedAt) ? new Date((acknowledgedAt ?? sentAt).getTime() + random.below(30) * HOUR) : null;
      const closedAt = new Date((acceptedAt ?? acknowledgedAt ?? sentAt).getTime() + (status === "expired" ? 14 * DAY : HOUR + random.below(10) * DAY));
      steps.push({
        from,
        to,
        level: random.weighted([["simple", 45], ["accompanied", 40], ["augmented", 15]] as const),
        status,
        sentAt,
        acknowledgedAt,
        acceptedAt,
        closedAt,
        declineReason: status === "declined" ? random.weighted([["no_capacity", 4], ["not_eligible", 3], ["out_of_area", 2], ["missing_information", 1]] as const) : null,
        outcome:
          status !== "completed"
            ? null
            : last
              ? random.weighted([["resolved", 55], ["partially_resolved", 15], ["not_resolved_no_show", 15], ["unknown", 15]] as const)
              : "not_resolved_referred_elsewhere",
      });
      // Onwards: the receiver sends the person on — back to a structure already met, one time in four.
      const met = steps.flatMap((step) => [step.from, step.to]).filter((key) => key !== to);
      from = to;
      to = random.next() < 0.25 && met.length > 0 ? random.pick(met) : random.pick(NEXT_FLOWS[from] ?? ["france-services"]);
      sentAt = new Date(closedAt.getTime() + HOUR + random.below(48) * HOUR);
    }
    parcours.push(steps);
  }
  return parcours;
}

export async function seedDemoActivity(db: PrismaClient, now: Date): Promise<void> {
  const territory = await db.territory.findUniqueOrThrow({ where: { slug: DEMO_TERRITORY_SLUG }, select: { id: true } });
  const structures = await db.structure.findMany({
    where: { territoryId: territory.id },
    select: {
      id: true,
      name: true,
      memberships: { select: { userId: true }, orderBy: { createdAt: "asc" }, take: 1 },
      offers: {
        where: { status: "published" },
        orderBy: { title: "asc" },
        select: { id: true, terms: { where: { term: { vocabulary: { role: "need" } } }, select: { termId: true } } },
      },
    },
  });
  const byKey = new Map<Key, (typeof structures)[number]>();
  const names: Record<Key, string> = {
    "france-services": "Espace France Services du Val de Lise",
    mediatheque: "Médiathèque Jean-de-La-Fontaine",
    ccas: "CCAS de Château-Thierry",
    bij: "Bureau Information Jeunesse",
    departement: "Maison départementale des solidarités — permanence du Val de Lise",
    "lien-numerique": "Association Lien numérique",
    "centre-social": "Centre social des Tilleuls",
    "repair-cafe": "Repair café du Val de Lise",
  };
  for (const [key, name] of Object.entries(names) as [Key, string][]) {
    const structure = structures.find((candidate) => candidate.name === name);
    if (structure) byKey.set(key, structure);
  }
  const random = sequence(7);
  const codes = (max: number) => random.below(max);
  const transfers: Prisma.TransferCreateManyInput[] = [];
  const events: Prisma.TransferEventCreateManyInput[] = [];
  for (const [number, steps] of demoParcours(now).entries()) {
    let parcoursId: string | null = null;
    let previousTransferId: string | null = null;
    for (const [position, step] of steps.entries()) {
      const sender = byKey.get(step.from);
      const receiver = byKey.get(step.to);
      if (!sender || !receiver) break;
      const id = crypto.randomUUID();
      parcoursId ??= id;
      const offer = receiver.offers[0];
      const senderUser = sender.memberships[0]?.userId ?? null;
      const receiverUser = receiver.memberships[0]?.userId ?? null;
      transfers.push({
        id,
        code: newTransferCode(codes),
        territoryId: territory.id,
        parcoursId,
        previousTransferId,
        fromStructureId: sender.id,
        toStructureId: receiver.id,
        offerId: offer?.id ?? null,
        needTermId: offer?.terms[0]?.termId ?? null,
        createdById: senderUser,
        idempotencyKey: `demo-activity-${number}-${position}`,
        level: step.level,
        status: step.status,
        needDescription: NEEDS[step.to] ?? "Accompagnement numérique",
        equipment: [],
        consentScope: [],
        sentAt: step.sentAt,
        acknowledgedAt: step.acknowledgedAt,
        acceptedAt: step.acceptedAt,
        closedAt: step.closedAt,
        declineReason: step.declineReason,
        cancelReason: step.status === "cancelled" ? "La personne a trouvé une solution entre-temps." : null,
        outcome: step.outcome,
        outcomeRecordedAt: step.outcome ? step.closedAt : null,
        createdAt: new Date(step.sentAt.getTime() - 10 * 60_000),
      });
      const event = (type: string, fromStatus: TransferStatus | null, toStatus: TransferStatus, at: Date, actorId: string | null, details?: Record<string, string>) =>
        events.push({ transferId: id, type, fromStatus, toStatus, createdAt: at, actorId, details });
      event("created", null, "draft", new Date(step.sentAt.getTime() - 10 * 60_000), senderUser);
      event("sent", "draft", "sent", step.sentAt, senderUser);
      let status: TransferStatus = "sent";
      if (step.acknowledgedAt) event("acknowledged", status, (status = "acknowledged"), step.acknowledgedAt, receiverUser);
      if (step.acceptedAt) event("accepted", status, (status = "accepted"), step.acceptedAt, receiverUser);
      if (step.status === "completed") event("completed", status, "completed", step.closedAt, receiverUser, { outcome: step.outcome! });
      if (step.status === "declined") event("declined", status, "declined", step.closedAt, receiverUser, { reason: step.declineReason! });
      if (step.status === "cancelled") event("cancelled", status, "cancelled", step.closedAt, senderUser, { reason: "La personne a trouvé une solution entre-temps." });
      if (step.status === "expired") event("expired", status, "expired", step.closedAt, null);
      previousTransferId = id;
    }
  }
  await db.$transaction(async (tx) => {
    await tx.transfer.createMany({ data: transfers });
    await tx.transferEvent.createMany({ data: events });
  });
  await seedPastSheets(db, territory.id, now);
  await seedPastAppointments(db, territory.id, now);
  await seedPastCalls(db, territory.id, now);
}

/**
 * The informaticien public's weekly permanence at the Maison de quartier des Tilleuls (Tuesday
 * afternoon) and at the Médiathèque (Thursday morning), twenty weeks back: four to nine people a
 * time, their requests in seed 003's categories. At the Médiathèque, smartphone questions fade
 * over the months while online procedures grow.
 */
async function seedPastSheets(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  const offer = await db.offer.findFirst({
    where: { territoryId, title: "Permanence de l'informaticien public" },
    select: { id: true, places: { select: { placeId: true, place: { select: { name: true } } } } },
  });
  if (!offer) return;
  const categories = await listItems(db, territoryId, "request_category");
  const category = (label: string) => categories.find((item) => item.label.startsWith(label))?.id ?? null;
  const random = sequence(3);
  const today = localTime(now, ZONE);
  for (const { placeId, place } of offer.places) {
    const atLibrary = place.name === "Médiathèque";
    const weekday = atLibrary ? 4 : 2;
    const startMinute = atLibrary ? 9 * 60 + 30 : 14 * 60;
    for (let week = 20; week >= 1; week--) {
      const date = addDays(today.date, -((today.weekday - weekday + 7) % 7) - week * 7);
      const fading = week / 20; // 1 twenty weeks ago, towards 0 now
      const lines = 4 + random.below(6);
      await db.permanenceSheet.create({
        data: {
          territoryId,
          offerId: offer.id,
          placeId,
          date: new Date(`${date}T00:00:00Z`),
          startMinute,
          endMinute: startMinute + (atLibrary ? 150 : 180),
          lines: {
            create: Array.from({ length: lines }, (_, index) => {
              const label = random.weighted([
                ["Installation d'applications", atLibrary ? 1 + 8 * fading : 3],
                ["Récupération de mot de passe", 3],
                ["Utilisation des plateformes administratives", atLibrary ? 1 + 4 * (1 - fading) : 2],
                ["Opérations bancaires", 2],
                ["Prolongation d'inscription", 1],
                ["Recherche d'emploi", 1],
                ["Utilisation du traducteur", atLibrary ? 0.5 : 2],
                ["Autre demande", 1],
              ] as const);
              return {
                timeMinute: startMinute + index * 20,
                walkIn: random.next() < 0.3,
                categoryId: category(label),
                result: random.weighted([["solved", 6], ["to_continue", 2], ["appointment_given", 1], ["redirected", 1]] as const),
              };
            }),
          },
        },
      });
    }
  }
}

/** Sophie Leroy's appointments at the Espace France Services, Tuesday and Thursday afternoons, the last sixteen weeks. */
async function seedPastAppointments(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  const offer = await db.offer.findFirst({
    where: { territoryId, title: "Aide aux démarches administratives en ligne" },
    select: { id: true, structureId: true, places: { select: { placeId: true } } },
  });
  const sophie = await db.user.findUnique({ where: { email: "accueil@franceservices.exemple.fr" }, select: { id: true } });
  if (!offer || !sophie) return;
  const random = sequence(5);
  const today = localTime(now, ZONE);
  const rows: Prisma.AppointmentCreateManyInput[] = [];
  for (let week = 16; week >= 1; week--) {
    for (const weekday of [2, 4]) {
      const date = addDays(today.date, -((today.weekday - weekday + 7) % 7) - week * 7);
      for (let slot = 0; slot < 4; slot++) {
        if (random.next() < 0.35) continue;
        const startsAt = zonedInstant(date, 14 * 60 + slot * 45, ZONE);
        const status = random.weighted([["attended", 72], ["no_show", 14], ["cancelled", 14]] as const);
        rows.push({
          territoryId,
          structureId: offer.structureId,
          offerId: offer.id,
          placeId: offer.places[0]?.placeId ?? null,
          mediatorId: sophie.id,
          kind: "procedure",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
          status,
          channel: random.weighted([["resident", 4], ["staff", 3], ["transfer", 2]] as const),
          consentScope: [],
          bookedById: sophie.id,
          attendanceRecordedAt: status === "cancelled" ? null : new Date(startsAt.getTime() + 45 * 60_000),
          cancelledAt: status === "cancelled" ? new Date(startsAt.getTime() - DAY) : null,
          cancelledBy: status === "cancelled" ? "staff" : null,
          createdAt: new Date(startsAt.getTime() - 7 * DAY),
        });
      }
    }
  }
  await db.appointment.createMany({ data: rows });
}

/** The phone line's calls on its Tuesday and Thursday mornings, the last twelve weeks. */
async function seedPastCalls(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  const line = await db.offer.findFirst({ where: { territoryId, phoneLine: true }, select: { id: true, structureId: true } });
  if (!line) return;
  const ines = await db.user.findUnique({ where: { email: "ligne@val-de-lise.exemple.fr" }, select: { id: true } });
  const categories = await listItems(db, territoryId, "request_category");
  const random = sequence(11);
  const today = localTime(now, ZONE);
  const rows: Prisma.PhoneCallCreateManyInput[] = [];
  for (let week = 12; week >= 1; week--) {
    for (const weekday of [2, 4]) {
      const date = addDays(today.date, -((today.weekday - weekday + 7) % 7) - week * 7);
      const calls = 3 + random.below(6);
      for (let index = 0; index < calls; index++) {
        const startedAt = zonedInstant(date, 9 * 60 + random.below(170), ZONE);
        const durationSeconds = 120 + random.below(600);
        rows.push({
          territoryId,
          structureId: line.structureId,
          offerId: line.id,
          takenById: ines?.id ?? null,
          startedAt,
          endedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
          durationSeconds,
          categoryItemId: random.pick(categories).id,
          equipment: [],
          outcome: random.weighted([["answered_on_phone", 5], ["come_to_permanence", 3], ["appointment_given", 2], ["redirected", 2], ["other", 1]] as const),
        });
      }
    }
  }
  await db.phoneCall.createMany({ data: rows });
}
