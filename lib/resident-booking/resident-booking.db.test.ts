import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPublicToken } from "@/lib/public-token";
import { decryptPersonalDetails } from "@/lib/transfers/personal-data";
import { bookAsResident, cancelByToken, moveByToken } from "./booking";
import { endOfWeek, offersWithFreeSlot } from "./free-this-week";
import { getResidentLink } from "./queries";
import { eraseResidentData } from "./retention";
import { answerHold, holdExpiry, joinWaitlist, leaveWaitlist, offerFreedSlot, releaseExpiredHolds } from "./waitlist";

// Sophie Leroy receives at the Espace France Services; her pattern: Tuesday 10:00–11:00, 30 minutes.
const slug = DEMO_TERRITORY_SLUG;
const origin = "https://toile.test";
const now = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris
const tuesdayTen = new Date("2026-11-24T09:00:00Z");
const tuesdayHalfPast = new Date("2026-11-24T09:30:00Z");
let mediatorId: string;
let offerId: string;
let structureId: string;
let counter = 0;

beforeAll(async () => {
  await seedDemoTerritory(db);
  mediatorId = (await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } })).id;
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  offerId = offer.id;
  structureId = offer.structureId;
  await db.structure.update({ where: { id: structureId }, data: { residentsBookOnline: true } });
  await db.availabilityPattern.create({
    data: { structureId, mediatorId, offerId, placeId: offer.places[0]!.placeId, kind: "procedure", weekday: 2, startMinute: 600, endMinute: 660, slotMinutes: 30 },
  });
});

beforeEach(async () => {
  // Each test starts with a free agenda and nobody waiting.
  await db.offerWaitlistEntry.deleteMany({});
  await db.appointment.deleteMany({});
  await db.rateLimitHit.deleteMany({});
});

/** A distinct client address and contact per call, so the rate limits stay out of the way. */
const person = (name: string, contact: { email?: string | null; phone?: string | null } = {}) => ({
  personLabel: name,
  email: contact.email === undefined ? `${name.toLowerCase()}@exemple.fr` : contact.email,
  phone: contact.phone ?? null,
  locale: "fr" as const,
});
const context = () => ({ ip: `10.0.0.${++counter}`, origin, now });
const book = (name: string, startsAt = tuesdayTen, changes = {}) =>
  bookAsResident(db, { ...person(name), territorySlug: slug, offerId, mediatorId, startsAt, ...changes }, context());
const wait = (name: string, at: Date, contact = {}) => joinWaitlist(db, { ...person(name, contact), territorySlug: slug, offerId }, { ...context(), now: at });
const emailsTo = (to: string) => db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const tokenOf = (text: string) => text.match(/rendez-vous\/([A-Za-z0-9_-]{24})/)![1]!;

describe("a resident books without an account", () => {
  it("books through the one door, keeps the contact encrypted with consent, and emails the link", async () => {
    const outcome = await book("Amina");
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    const row = await db.appointment.findUniqueOrThrow({ where: { id: outcome.appointmentId } });
    expect(row).toMatchObject({ channel: "resident", status: "booked", personLabel: "Amina", publicTokenHash: hashPublicToken(outcome.token), consentScope: ["appointment_contact"] });
    expect(decryptPersonalDetails(row.personalDetailsEncrypted!).email).toBe("amina@exemple.fr");
    const [email] = await emailsTo("amina@exemple.fr");
    expect(email!.subject).not.toContain("Amina");
    expect(email!.text).toContain(`${origin}/t/${slug}/rendez-vous/${outcome.token}`);
  });

  it("refuses where the structure does not take bookings online", async () => {
    await db.structure.update({ where: { id: structureId }, data: { residentsBookOnline: false } });
    try {
      expect(await book("Amina")).toEqual({ ok: false, reason: "not_open" });
      expect(await db.appointment.count()).toBe(0);
    } finally {
      await db.structure.update({ where: { id: structureId }, data: { residentsBookOnline: true } });
    }
  });

  it("says a slot taken meanwhile is taken and offers the next ones; a double submit books once", async () => {
    expect(await book("Amina", tuesdayTen, { idempotencyKey: "8d5e8f2c-0a57-4b8f-9a59-0d3f4f7f0001" })).toMatchObject({ ok: true });
    expect(await book("Amina", tuesdayTen, { idempotencyKey: "8d5e8f2c-0a57-4b8f-9a59-0d3f4f7f0001" })).toEqual({ ok: false, reason: "already_booked" });
    const taken = await book("Bruno");
    expect(taken).toMatchObject({ ok: false, reason: "slot_taken" });
    expect(taken.ok || !("next" in taken) ? [] : taken.next.map((slot) => slot.startsAt.toISOString())).toContain(tuesdayHalfPast.toISOString());
    expect(await db.appointment.count()).toBe(1);
  });

  it("limits bookings per contact, whatever the address", async () => {
    const starts = ["2026-11-24T09:30:00Z", "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z", "2026-12-08T09:00:00Z", "2026-12-08T09:30:00Z", "2026-12-15T09:00:00Z"];
    const outcomes = [];
    for (const start of starts) outcomes.push(await book("Chloé", new Date(start)));
    expect(outcomes.slice(0, 5).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[5]).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("a wrong or foreign token names nothing", async () => {
    expect(await getResidentLink(db, slug, "AAAAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(await getResidentLink(db, slug, "not a token")).toBeNull();
    const outcome = await book("Amina");
    expect(await getResidentLink(db, "another-territory", outcome.ok ? outcome.token : "")).toBeNull();
    expect(await getResidentLink(db, slug, outcome.ok ? outcome.token : "")).toMatchObject({ kind: "appointment", status: "booked" });
  });

  it("moves a booking in one transaction, keeping the link, and refuses a taken target", async () => {
    const first = await book("Amina");
    if (!first.ok) throw new Error("not booked");
    await book("Bruno", new Date("2026-12-01T09:00:00Z"));
    expect(await moveByToken(db, slug, first.token, { mediatorId, startsAt: new Date("2026-12-01T09:00:00Z") }, { now, origin })).toMatchObject({ ok: false, reason: "slot_taken" });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: first.appointmentId } })).toMatchObject({ status: "booked" });

    expect(await moveByToken(db, slug, first.token, { mediatorId, startsAt: tuesdayHalfPast }, { now, origin })).toEqual({ ok: true });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: first.appointmentId } })).toMatchObject({ status: "cancelled", slotKey: null, publicTokenHash: null });
    const moved = await db.appointment.findUniqueOrThrow({ where: { publicTokenHash: hashPublicToken(first.token) } });
    expect(moved).toMatchObject({ startsAt: tuesdayHalfPast, rescheduledFromId: first.appointmentId, personLabel: "Amina", status: "booked" });
  });
});

describe("the offer's waiting list", () => {
  it("cancelling holds the slot for the first person waiting, who is told by email and confirms", async () => {
    const booked = await book("Amina");
    if (!booked.ok) throw new Error("not booked");
    await wait("Bruno", new Date("2026-11-23T08:00:00Z"));
    await wait("Chloé", new Date("2026-11-23T08:30:00Z"));
    expect(await cancelByToken(db, slug, booked.token, { now, origin })).toEqual({ ok: true });
    expect(await cancelByToken(db, slug, booked.token, { now, origin })).toEqual({ ok: false, reason: "link_used" });

    const held = await db.appointment.findFirstOrThrow({ where: { status: "held" } });
    expect(held).toMatchObject({ startsAt: tuesdayTen, channel: "waitlist", personLabel: "Bruno", holdExpiresAt: new Date("2026-11-24T07:00:00Z") });
    expect(await db.offerWaitlistEntry.findFirstOrThrow({ where: { personLabel: "Bruno" } })).toMatchObject({ status: "offered", offeredAppointmentId: held.id });
    const offer = (await emailsTo("bruno@exemple.fr")).at(-1)!;
    expect(offer.subject).toContain("Un créneau s'est libéré");
    const token = tokenOf(offer.text);
    expect(await getResidentLink(db, slug, token)).toMatchObject({ kind: "appointment", status: "held" });

    expect(await answerHold(db, slug, token, "confirm", { now, origin })).toEqual({ ok: true });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "booked", holdExpiresAt: null });
    expect(await db.offerWaitlistEntry.findFirstOrThrow({ where: { personLabel: "Bruno" } })).toMatchObject({ status: "booked" });
    expect(await db.offerWaitlistEntry.findFirstOrThrow({ where: { personLabel: "Chloé" } })).toMatchObject({ status: "waiting" });
  });

  it("a refusal passes the slot to the next person; an expired hold too, then frees it", async () => {
    const booked = await book("Amina");
    if (!booked.ok) throw new Error("not booked");
    await wait("Bruno", new Date("2026-11-23T08:00:00Z"));
    await wait("Chloé", new Date("2026-11-23T08:30:00Z"), { email: null, phone: "06 12 34 56 78" });
    await cancelByToken(db, slug, booked.token, { now, origin });
    const brunoToken = tokenOf((await emailsTo("bruno@exemple.fr")).at(-1)!.text);
    expect(await answerHold(db, slug, brunoToken, "refuse", { now, origin })).toEqual({ ok: true });
    expect(await db.offerWaitlistEntry.findFirstOrThrow({ where: { personLabel: "Bruno" } })).toMatchObject({ status: "withdrawn" });
    const held = await db.appointment.findFirstOrThrow({ where: { status: "held" } });
    expect(held).toMatchObject({ personLabel: "Chloé", startsAt: tuesdayTen });
    // Chloé left a phone number only: she is told by SMS.
    expect(await db.outboxSms.count({ where: { to: "06 12 34 56 78" } })).toBe(1);

    // Nobody answers: at expiry the hold is released, and with nobody left the slot is free again.
    expect(await releaseExpiredHolds(db, new Date("2026-11-24T06:59:00Z"))).toBe(0);
    expect(await releaseExpiredHolds(db, new Date("2026-11-24T07:00:00Z"))).toBe(1);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "cancelled", cancelledBy: "worker", slotKey: null });
    expect(await db.appointment.count({ where: { status: { in: ["held", "booked"] } } })).toBe(0);
    expect(await db.offerWaitlistEntry.findFirstOrThrow({ where: { personLabel: "Chloé" } })).toMatchObject({ status: "withdrawn" });
  });

  it("an expired hold goes to the next person waiting", async () => {
    const booked = await book("Amina", new Date("2026-12-01T09:00:00Z"));
    if (!booked.ok) throw new Error("not booked");
    await wait("Bruno", new Date("2026-11-23T08:00:00Z"));
    await wait("Chloé", new Date("2026-11-23T08:30:00Z"));
    await cancelByToken(db, slug, booked.token, { now, origin });
    expect(await releaseExpiredHolds(db, new Date("2026-11-24T09:00:00Z"))).toBe(1);
    expect(await db.appointment.findFirstOrThrow({ where: { status: "held" } })).toMatchObject({ personLabel: "Chloé", holdExpiresAt: new Date("2026-11-25T09:00:00Z") });
  });

  it("never offers one slot twice, and gives two freed slots to two different people, under a race", async () => {
    await wait("Bruno", new Date("2026-11-23T08:00:00Z"));
    await wait("Chloé", new Date("2026-11-23T08:30:00Z"));
    await wait("Driss", new Date("2026-11-23T08:45:00Z"));
    const clients = Array.from({ length: 4 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
    try {
      const freed = (startsAt: Date) => ({ offerId, mediatorId, startsAt });
      const results = await Promise.all([
        offerFreedSlot(clients[0]!, freed(tuesdayTen), now, origin),
        offerFreedSlot(clients[1]!, freed(tuesdayTen), now, origin),
        offerFreedSlot(clients[2]!, freed(tuesdayHalfPast), now, origin),
        offerFreedSlot(clients[3]!, freed(tuesdayHalfPast), now, origin),
      ]);
      expect(results.filter(Boolean)).toHaveLength(2);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
    const held = await db.appointment.findMany({ where: { status: "held" }, orderBy: { startsAt: "asc" } });
    expect(held.map((row) => row.startsAt)).toEqual([tuesdayTen, tuesdayHalfPast]);
    expect(new Set(held.map((row) => row.personLabel)).size).toBe(2);
    expect(await db.offerWaitlistEntry.count({ where: { status: "offered" } })).toBe(2);
  });

  it("a slot starting within two hours is not held; the hold never ends later than two hours before the slot", () => {
    expect(holdExpiry(new Date("2026-11-23T10:30:00Z"), now)).toBeNull();
    expect(holdExpiry(new Date("2026-11-23T20:00:00Z"), now)).toEqual(new Date("2026-11-23T18:00:00Z"));
    expect(holdExpiry(new Date("2026-12-01T09:00:00Z"), now)).toEqual(new Date("2026-11-24T09:00:00Z"));
  });

  it("a person leaves the list from their link, and their details are erased", async () => {
    const joined = await wait("Bruno", now);
    if (!joined.ok) throw new Error("not joined");
    expect(await getResidentLink(db, slug, joined.token)).toMatchObject({ kind: "waitlist", status: "waiting" });
    expect(await leaveWaitlist(db, slug, joined.token, now)).toEqual({ ok: true });
    expect(await db.offerWaitlistEntry.findFirstOrThrow({ where: { personLabel: "Bruno" } })).toMatchObject({ status: "withdrawn", personalDetailsEncrypted: null });
    expect(await offerFreedSlot(db, { offerId, mediatorId, startsAt: tuesdayTen }, now, origin)).toBeNull();
  });
});

describe("offers with a free slot this week", () => {
  const weekEnd = () => endOfWeek(now, "Europe/Paris");

  it("ends the week on Monday at midnight, in the territory's time zone", () => {
    expect(weekEnd()).toEqual(new Date("2026-11-29T23:00:00Z"));
  });

  it("finds the offer while a slot is free this week, not once the week is full, and not an offer without agenda", async () => {
    const territory = await db.territory.findUniqueOrThrow({ where: { slug } });
    const other = await db.offer.findFirstOrThrow({ where: { territoryId: territory.id, id: { not: offerId } } });
    expect(await offersWithFreeSlot(db, { territoryId: territory.id, from: now, until: weekEnd() })).toEqual(new Set([offerId]));
    await book("Amina", tuesdayTen);
    expect(await offersWithFreeSlot(db, { offerIds: [offerId, other.id], from: now, until: weekEnd() })).toEqual(new Set([offerId]));
    await book("Bruno", tuesdayHalfPast);
    expect(await offersWithFreeSlot(db, { territoryId: territory.id, from: now, until: weekEnd() })).toEqual(new Set());
  });
});

describe("what the consent promises", () => {
  it("erases first names and contact details 3 months after the appointment or the sign-up, and no sooner", async () => {
    const booked = await book("Amina");
    await wait("Bruno", now);
    expect(booked.ok).toBe(true);
    expect(await eraseResidentData(db, new Date("2027-02-23T09:00:00Z"))).toBe(0);
    expect(await eraseResidentData(db, new Date("2027-02-25T09:00:00Z"))).toBe(2);
    expect(await db.appointment.findFirstOrThrow({ where: { channel: "resident" } })).toMatchObject({ personLabel: null, personalDetailsEncrypted: null, consentScope: [] });
    expect(await db.offerWaitlistEntry.findFirstOrThrow({})).toMatchObject({ personLabel: null, personalDetailsEncrypted: null, status: "withdrawn" });
    expect(await eraseResidentData(db, new Date("2027-03-25T09:00:00Z"))).toBe(0);
  });
});
