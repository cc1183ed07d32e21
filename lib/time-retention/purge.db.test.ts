import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { encryptPersonalDetails } from "@/lib/transfers/personal-data";
import { purgeTimePersonalData } from "./purge";

process.env.TOILE_DATA_KEY ??= Buffer.alloc(32, 7).toString("base64");

// The demo territory keeps personal data 90 days (transferRetentionDays).
const seeded = new Date("2026-06-01T08:00:00Z");
const contact = () => encryptPersonalDetails({ email: "jose@exemple.fr", phone: null, language: "fr", accessibilityNeeds: null });
let ids: { appointment: string; line: string; registration: string; waiting: string; series: string };

beforeAll(async () => {
  await seedDemoTerritory(db, seeded);
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  const permanence = await db.offer.findFirstOrThrow({ where: { title: "Permanence de l'informaticien public" }, include: { places: true } });
  const workshop = await db.offer.findFirstOrThrow({ where: { title: "Ateliers numériques du samedi" } });
  const base = { territoryId: offer.territoryId };
  const startsAt = new Date("2026-06-02T08:00:00Z");
  const appointment = await db.appointment.create({
    data: { ...base, structureId: offer.structureId, offerId: offer.id, kind: "procedure", startsAt, endsAt: new Date("2026-06-02T08:45:00Z"), channel: "staff", status: "attended", personLabel: "José", personalDetailsEncrypted: contact(), consentScope: ["contact"], requestNote: "CAF" },
  });
  const sheet = await db.permanenceSheet.create({ data: { ...base, offerId: permanence.id, placeId: permanence.places[0]!.placeId, date: new Date("2026-06-02T00:00:00Z"), startMinute: 840, endMinute: 1020 } });
  const line = await db.permanenceSheetLine.create({ data: { sheetId: sheet.id, personLabel: "Mireille", request: "Mot de passe oublié", result: "solved", resultNote: "Réglé" } });
  const session = await db.workshopSession.create({ data: { ...base, structureId: workshop.structureId, offerId: workshop.id, theme: "Courriels", startsAt, endsAt: new Date("2026-06-02T10:00:00Z") } });
  const registration = await db.workshopRegistration.create({ data: { sessionId: session.id, status: "confirmed", channel: "resident", personLabel: "Inès", personalDetailsEncrypted: contact(), consentScope: ["workshop_contact"], attended: true } });
  const waiting = await db.offerWaitlistEntry.create({ data: { ...base, offerId: offer.id, personLabel: "Bruno", personalDetailsEncrypted: contact(), consentScope: ["appointment_contact"] } });
  const series = await db.usageSeries.create({ data: { ...base, structureId: offer.structureId, personLabel: "Odile", plannedSessions: 3 } });
  ids = { appointment: appointment.id, line: line.id, registration: registration.id, waiting: waiting.id, series: series.id };
});

describe("the retention of time given to people", () => {
  it("keeps everything before the territory's retention period, then erases the people and keeps the counts", async () => {
    // The rows' own "last change" (waiting list, series) is stamped by the database with today's
    // date: the second run is a year after today, so the test holds on any date.
    expect(await purgeTimePersonalData(db, new Date("2026-08-01T08:00:00Z"))).toBe(0);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: ids.appointment } })).toMatchObject({ personLabel: "José", personalDataErasedAt: null });

    const later = new Date(Math.max(Date.now(), new Date("2026-09-01T08:00:00Z").getTime()) + 365 * 86_400_000);
    expect(await purgeTimePersonalData(db, later)).toBeGreaterThanOrEqual(5);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: ids.appointment } })).toMatchObject({
      personLabel: null,
      personalDetailsEncrypted: null,
      consentScope: [],
      requestNote: null,
      status: "attended",
      kind: "procedure",
      personalDataErasedAt: later,
    });
    expect(await db.permanenceSheetLine.findUniqueOrThrow({ where: { id: ids.line } })).toMatchObject({ personLabel: null, request: null, resultNote: null, result: "solved" });
    expect(await db.workshopRegistration.findUniqueOrThrow({ where: { id: ids.registration } })).toMatchObject({ personLabel: null, personalDetailsEncrypted: null, status: "confirmed", attended: true });
    expect(await db.offerWaitlistEntry.findUniqueOrThrow({ where: { id: ids.waiting } })).toMatchObject({ personLabel: null, personalDetailsEncrypted: null, status: "withdrawn" });
    expect(await db.usageSeries.findUniqueOrThrow({ where: { id: ids.series } })).toMatchObject({ personLabel: null, plannedSessions: 3 });
    // Once only.
    expect(await purgeTimePersonalData(db, later)).toBe(0);
  });
});
