import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { encryptPersonalDetails } from "@/lib/transfers/personal-data";
import { reminderDue, runAppointmentReminders, runWorkshopReminders } from "./day-before";

process.env.TOILE_DATA_KEY ??= Buffer.alloc(32, 7).toString("base64");

// Monday 23 November 2026; the appointments are on Tuesday 24 at 14:00 in Paris.
const mondayEight = new Date("2026-11-23T07:00:00Z");
const mondayTen = new Date("2026-11-23T09:00:00Z");
const tuesdayTwo = new Date("2026-11-24T13:00:00Z");
let offer: { id: string; structureId: string; territoryId: string; placeId: string };
let sophie: string;

const details = (email: string | null, phone: string | null) => encryptPersonalDetails({ email, phone, language: "fr", accessibilityNeeds: null });

async function appointment(personalDetailsEncrypted: string | null, startsAt = tuesdayTwo, consented = true) {
  return db.appointment.create({
    data: {
      territoryId: offer.territoryId,
      structureId: offer.structureId,
      offerId: offer.id,
      placeId: offer.placeId,
      mediatorId: sophie,
      kind: "procedure",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      channel: "staff",
      personLabel: "José",
      personalDetailsEncrypted,
      consentScope: personalDetailsEncrypted && consented ? ["contact"] : [],
    },
  });
}

beforeAll(async () => {
  await seedDemoTerritory(db, mondayEight);
  const row = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  offer = { id: row.id, structureId: row.structureId, territoryId: row.territoryId, placeId: row.places[0]!.placeId };
  sophie = (await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } })).id;
});

describe("reminders the day before", () => {
  it("are due from 09:00 the day before, in the territory's time zone", () => {
    expect(reminderDue(tuesdayTwo, mondayEight, "Europe/Paris")).toBe(false);
    expect(reminderDue(tuesdayTwo, mondayTen, "Europe/Paris")).toBe(true);
    expect(reminderDue(tuesdayTwo, new Date("2026-11-24T08:00:00Z"), "Europe/Paris")).toBe(false);
  });

  it("remind the person through what they consented to give, and the mediator without the person's name, once", async () => {
    const withEmail = await appointment(details("jose@exemple.fr", null));
    const noContact = await appointment(null, new Date("2026-11-24T13:45:00Z"));
    // Details stored without any consent: never used for a reminder.
    await appointment(details("sans-accord@exemple.fr", null), new Date("2026-11-24T16:00:00Z"), false);
    expect(await runAppointmentReminders(db, mondayEight)).toBe(0);
    await runAppointmentReminders(db, mondayTen);
    const toJose = await db.outboxEmail.findMany({ where: { to: "jose@exemple.fr" } });
    expect(toJose).toHaveLength(1);
    expect(toJose[0]!.text).toContain("demain à 14:00");
    const toSophie = await db.outboxEmail.findMany({ where: { to: "accueil@franceservices.exemple.fr", subject: { startsWith: "Demain à" } } });
    expect(toSophie).toHaveLength(3);
    expect(await db.outboxEmail.count({ where: { to: "sans-accord@exemple.fr" } })).toBe(0);
    for (const email of toSophie) expect(`${email.subject} ${email.text}`).not.toContain("José");
    expect(await db.appointment.findUniqueOrThrow({ where: { id: noContact.id } })).toMatchObject({ mediatorReminderSentAt: mondayTen });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: withEmail.id } })).reminderSentAt).toEqual(mondayTen);
    // Again: nothing more.
    expect(await runAppointmentReminders(db, new Date(mondayTen.getTime() + 60_000))).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: "jose@exemple.fr" } })).toBe(1);
  });

  it("write an SMS only when a gateway is set", async () => {
    await appointment(details(null, "06 11 22 33 44"), new Date("2026-11-24T14:30:00Z"));
    const before = process.env.SMS_GATEWAY_URL;
    process.env.SMS_GATEWAY_URL = "http://127.0.0.1:9/sms";
    try {
      await runAppointmentReminders(db, mondayTen);
    } finally {
      if (before === undefined) delete process.env.SMS_GATEWAY_URL;
      else process.env.SMS_GATEWAY_URL = before;
    }
    const [sms] = await db.outboxSms.findMany({ where: { to: "06 11 22 33 44" } });
    expect(sms!.text).toMatch(/^Rappel : RDV demain a 15:30, Espace France Services\./);
    expect(sms!.text.length).toBeLessThanOrEqual(160);
  });

  it("are written once when two instances run at the same moment", async () => {
    await appointment(details("course@exemple.fr", null), new Date("2026-11-24T15:15:00Z"));
    const clients = Array.from({ length: process.env.TEST_DATABASE_URL ? 2 : 1 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) }));
    try {
      if (clients.length > 1) await Promise.all(clients.map((client) => runAppointmentReminders(client as unknown as typeof db, mondayTen)));
      else for (let run = 0; run < 2; run++) await runAppointmentReminders(clients[0] as unknown as typeof db, mondayTen);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
    expect(await db.outboxEmail.count({ where: { to: "course@exemple.fr" } })).toBe(1);
  });

  it("remind a confirmed workshop seat with a consented contact", async () => {
    const workshop = await db.offer.findFirstOrThrow({ where: { title: "Ateliers numériques du samedi" } });
    const session = await db.workshopSession.create({
      data: { territoryId: workshop.territoryId, structureId: workshop.structureId, offerId: workshop.id, theme: "Courriels", startsAt: tuesdayTwo, endsAt: new Date(tuesdayTwo.getTime() + 7_200_000) },
    });
    await db.workshopRegistration.createMany({
      data: [
        { sessionId: session.id, status: "confirmed", channel: "resident", personLabel: "Inès", personalDetailsEncrypted: details("ines@exemple.fr", null), consentScope: ["workshop_contact"] },
        { sessionId: session.id, status: "waitlisted", channel: "resident", personLabel: "Marc", personalDetailsEncrypted: details("marc@exemple.fr", null), consentScope: ["workshop_contact"] },
      ],
    });
    expect(await runWorkshopReminders(db, mondayTen)).toBe(1);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { to: "ines@exemple.fr" } })).text).toContain("« Courriels » demain à 14:00");
    expect(await db.outboxEmail.count({ where: { to: "marc@exemple.fr" } })).toBe(0);
    expect(await runWorkshopReminders(db, mondayTen)).toBe(0);
  });
});

