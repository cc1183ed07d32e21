import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { bookSlot } from "./book";

// Sophie Leroy receives at the Espace France Services (open Tuesday 10–12 and 14–17 in Paris).
let mediatorId: string;
let offerId: string;
let placeId: string;
const now = new Date("2026-11-23T09:00:00Z"); // Monday
const tuesdayTen = new Date("2026-11-24T09:00:00Z"); // 10:00 in Paris

beforeAll(async () => {
  await seedDemoTerritory(db);
  mediatorId = (await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } })).id;
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  offerId = offer.id;
  placeId = offer.places[0]!.placeId;
  // Tuesday 10:00–11:00 in two appointments of 30 minutes.
  await db.availabilityPattern.create({
    data: { structureId: offer.structureId, mediatorId, offerId, placeId, kind: "procedure", weekday: 2, startMinute: 600, endMinute: 660, slotMinutes: 30 },
  });
});

const booking = (startsAt: Date, changes = {}) => ({ offerId, mediatorId, startsAt, channel: "staff" as const, personLabel: "José", ...changes });

describe("bookSlot", () => {
  it("books a free slot at its place and refuses it to the next person, offering the next slot", async () => {
    const first = await bookSlot(db, booking(tuesdayTen), now);
    expect(first).toMatchObject({ ok: true, existing: false });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: first.ok ? first.appointmentId : "" } });
    expect(row).toMatchObject({ placeId, status: "booked", endsAt: new Date("2026-11-24T09:30:00Z") });

    const second = await bookSlot(db, booking(tuesdayTen), now);
    expect(second).toMatchObject({ ok: false, reason: "slot_taken" });
    expect(second.ok ? [] : "next" in second ? second.next.map((slot) => slot.startsAt.toISOString()) : []).toEqual(
      expect.arrayContaining(["2026-11-24T09:30:00.000Z", "2026-12-01T09:00:00.000Z"]),
    );
  });

  it("refuses a past instant and an instant that is not a slot", async () => {
    expect(await bookSlot(db, booking(new Date("2026-11-17T09:00:00Z")), now)).toMatchObject({ ok: false, reason: "slot_past" });
    expect(await bookSlot(db, booking(new Date("2026-11-24T09:10:00Z")), now)).toMatchObject({ ok: false, reason: "not_a_slot" });
  });

  it("books once for a double submit", async () => {
    const form = booking(new Date("2026-12-08T09:00:00Z"), { idempotencyKey: "double-submit" });
    const [a, b] = [await bookSlot(db, form, now), await bookSlot(db, form, now)];
    expect(a.ok && b.ok && a.appointmentId === b.appointmentId && b.existing).toBe(true);
  });

  describe("50 people booking the last free slot at the same moment", () => {
    // Five clients with a connection each, so the requests truly run in parallel on a PostgreSQL
    // server (the embedded database, which takes 8 connections, serves them one at a time: there it still checks
    // the outcome).
    const clients = Array.from({ length: 5 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
    afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

    it("exactly one wins, every other one is offered other slots", async () => {
      const startsAt = new Date("2026-12-15T09:30:00Z");
      const results = await Promise.all(Array.from({ length: 50 }, (_, index) => bookSlot(clients[index % clients.length]!, booking(startsAt, { personLabel: `P${index}` }), now)));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === "slot_taken")).toHaveLength(49);
      expect(await db.appointment.count({ where: { startsAt, status: "booked" } })).toBe(1);
    });
  });
});
