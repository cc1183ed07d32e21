import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { newTransferCode } from "@/lib/transfers/code";
import { ficheForParty, publicFicheByCode } from "@/lib/transfers/fiche";
import { bookForTransfer, recordAttendance } from "./commands";
import { loadAppointmentListPage, loadAppointmentPage, loadNewAppointmentPage, loadTransferAppointments } from "./page-data";

// The loaders read the real clock: Sophie's pattern (every weekday, 9:00–17:00) always has slots in the next two weeks.
let sophie: SignedInActor;
let lucas: SignedInActor;
let julien: SignedInActor;
let offerId: string;
let structureId: string;
let transferId: string;
let transferCode: string;

const actorByEmail = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

beforeAll(async () => {
  await seedDemoTerritory(db);
  sophie = await actorByEmail("accueil@franceservices.exemple.fr");
  lucas = await actorByEmail("informaticien@lien-numerique.exemple.org");
  julien = await actorByEmail("animation@mediatheque.exemple.fr");
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" } });
  offerId = offer.id;
  structureId = offer.structureId;
  await db.availabilityPattern.deleteMany({ where: { offerId } });
  // No place: a phone appointment, so the offer's hours at its place do not limit the slots.
  for (const weekday of [1, 2, 3, 4, 5, 6, 0])
    await db.availabilityPattern.create({ data: { structureId, mediatorId: sophie.userId, offerId, placeId: null, kind: "procedure", weekday, startMinute: 0, endMinute: 1410, slotMinutes: 30 } });
  const fromStructureId = (await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } })).id;
  transferId = crypto.randomUUID();
  transferCode = newTransferCode();
  await db.transfer.create({
    data: {
      id: transferId,
      parcoursId: transferId,
      code: transferCode,
      territoryId: offer.territoryId,
      fromStructureId,
      toStructureId: structureId,
      offerId,
      createdById: lucas.userId,
      idempotencyKey: crypto.randomUUID(),
      level: "accompanied",
      status: "sent",
      needDescription: "Déclarer ses revenus",
      personLabel: "José",
      sentAt: new Date(),
      deadline: new Date(Date.now() + 3 * 86_400_000),
    },
  });
});

describe("appointment pages", () => {
  it("offers two weeks of slots to the structure's members only, grouped by day", async () => {
    const page = await loadNewAppointmentPage(sophie, structureId, { offre: offerId });
    expect(page?.days.length).toBeGreaterThanOrEqual(13);
    expect(page?.days[0]?.slots[0]).toMatchObject({ mediator: "Sophie", afterDeadline: false });
    expect(await loadNewAppointmentPage(julien, structureId, { offre: offerId })).toBeNull();
    expect(await loadAppointmentListPage(julien, structureId)).toBeNull();
  });

  it("the sender books from the transfer page (later slots marked after the deadline); the fiche shows it, then the no-show pre-selects the outcome", async () => {
    const before = await loadTransferAppointments(lucas, transferId, {});
    const days = before?.booking?.days ?? [];
    expect(days.some((day) => day.slots.every((slot) => !slot.afterDeadline))).toBe(true);
    expect(days.some((day) => day.slots.every((slot) => slot.afterDeadline))).toBe(true);
    // The receiver does not book in the sender's place.
    expect((await loadTransferAppointments(sophie, transferId, {}))?.booking).toBeNull();

    const [mediatorId, iso] = days[0]!.slots[0]!.value.split("|") as [string, string];
    const booked = await bookForTransfer(db, lucas, { transferId, mediatorId, startsAt: new Date(iso), idempotencyKey: crypto.randomUUID() }, new Date());
    expect(booked.ok).toBe(true);
    const appointmentId = booked.ok ? booked.appointmentId : "";
    const after = await loadTransferAppointments(lucas, transferId, {});
    expect(after?.booking).toBeNull();
    expect(after?.appointments).toMatchObject([{ id: appointmentId, status: "booked", mediatorFirstName: "Sophie", structureId }]);

    const fiche = await ficheForParty(db, lucas, transferId);
    expect(fiche?.appointment).toMatchObject({ mediator: "Sophie" });
    expect((await publicFicheByCode(db, transferCode))?.appointment).toMatchObject({ mediator: "Sophie" });

    expect(await loadAppointmentPage(lucas, structureId, appointmentId, {})).toMatchObject({ asStructure: false, mayRecordAttendance: false, mayChange: true });
    expect(await loadAppointmentPage(julien, structureId, appointmentId, {})).toBeNull();
    expect((await loadAppointmentListPage(sophie, structureId))?.appointments.map((appointment) => appointment.id)).toContain(appointmentId);

    await recordAttendance(db, sophie, { appointmentId, attended: false }, new Date(Date.now() + 30 * 86_400_000));
    expect((await loadTransferAppointments(sophie, transferId, {}))?.suggestedOutcome).toBe("not_resolved_no_show");
  });
});
