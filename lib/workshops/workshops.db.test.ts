import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { addPerson, cancelSession, commandRegistration, createSession } from "./editing";
import { cancelSeatByToken, requestSeat } from "./public";
import { organiserSession, upcomingSessions, workshopCounts } from "./queries";
import { sessionSchema } from "./schemas";
import { loadActor } from "@/lib/auth/actor";

process.env.TOILE_DATA_KEY ??= Buffer.alloc(32, 7).toString("base64");

const now = new Date("2026-11-23T09:00:00Z"); // Monday
let structureId: string;
let offerId: string;
let placeId: string;
let ip = 0;
const context = () => ({ ip: `10.0.0.${++ip}`, origin: "https://toile.test", now });

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Ateliers numériques du samedi" }, include: { places: true } });
  structureId = offer.structureId;
  offerId = offer.id;
  placeId = offer.places[0]!.placeId;
});

const newSession = async (changes: Record<string, unknown> = {}) => {
  const input = sessionSchema.parse({
    structureId,
    offerId,
    placeId,
    theme: "Se servir de son smartphone",
    date: "2026-11-28",
    startTime: "10:00",
    endTime: "12:00",
    capacity: "8",
    equipment: "provided",
    residentsMayAsk: "on",
    ...changes,
  });
  const created = await createSession(db, input, now);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.sessionId;
};

const statuses = async (sessionId: string) =>
  (await db.workshopRegistration.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: { personLabel: true, status: true } })).map(
    (registration) => `${registration.personLabel}:${registration.status}`,
  );

describe("a workshop session", () => {
  it("is created in the territory's time zone, and refused in the past or at another structure's place", async () => {
    const sessionId = await newSession();
    const session = await db.workshopSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.startsAt.toISOString()).toBe("2026-11-28T09:00:00.000Z");
    expect(session.capacity).toBe(8);
    const past = sessionSchema.parse({ structureId, offerId, theme: "x", date: "2026-11-20", startTime: "10:00", endTime: "11:00", capacity: "8", equipment: "provided" });
    expect(await createSession(db, past, now)).toMatchObject({ ok: false, code: "workshop.in_the_past", field: "date" });
    const elsewhere = (await db.place.findFirstOrThrow({ where: { name: "Espace France Services" } })).id;
    expect(await createSession(db, { ...past, date: "2026-12-05", placeId: elsewhere }, now)).toMatchObject({ ok: false, code: "workshop.place_unknown" });
    expect(sessionSchema.safeParse({ structureId, offerId, theme: "x", date: "2026-12-05", startTime: "11:00", endTime: "10:00", capacity: "8", equipment: "provided" }).success).toBe(false);
  });

  it("seats the first eight, puts the ninth on the waiting list, and moves them up when someone cancels", async () => {
    const sessionId = await newSession({ theme: "Les courriels" });
    for (let index = 1; index <= 7; index++) expect(await addPerson(db, { structureId, sessionId, personLabel: `P${index}` }, now)).toMatchObject({ ok: true, status: "confirmed" });

    // A resident asks; the organiser confirms: the eighth seat.
    const asked = await requestSeat(db, { territorySlug: DEMO_TERRITORY_SLUG, sessionId, personLabel: "Inès", email: "ines@exemple.fr", phone: null, locale: "fr" }, context());
    if (!asked.ok) throw new Error("refused");
    const ines = await db.workshopRegistration.findFirstOrThrow({ where: { sessionId, personLabel: "Inès" } });
    expect(ines.status).toBe("requested");
    expect(ines.personalDetailsEncrypted).not.toContain("ines@exemple.fr");
    expect(await commandRegistration(db, { structureId, sessionId, registrationId: ines.id, command: "confirm" }, now)).toEqual({ ok: true });

    // The ninth asker lands on the waiting list once confirmed.
    const ninth = await requestSeat(db, { territorySlug: DEMO_TERRITORY_SLUG, sessionId, personLabel: "Marc", email: "marc@exemple.fr", phone: null, locale: "fr" }, context());
    const marc = await db.workshopRegistration.findFirstOrThrow({ where: { sessionId, personLabel: "Marc" } });
    await commandRegistration(db, { structureId, sessionId, registrationId: marc.id, command: "confirm" }, now);
    expect((await statuses(sessionId)).slice(-2)).toEqual(["Inès:confirmed", "Marc:waitlisted"]);
    const waitlistedEmail = await db.outboxEmail.findFirstOrThrow({ where: { to: "marc@exemple.fr", subject: { startsWith: "Vous êtes sur la liste" } } });
    expect(waitlistedEmail.text).toContain("Les courriels");

    // Inès cancels from her link: Marc moves up and is told.
    if (!ninth.ok) throw new Error("refused");
    expect(await cancelSeatByToken(db, DEMO_TERRITORY_SLUG, asked.token, now)).toEqual({ ok: true });
    expect((await statuses(sessionId)).slice(-2)).toEqual(["Inès:cancelled", "Marc:confirmed"]);
    expect(await db.outboxEmail.count({ where: { to: "marc@exemple.fr", subject: { startsWith: "Une place s'est libérée" } } })).toBe(1);
    expect(await cancelSeatByToken(db, DEMO_TERRITORY_SLUG, asked.token, now)).toEqual({ ok: false, reason: "link_used" });
    expect(await cancelSeatByToken(db, "another-territory", ninth.token, now)).toBeNull();
  });

  it("lets only the organiser's structure act, once per command, attendance once started", async () => {
    const sessionId = await newSession({ theme: "Ranger ses photos" });
    await addPerson(db, { structureId, sessionId, personLabel: "Léa" }, now);
    const lea = await db.workshopRegistration.findFirstOrThrow({ where: { sessionId, personLabel: "Léa" } });
    const other = (await db.structure.findFirstOrThrow({ where: { name: "Espace France Services du Val de Lise" } })).id;
    expect(await commandRegistration(db, { structureId: other, sessionId, registrationId: lea.id, command: "cancel" }, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await commandRegistration(db, { structureId, sessionId, registrationId: lea.id, command: "attended" }, now)).toMatchObject({ ok: false, code: "workshop.not_started" });
    const later = new Date("2026-11-28T10:00:00Z");
    expect(await commandRegistration(db, { structureId, sessionId, registrationId: lea.id, command: "attended" }, later)).toEqual({ ok: true });
    expect(await commandRegistration(db, { structureId, sessionId, registrationId: lea.id, command: "confirm" }, later)).toMatchObject({ ok: false, code: "workshop.already_changed" });
    const { territoryId } = await db.workshopSession.findUniqueOrThrow({ where: { id: sessionId } });
    const counts = await workshopCounts(db, territoryId, { from: new Date("2026-11-28T00:00:00Z"), until: new Date("2026-11-29T00:00:00Z") });
    expect(counts).toMatchObject({ attended: 1 });
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
  });

  it("tells the people when it is cancelled, and takes no more requests", async () => {
    const sessionId = await newSession({ theme: "Éviter les arnaques" });
    await requestSeat(db, { territorySlug: DEMO_TERRITORY_SLUG, sessionId, personLabel: "Nour", email: "nour@exemple.fr", phone: null, locale: "fr" }, context());
    expect(await cancelSession(db, structureId, sessionId, "Salle indisponible")).toEqual({ ok: true });
    expect((await db.outboxEmail.findFirstOrThrow({ where: { to: "nour@exemple.fr", subject: { startsWith: "Atelier annulé" } } })).text).toContain("Salle indisponible");
    expect(await requestSeat(db, { territorySlug: DEMO_TERRITORY_SLUG, sessionId, personLabel: "Zoé", email: "zoe@exemple.fr", phone: null, locale: "fr" }, context())).toEqual({ ok: false, reason: "closed" });
    expect((await upcomingSessions(db, { offerId }, { from: now, until: new Date("2027-01-01T00:00:00Z") })).some((session) => session.id === sessionId)).toBe(false);
  });

  it("holds requests per contact: the sixth of the day is refused", async () => {
    const sessionId = await newSession({ theme: "Limites" });
    const ask = () => requestSeat(db, { territorySlug: DEMO_TERRITORY_SLUG, sessionId, personLabel: "Bot", email: "bot@exemple.fr", phone: null, locale: "fr" }, context());
    for (let index = 0; index < 5; index++) expect((await ask()).ok).toBe(true);
    expect(await ask()).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("shows the organiser the contacts the person consented to give, and a territory's upcoming sessions with seats left", async () => {
    const sessionId = await newSession({ theme: "Contacts", capacity: "5" });
    await requestSeat(db, { territorySlug: DEMO_TERRITORY_SLUG, sessionId, personLabel: "Awa", email: null, phone: "06 11 22 33 44", locale: "fr" }, context());
    await addPerson(db, { structureId, sessionId, personLabel: "Paul" }, now);
    const organiser = await db.user.findUniqueOrThrow({ where: { email: "animation@mediatheque.exemple.fr" } });
    const page = await organiserSession(db, (await loadActor(db, organiser.id))!, structureId, sessionId);
    expect(page?.requested.map((person) => [person.personLabel, person.phone])).toEqual([["Awa", "06 11 22 33 44"]]);
    const outsider = await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } });
    expect(await organiserSession(db, (await loadActor(db, outsider.id))!, structureId, sessionId)).toBeNull();
    const listed = (await upcomingSessions(db, { offerId }, { from: now, until: new Date("2027-01-01T00:00:00Z") })).find((session) => session.id === sessionId);
    expect(listed).toMatchObject({ capacity: 5, seatsLeft: 4, placeName: "Médiathèque" });
  });
});

describe("50 tries for the last seat, five at the same moment", () => {
  // 50 tries at once over five clients with a connection each: truly parallel on a PostgreSQL
  // server (CI). The embedded database is one PostgreSQL session under every connection, so
  // transactions from several connections would interleave in it: there, one client makes the 50
  // tries in turn and the test checks the count only.
  const clients = Array.from({ length: process.env.TEST_DATABASE_URL ? 5 : 1 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
  afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

  it("gives it to exactly one; the 49 others are on the waiting list", async () => {
    const sessionId = await newSession({ theme: "Dernière place" });
    for (let index = 1; index <= 7; index++) await addPerson(db, { structureId, sessionId, personLabel: `Déjà ${index}` }, now);
    const tries = Array.from({ length: 50 }, (_, index) => () =>
      addPerson(clients[index % clients.length] as unknown as typeof db, { structureId, sessionId, personLabel: `Essai ${index}` }, now),
    );
    const results = [];
    if (clients.length > 1) results.push(...(await Promise.all(tries.map((attempt) => attempt()))));
    else for (const attempt of tries) results.push(await attempt());
    expect(results.filter((result) => result.ok && result.status === "confirmed")).toHaveLength(1);
    expect(results.filter((result) => result.ok && result.status === "waitlisted")).toHaveLength(49);
    expect(await db.workshopRegistration.count({ where: { sessionId, status: "confirmed" } })).toBe(8);
  });
});
