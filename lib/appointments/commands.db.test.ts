import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { newTransferCode } from "@/lib/transfers/code";
import { listItems } from "@/lib/territory-lists/queries";
import { appointmentAccess, bookForStructure, bookForTransfer, cancelAppointment, recordAttendance, rescheduleAppointment, suggestedOutcome } from "./commands";
import { createSeries, seriesProgress, usageSeriesCounts } from "./series";

// Sophie Leroy receives at the Espace France Services; Lucas Petit (Association Lien numérique) sends.
let sophie: SignedInActor;
let lucas: SignedInActor;
let julien: SignedInActor; // Médiathèque: another structure
let offerId: string;
let structureId: string;
let territoryId: string;
let fromStructureId: string;
const now = new Date("2026-11-23T09:00:00Z"); // Monday
const afterwards = new Date("2026-12-31T09:00:00Z");
/** Tuesdays 10:00–12:00 in Paris, 30-minute slots: the n-th Tuesday after `now`, slot k. */
const slot = (week: number, k = 0) => new Date(Date.UTC(2026, 10, 24 + 7 * week, 9, 30 * k));

const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
let keys = 0;
const key = () => `commands-test-${keys++}`;

beforeAll(async () => {
  await seedDemoTerritory(db);
  sophie = await actorByEmail("accueil@franceservices.exemple.fr");
  lucas = await actorByEmail("informaticien@lien-numerique.exemple.org");
  julien = await actorByEmail("animation@mediatheque.exemple.fr");
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  offerId = offer.id;
  structureId = offer.structureId;
  territoryId = offer.territoryId;
  fromStructureId = (await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } })).id;
  // The demo's own patterns are not what these tests read.
  await db.availabilityPattern.deleteMany({ where: { offerId } });
  await db.availabilityPattern.create({
    data: { structureId, mediatorId: sophie.userId, offerId, placeId: offer.places[0]!.placeId, kind: "procedure", weekday: 2, startMinute: 600, endMinute: 720, slotMinutes: 30 },
  });
});

const staffBooking = (startsAt: Date, changes = {}) => ({
  structureId,
  offerId,
  mediatorId: sophie.userId,
  startsAt,
  personLabel: "José",
  requestNote: null,
  contact: null,
  idempotencyKey: key(),
  ...changes,
});

async function newTransfer(level: "simple" | "accompanied" = "accompanied", status: "sent" | "acknowledged" = "sent") {
  const id = crypto.randomUUID();
  return db.transfer.create({
    data: {
      id,
      parcoursId: id,
      code: newTransferCode(),
      territoryId,
      fromStructureId,
      toStructureId: structureId,
      offerId,
      createdById: lucas.userId,
      idempotencyKey: crypto.randomUUID(),
      level,
      status,
      needDescription: "Renouveler un titre de séjour",
      personLabel: "José",
      sentAt: new Date(),
    },
  });
}

describe("staff booking", () => {
  it("books at one's own structure once per form, and refuses another structure's member", async () => {
    const input = staffBooking(slot(0));
    const first = await bookForStructure(db, sophie, input, now);
    const again = await bookForStructure(db, sophie, input, now);
    expect(first.ok && again.ok && first.appointmentId === again.appointmentId).toBe(true);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: first.ok ? first.appointmentId : "" } })).toMatchObject({ channel: "staff", structureId, personLabel: "José", bookedById: sophie.userId });
    expect(await bookForStructure(db, julien, staffBooking(slot(0, 1)), now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await bookForStructure(db, sophie, staffBooking(slot(0)), now)).toMatchObject({ ok: false, code: "appointment.slot_taken" });
    // Not a slot: the refusal says why.
    expect(await bookForStructure(db, sophie, staffBooking(new Date(slot(0).getTime() + 10 * 60_000)), now)).toMatchObject({
      ok: false,
      code: "appointment.not_a_slot",
      params: { why: "not_offered" },
    });
  });

  it("keeps contact details only encrypted", async () => {
    const result = await bookForStructure(db, sophie, staffBooking(slot(0, 2), { contact: { phone: "06 12 34 56 78", email: null } }), now);
    const row = await db.appointment.findUniqueOrThrow({ where: { id: result.ok ? result.appointmentId : "" } });
    expect(row.personalDetailsEncrypted).toBeTruthy();
    expect(row.personalDetailsEncrypted).not.toContain("06 12");
    expect(row.consentScope).toEqual(["contact"]);
  });
});

describe("booking inside a transfer", () => {
  it("the sender books an accompanied transfer's appointment at the receiver's, with an event; only the transfer's parties see it", async () => {
    const transfer = await newTransfer();
    const result = await bookForTransfer(db, lucas, { transferId: transfer.id, mediatorId: sophie.userId, startsAt: slot(1), idempotencyKey: key() }, now);
    expect(result.ok).toBe(true);
    const id = result.ok ? result.appointmentId : "";
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ channel: "transfer", structureId, transferId: transfer.id, personLabel: "José" });
    expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "appointment.booked" } })).toBe(1);
    expect(await appointmentAccess(db, lucas, id)).toMatchObject({ asSender: true, asStructure: false });
    expect(await appointmentAccess(db, sophie, id)).toMatchObject({ asStructure: true });
    expect(await appointmentAccess(db, julien, id)).toBeNull();
    // Lucas is not the sender of a staff booking of France Services.
    const walkIn = await bookForStructure(db, sophie, staffBooking(slot(1, 1)), now);
    expect(await appointmentAccess(db, lucas, walkIn.ok ? walkIn.appointmentId : "")).toBeNull();
  });

  it("refuses a simple transfer, and the receiver booking as if they were the sender", async () => {
    const simple = await newTransfer("simple");
    expect(await bookForTransfer(db, lucas, { transferId: simple.id, mediatorId: sophie.userId, startsAt: slot(1, 2), idempotencyKey: key() }, now)).toMatchObject({
      ok: false,
      code: "appointment.transfer_not_bookable",
    });
    const accompanied = await newTransfer();
    expect(await bookForTransfer(db, sophie, { transferId: accompanied.id, mediatorId: sophie.userId, startsAt: slot(1, 2), idempotencyKey: key() }, now)).toMatchObject({ ok: false });
  });
});

describe("cancel, reschedule, attendance", () => {
  it("cancels with a reason, frees the slot, and tells the sender when the receiver cancels", async () => {
    const transfer = await newTransfer();
    const booked = await bookForTransfer(db, lucas, { transferId: transfer.id, mediatorId: sophie.userId, startsAt: slot(2), idempotencyKey: key() }, now);
    const id = booked.ok ? booked.appointmentId : "";
    expect(await cancelAppointment(db, julien, { appointmentId: id, reason: "Test" }, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await cancelAppointment(db, sophie, { appointmentId: id, reason: "Conseillère malade" }, now)).toMatchObject({ ok: true });
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cancelled", slotKey: null, cancelReason: "Conseillère malade", cancelledBy: "structure" });
    expect(await cancelAppointment(db, sophie, { appointmentId: id, reason: "Encore" }, now)).toMatchObject({ ok: false, code: "appointment.already_handled" });
    expect(await db.outboxEmail.count({ where: { subject: { contains: transfer.code } } })).toBe(1);
    expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "appointment.cancelled" } })).toBe(1);
    // The slot is free again.
    expect(await bookForStructure(db, sophie, staffBooking(slot(2)), now)).toMatchObject({ ok: true });
  });

  it("holds the slot a structure cancels for the first person on the offer's waiting list", async () => {
    const booked = await bookForStructure(db, sophie, staffBooking(slot(7)), now);
    const id = booked.ok ? booked.appointmentId : "";
    const waiting = await db.offerWaitlistEntry.create({ data: { territoryId: (await db.offer.findUniqueOrThrow({ where: { id: offerId } })).territoryId, offerId, personLabel: "Nadia", consentScope: [] } });
    expect(await cancelAppointment(db, sophie, { appointmentId: id, reason: "Imprévu" }, now)).toMatchObject({ ok: true });
    const entry = await db.offerWaitlistEntry.findUniqueOrThrow({ where: { id: waiting.id }, include: { offeredAppointment: true } });
    expect(entry.status).toBe("offered");
    expect(entry.offeredAppointment).toMatchObject({ status: "held", startsAt: slot(7), channel: "waitlist" });
  });

  it("moves an appointment in one go; a refused new slot leaves the old one booked", async () => {
    const first = await bookForStructure(db, sophie, staffBooking(slot(3)), now);
    const taken = await bookForStructure(db, sophie, staffBooking(slot(3, 1)), now);
    const id = first.ok ? first.appointmentId : "";
    expect(taken.ok).toBe(true);
    expect(await rescheduleAppointment(db, sophie, { appointmentId: id, mediatorId: sophie.userId, startsAt: slot(3, 1), idempotencyKey: key() }, now)).toMatchObject({
      ok: false,
      code: "appointment.slot_taken",
    });
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "booked" });
    const moved = await rescheduleAppointment(db, sophie, { appointmentId: id, mediatorId: sophie.userId, startsAt: slot(3, 2), idempotencyKey: key() }, now);
    expect(moved.ok).toBe(true);
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cancelled", slotKey: null });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: moved.ok ? moved.appointmentId : "" } })).toMatchObject({ status: "booked", rescheduledFromId: id, personLabel: "José", startsAt: slot(3, 2) });
  });

  it("records attendance only once it started, by the receiving structure; attended accepts the transfer", async () => {
    const transfer = await newTransfer("accompanied", "acknowledged");
    const booked = await bookForTransfer(db, lucas, { transferId: transfer.id, mediatorId: sophie.userId, startsAt: slot(4), idempotencyKey: key() }, now);
    const id = booked.ok ? booked.appointmentId : "";
    expect(await recordAttendance(db, sophie, { appointmentId: id, attended: true }, now)).toMatchObject({ ok: false, code: "appointment.not_started" });
    expect(await recordAttendance(db, lucas, { appointmentId: id, attended: true }, afterwards)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordAttendance(db, sophie, { appointmentId: id, attended: true }, afterwards)).toMatchObject({ ok: true });
    expect(await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).toMatchObject({ status: "accepted" });
    expect(await db.transferEvent.count({ where: { transferId: transfer.id, type: "appointment.attended" } })).toBe(1);
    expect(await suggestedOutcome(db, transfer.id)).toBeNull();
  });

  it("a no-show pre-selects the outcome 'not resolved: did not come'", async () => {
    const transfer = await newTransfer();
    const booked = await bookForTransfer(db, lucas, { transferId: transfer.id, mediatorId: sophie.userId, startsAt: slot(4, 1), idempotencyKey: key() }, now);
    expect(await recordAttendance(db, sophie, { appointmentId: booked.ok ? booked.appointmentId : "", attended: false }, afterwards)).toMatchObject({ ok: true });
    expect(await suggestedOutcome(db, transfer.id)).toBe("not_resolved_no_show");
    expect(await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).toMatchObject({ status: "sent" });
  });

  describe("two marks at the same moment", () => {
    const clients = Array.from({ length: 2 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
    afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

    it("one wins, the other is told it was already handled", async () => {
      const booked = await bookForStructure(db, sophie, staffBooking(slot(4, 2)), now);
      const appointmentId = booked.ok ? booked.appointmentId : "";
      const results = await Promise.all([
        recordAttendance(clients[0]!, sophie, { appointmentId, attended: true }, afterwards),
        recordAttendance(clients[1]!, sophie, { appointmentId, attended: false }, afterwards),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.code === "appointment.already_handled")).toHaveLength(1);
    });
  });
});

describe("usages series", () => {
  it("counts sessions done and skills reached, for the structure and the transfer's sender only", async () => {
    const skills = await listItems(db, territoryId, "usage_skill");
    const transfer = await newTransfer();
    const created = await createSeries(db, sophie, { structureId, offerId, personLabel: "Mireille", skillIds: [skills[0]!.id, skills[1]!.id], plannedSessions: 4, transferId: transfer.id });
    expect(created.ok).toBe(true);
    const seriesId = created.ok ? created.seriesId : "";
    expect(await createSeries(db, julien, { structureId, offerId, personLabel: "X", skillIds: [skills[0]!.id], plannedSessions: 2, transferId: null })).toMatchObject({ ok: false, code: "not_found" });
    expect(await createSeries(db, sophie, { structureId, offerId, personLabel: "X", skillIds: [], plannedSessions: 2, transferId: null })).toMatchObject({
      ok: false,
      code: "appointment.series_skills_missing",
    });

    // A series of another structure cannot be booked into.
    const otherSeries = await db.usageSeries.create({ data: { territoryId, structureId: fromStructureId, personLabel: "Y", plannedSessions: 1 } });
    expect(await bookForStructure(db, sophie, staffBooking(slot(5, 2), { seriesId: otherSeries.id }), now)).toMatchObject({ ok: false, code: "not_found" });

    const session = await bookForStructure(db, sophie, staffBooking(slot(5), { personLabel: "Mireille", seriesId }), now);
    await bookForStructure(db, sophie, staffBooking(slot(5, 1), { personLabel: "Mireille", seriesId }), now);
    await recordAttendance(db, sophie, { appointmentId: session.ok ? session.appointmentId : "", attended: true, skillIds: [skills[0]!.id, skills[5]!.id] }, afterwards);

    const progress = await seriesProgress(db, sophie, seriesId);
    expect(progress).toMatchObject({ plannedSessions: 4, sessionsDone: 1, skillsReached: 1 });
    expect(progress?.sessions).toHaveLength(2);
    expect(await seriesProgress(db, lucas, seriesId)).toMatchObject({ sessionsDone: 1, asStructure: false });
    expect(await seriesProgress(db, julien, seriesId)).toBeNull();

    // A series is counted by its creation, which the database stamps with its own clock: the
    // period runs until after both that clock and the sessions' pinned dates.
    const until = new Date(Math.max(Date.now(), Date.parse("2027-01-01T00:00:00Z")) + 86_400_000);
    const counts = await usageSeriesCounts(db, territoryId, { from: new Date("2026-01-01T00:00:00Z"), until });
    expect(counts.series).toBeGreaterThanOrEqual(1);
    expect(counts.skillsReached).toContainEqual({ label: skills[0]!.label, count: 1 });
    expect(counts.skillsReached.map((item) => item.label)).not.toContain(skills[5]!.label);
  });
});
