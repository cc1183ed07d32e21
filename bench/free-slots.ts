/**
 * The free-slots case of `npm run bench` (issue 17): a territory with 300 mediators and a year of
 * availability, generated deterministically (a seeded random source) into the bench's embedded
 * database, after the demo territory. 100 offers, copies of the demo's "Aide aux démarches
 * administratives en ligne" at the Espace France Services, 3 mediators each; every mediator has 2
 * to 4 weekly patterns for 52 weeks, about 60 % of their slots of the next 8 weeks booked, and
 * two absences in the year. Then p50 / p95 of "the next 5 free slots of an offer"
 * (`findFreeSlots`), of the residents' "free slot this week" filter (`offersWithFreeSlot` for the
 * territory), and of the plain search beside the search with that filter.
 */
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@/lib/db";
import { findFreeSlots } from "@/lib/agenda/free-slots";
import { freeSlots, slotKeyOf, type AvailabilityRule } from "@/lib/agenda/slots";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { addDays } from "@/lib/hours/holidays";
import { localTime } from "@/lib/hours/rules";
import { parseSearchFilters } from "@/lib/public-search/filters";
import { searchOffers } from "@/lib/public-search/queries";
import { endOfWeek, offersWithFreeSlot } from "@/lib/resident-booking/free-this-week";
import { percentile } from "./load";

const SOURCE_OFFER = "Aide aux démarches administratives en ligne";
const MEDIATORS_PER_OFFER = 3;
const WEEKS = 52;
const BOOKED_WEEKS = 8;
const BOOKED_SHARE = 0.6;

/** mulberry32: a small seeded random source, so that the same seed gives the same agendas. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID made from a name (md5 in PostgreSQL, the same everywhere), so ids are reproducible. */
const idSql = (name: string) => `md5('${name}')::uuid`;

/** Tuesday to Friday, inside the Espace France Services' hours (10–12, 14–17). */
const WINDOWS = [
  { weekday: 2, start: 600, end: 720 },
  { weekday: 2, start: 840, end: 1020 },
  { weekday: 3, start: 600, end: 720 },
  { weekday: 3, start: 840, end: 1020 },
  { weekday: 4, start: 600, end: 1020 },
  { weekday: 5, start: 600, end: 720 },
  { weekday: 5, start: 840, end: 1020 },
];
const SLOT_LENGTHS = [30, 45, 60];

export interface AgendaBenchCounts {
  offers: number;
  mediators: number;
  patterns: number;
  appointments: number;
  absences: number;
}

/** Writes the agendas of `mediators` mediators (3 per offer) from `now` on. Returns the counts and the offers' ids. */
export async function seedAgendaBench(db: PrismaClient, { now, mediators = 300, seed = 1 }: { now: Date; mediators?: number; seed?: number }) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const source = await db.offer.findFirstOrThrow({ where: { title: SOURCE_OFFER, territory: { slug: DEMO_TERRITORY_SLUG } }, include: { places: true, territory: true } });
  const { timeZone } = source.territory;
  const offerCount = Math.ceil(mediators / MEDIATORS_PER_OFFER);
  // Offers: copies of the source, row for row, with their own id and title (the database bumps the search version).
  for (let index = 0; index < offerCount; index++) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Offer" SELECT (jsonb_populate_record(NULL::"Offer", to_jsonb(o) || jsonb_build_object('id', ${idSql(`bench-offer-${seed}-${index}`)}, 'title', $2::text))).* FROM "Offer" o WHERE o.id = $1::uuid`,
      source.id,
      `${SOURCE_OFFER} (banc ${index + 1})`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "OfferPlace" SELECT (jsonb_populate_record(NULL::"OfferPlace", to_jsonb(op) || jsonb_build_object('id', gen_random_uuid(), 'offerId', ${idSql(`bench-offer-${seed}-${index}`)}))).* FROM "OfferPlace" op WHERE op."offerId" = $1::uuid`,
      source.id,
    );
  }
  const offerIds = (await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Offer" WHERE id IN (${Array.from({ length: offerCount }, (_, index) => idSql(`bench-offer-${seed}-${index}`)).join(", ")}) ORDER BY title`,
  )).map((row) => row.id);
  await db.user.createMany({ data: Array.from({ length: mediators }, (_, index) => ({ email: `bench-mediateur-${seed}-${index}@bench.exemple` })), skipDuplicates: true });
  const users = await db.user.findMany({ where: { email: { startsWith: `bench-mediateur-${seed}-` } }, select: { id: true, email: true } });
  const mediatorIds = users.sort((a, b) => Number(a.email.split("-").at(-1)!.split("@")[0]) - Number(b.email.split("-").at(-1)!.split("@")[0])).map((user) => user.id);

  const today = localTime(now, timeZone).date;
  const validFrom = new Date(`${today}T00:00:00Z`);
  const validUntil = new Date(`${addDays(today, WEEKS * 7 - 1)}T00:00:00Z`);
  const placeId = source.places[0]!.placeId;
  const patterns: AvailabilityRule[] = [];
  const absences: { structureId: string; mediatorId: string; startsOn: Date; endsOn: Date; label: string }[] = [];
  mediatorIds.forEach((mediatorId, index) => {
    const offerId = offerIds[Math.floor(index / MEDIATORS_PER_OFFER)]!;
    const windows = [...WINDOWS].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
    for (const window of windows) {
      patterns.push({ id: "", mediatorId, offerId, placeId, kind: "procedure", weekday: window.weekday, startMinute: window.start, endMinute: window.end, slotMinutes: pick(SLOT_LENGTHS), validFrom: today, validUntil: validUntil.toISOString().slice(0, 10) });
    }
    for (let absence = 0; absence < 2; absence++) {
      const start = addDays(today, 14 + Math.floor(random() * 330));
      absences.push({ structureId: source.structureId, mediatorId, startsOn: new Date(`${start}T00:00:00Z`), endsOn: new Date(`${addDays(start, 4 + Math.floor(random() * 10))}T00:00:00Z`), label: "Congés" });
    }
  });
  await db.availabilityPattern.createMany({
    data: patterns.map((pattern) => ({
      mediatorId: pattern.mediatorId,
      offerId: pattern.offerId,
      placeId: pattern.placeId,
      kind: pattern.kind,
      weekday: pattern.weekday,
      startMinute: pattern.startMinute,
      endMinute: pattern.endMinute,
      slotMinutes: pattern.slotMinutes,
      structureId: source.structureId,
      validFrom,
      validUntil,
    })),
  });
  await db.agendaAbsence.createMany({ data: absences });

  // Bookings: a share of the slots of the next weeks, drawn from the free slots themselves.
  const slots = freeSlots({
    patterns,
    absences: [],
    busy: [],
    schedules: new Map(),
    from: now,
    until: new Date(now.getTime() + BOOKED_WEEKS * 7 * 86_400_000),
    timeZone,
    country: source.territory.country as "FR" | "BE",
  });
  const appointments = slots
    .filter(() => random() < BOOKED_SHARE)
    .map((slot) => ({
      territoryId: source.territoryId,
      structureId: source.structureId,
      offerId: slot.offerId,
      placeId,
      mediatorId: slot.mediatorId,
      kind: "procedure" as const,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      slotKey: slotKeyOf(slot.mediatorId, slot.startsAt),
      channel: "staff" as const,
      personLabel: "Banc",
    }));
  for (let start = 0; start < appointments.length; start += 1000) await db.appointment.createMany({ data: appointments.slice(start, start + 1000) });
  const counts: AgendaBenchCounts = { offers: offerIds.length, mediators: mediatorIds.length, patterns: patterns.length, appointments: appointments.length, absences: absences.length };
  return { counts, offerIds, territoryId: source.territoryId, timeZone };
}

async function timed(runs: number, run: (index: number) => Promise<unknown>) {
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run(index);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return `p50 ${percentile(timings, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(timings, 95).toFixed(1).padStart(7)} ms   (${runs} runs)`;
}

/** Seeds the agendas into the bench's database (after the demo) and prints the measures. */
export async function benchFreeSlots(db: PrismaClient, now = new Date()): Promise<void> {
  console.log("\n— Créneaux libres (issue 17) : 300 médiateurs, un an de disponibilités —");
  let started = performance.now();
  const { counts, offerIds, territoryId, timeZone } = await seedAgendaBench(db, { now });
  console.log(
    `données : ${counts.offers} offres, ${counts.mediators} médiateurs, ${counts.patterns} disponibilités hebdomadaires sur 52 semaines, ${counts.appointments} rendez-vous, ${counts.absences} absences (${(performance.now() - started).toFixed(0)} ms)`,
  );
  const until = new Date(now.getTime() + 90 * 86_400_000);
  await findFreeSlots(db, { offerId: offerIds[0]!, from: now, until, limit: 5 }); // warm-up
  console.log(`${"5 prochains créneaux d'une offre (findFreeSlots)".padEnd(58)} ${await timed(100, (index) => findFreeSlots(db, { offerId: offerIds[index % offerIds.length]!, from: now, until, limit: 5 }))}`);
  const weekEnd = endOfWeek(now, timeZone);
  const free = await offersWithFreeSlot(db, { territoryId, from: now, until: weekEnd });
  console.log(`${"offres avec un créneau libre cette semaine (territoire)".padEnd(58)} ${await timed(30, () => offersWithFreeSlot(db, { territoryId, from: now, until: weekEnd }))}   → ${free.size} offres`);
  const plain = parseSearchFilters({}).filters;
  const withSlot = parseSearchFilters({ creneau: "semaine" }).filters;
  started = performance.now();
  await searchOffers(db, DEMO_TERRITORY_SLUG, plain, now); // warm-up (the territory's index)
  console.log(`${"recherche publique sans filtre".padEnd(58)} ${await timed(30, () => searchOffers(db, DEMO_TERRITORY_SLUG, plain, now))}`);
  console.log(`${"recherche publique « créneau libre cette semaine »".padEnd(58)} ${await timed(30, () => searchOffers(db, DEMO_TERRITORY_SLUG, withSlot, now))}`);
}
