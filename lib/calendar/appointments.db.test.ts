import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { encryptPersonalDetails } from "@/lib/transfers/personal-data";
import { newPublicToken } from "@/lib/public-token";
import { appointmentCalendar, appointmentReference, feedToken, mediatorFeed, residentCalendar } from "./appointments";

process.env.TOILE_DATA_KEY ??= Buffer.alloc(32, 7).toString("base64");

const now = new Date("2026-11-23T09:00:00Z");
let sophieId: string;
let appointmentId: string;
let token: string;

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  sophieId = (await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } })).id;
  const offer = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, include: { places: true } });
  const link = newPublicToken();
  token = link.token;
  const appointment = await db.appointment.create({
    data: {
      territoryId: offer.territoryId,
      structureId: offer.structureId,
      offerId: offer.id,
      placeId: offer.places[0]!.placeId,
      mediatorId: sophieId,
      kind: "procedure",
      startsAt: new Date("2026-11-24T13:00:00Z"),
      endsAt: new Date("2026-11-24T13:45:00Z"),
      channel: "resident",
      personLabel: "José",
      personalDetailsEncrypted: encryptPersonalDetails({ email: "jose@exemple.fr", phone: "06 98 76 54 32", language: "fr", accessibilityNeeds: null }),
      consentScope: ["appointment_contact"],
      requestNote: "Dossier CAF bloqué",
      publicTokenHash: link.hash,
    },
  });
  appointmentId = appointment.id;
});

const actorOf = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;

describe("calendar files", () => {
  it("give the mediator a secret feed with the appointment and no personal data; a new secret revokes the old one", async () => {
    const secret = await feedToken(db, sophieId);
    expect(await feedToken(db, sophieId)).toBe(secret);
    const feed = (await mediatorFeed(db, secret, now))!;
    expect(feed).toContain("SUMMARY:RDV — démarche");
    expect(feed).toContain(appointmentReference(appointmentId));
    expect(feed).toContain("DTSTART:20261124T130000Z");
    for (const personal of ["José", "jose@exemple.fr", "06 98 76 54 32", "CAF bloqué"]) expect(feed).not.toContain(personal);

    const renewed = await feedToken(db, sophieId, { renew: true });
    expect(renewed).not.toBe(secret);
    expect(await mediatorFeed(db, secret, now)).toBeNull();
    expect(await mediatorFeed(db, "../../etc/passwd", now)).toBeNull();
  });

  it("give one appointment's file to its structure's members only, and to the resident by their link", async () => {
    expect(await appointmentCalendar(db, await actorOf("direction@franceservices.exemple.fr"), appointmentId, now)).toContain("BEGIN:VEVENT");
    expect(await appointmentCalendar(db, await actorOf("informaticien@lien-numerique.exemple.org"), appointmentId, now)).toBeNull();
    const resident = (await residentCalendar(db, "val-de-lise", token, now))!;
    expect(resident).toContain("LOCATION:Espace France Services\\, 3 avenue de la Gare");
    expect(resident).not.toContain("José");
    expect(await residentCalendar(db, "ailleurs", token, now)).toBeNull();
  });

  it("mark a cancelled appointment so calendars remove it", async () => {
    await db.appointment.update({ where: { id: appointmentId }, data: { status: "cancelled", slotKey: null } });
    expect(await mediatorFeed(db, await feedToken(db, sophieId), now)).toContain("STATUS:CANCELLED");
  });
});
