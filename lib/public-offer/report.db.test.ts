import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { getPlaceProgramme, getPublicOffer, getStructureProgramme } from "./queries";
import { REPORT_ACTION, reportOfferError } from "./report";
import { reportSchema } from "./schemas";

const origin = "https://toile.test";
let franceServicesOffer: string;
let ccasOffer: string;
let draftOffer: string;

beforeAll(async () => {
  await seedDemoTerritory(db);
  const byTitle = async (title: string) => (await db.offer.findFirstOrThrow({ where: { title: { contains: title } } })).id;
  franceServicesOffer = await byTitle("Aide aux démarches administratives en ligne");
  ccasOffer = await byTitle("à partir de 60 ans");
  draftOffer = await byTitle("modélisation 3D");
});

const report = (offerId: string, fields: Record<string, string> = {}) =>
  reportSchema("fr").parse({ offerId, subject: "hours", message: "Fermé le mardi depuis janvier.", ...fields });

const outbox = (since: Date) => db.outboxEmail.findMany({ where: { createdAt: { gte: since } }, orderBy: { to: "asc" } });

describe("reportOfferError", () => {
  it("emails the structure's admins and the territory's coordinators, and records it in the history", async () => {
    const since = new Date(Date.now() - 1000);
    const outcome = await reportOfferError(db, report(franceServicesOffer, { email: "habitant@exemple.fr" }), { ip: "10.0.0.1", origin });
    expect(outcome).toEqual({ ok: true, recipients: ["coordination@val-de-lise.exemple.fr", "direction@franceservices.exemple.fr"] });
    const emails = await outbox(since);
    expect(emails.map((email) => email.to)).toEqual(["coordination@val-de-lise.exemple.fr", "direction@franceservices.exemple.fr"]);
    expect(emails[0]!.text).toContain("Ce qui ne va pas : les horaires");
    expect(emails[0]!.text).toContain("Fermé le mardi depuis janvier.");
    expect(emails[0]!.text).toContain("habitant@exemple.fr");
    expect(emails[0]!.text).toContain(`${origin}/t/val-de-lise/offres/${franceServicesOffer}`);
    expect(emails[0]!.html).toBeNull();
    const record = await db.changeRecord.findFirstOrThrow({ where: { offerId: franceServicesOffer, action: REPORT_ACTION } });
    expect(record.summary).toMatch(/^Erreur signalée par le public : les horaires/);
    expect(record.actorId).toBeNull();
    expect(JSON.stringify(record.changes)).not.toContain("habitant@exemple.fr");
  });

  it("reaches the coordinators when the structure has no admin (the CCAS)", async () => {
    const outcome = await reportOfferError(db, report(ccasOffer, { subject: "gone" }), { ip: "10.0.0.2", origin });
    expect(outcome).toEqual({ ok: true, recipients: ["coordination@val-de-lise.exemple.fr"] });
  });

  it("falls back on the structure's address when nobody else would hear", async () => {
    const structure = await db.offer.findUniqueOrThrow({ where: { id: ccasOffer }, select: { structure: { select: { territoryId: true } } } });
    const coordinators = await db.territoryCoordinator.findMany({ where: { territoryId: structure.structure.territoryId } });
    await db.territoryCoordinator.deleteMany({ where: { territoryId: structure.structure.territoryId } });
    try {
      const outcome = await reportOfferError(db, report(ccasOffer), { ip: "10.0.0.3", origin });
      expect(outcome).toEqual({ ok: true, recipients: ["ccas@saint-aubin-sur-lise.exemple.fr"] });
    } finally {
      await db.territoryCoordinator.createMany({ data: coordinators });
    }
  });

  it("refuses politely beyond 5 reports an hour from one address, and writes nothing more", async () => {
    const now = new Date("2030-01-01T10:00:00Z");
    for (let count = 0; count < 5; count++) {
      expect((await reportOfferError(db, report(ccasOffer), { ip: "10.0.0.9", origin, now })).ok).toBe(true);
    }
    const emails = await db.outboxEmail.count();
    const history = await db.changeRecord.count({ where: { action: REPORT_ACTION } });
    expect(await reportOfferError(db, report(ccasOffer), { ip: "10.0.0.9", origin, now })).toEqual({ ok: false, reason: "rate_limited", minutes: 60 });
    expect(await db.outboxEmail.count()).toBe(emails);
    expect(await db.changeRecord.count({ where: { action: REPORT_ACTION } })).toBe(history);
    // Another address may still report.
    expect((await reportOfferError(db, report(ccasOffer), { ip: "10.0.0.10", origin, now })).ok).toBe(true);
  });

  it("counts the reply address too: past 5 an hour it is refused from any network address", async () => {
    const now = new Date("2030-02-01T10:00:00Z");
    for (let count = 0; count < 5; count++) {
      const outcome = await reportOfferError(db, report(ccasOffer, { email: "Insistant@exemple.fr" }), { ip: `10.1.0.${count}`, origin, now });
      expect(outcome.ok).toBe(true);
    }
    const emails = await db.outboxEmail.count();
    expect(await reportOfferError(db, report(ccasOffer, { email: "insistant@exemple.fr" }), { ip: "10.1.0.99", origin, now })).toEqual({
      ok: false,
      reason: "rate_limited",
      minutes: 60,
    });
    expect(await db.outboxEmail.count()).toBe(emails);
    // Without that address, or with another one, the new network address may report.
    expect((await reportOfferError(db, report(ccasOffer), { ip: "10.1.0.99", origin, now })).ok).toBe(true);
    expect((await reportOfferError(db, report(ccasOffer, { email: "autre@exemple.fr" }), { ip: "10.1.0.98", origin, now })).ok).toBe(true);
  });

  it("answers not found for a draft offer or an unknown id, and writes nothing", async () => {
    const emails = await db.outboxEmail.count();
    expect(await reportOfferError(db, report(draftOffer), { ip: "10.0.0.4", origin })).toEqual({ ok: false, reason: "not_found" });
    expect(await reportOfferError(db, report("6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f"), { ip: "10.0.0.4", origin })).toEqual({ ok: false, reason: "not_found" });
    expect(await db.outboxEmail.count()).toBe(emails);
  });
});

describe("the report schema", () => {
  it("points at each wrong field, in the page's language", () => {
    const result = reportSchema("en").safeParse({ offerId: ccasOffer, subject: "nope", message: "x".repeat(1001), email: "pas-une-adresse" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({ subject: "Choose what is wrong.", message: "1,000 characters at most.", email: "This email address is not valid." });
  });

  it("refuses markup and accepts an empty message and address", () => {
    expect(reportSchema("fr").safeParse({ offerId: ccasOffer, subject: "other", message: "<script>" }).success).toBe(false);
    expect(reportSchema("fr").parse({ offerId: ccasOffer, subject: "other", message: "", email: "" })).toMatchObject({ message: "", email: null });
  });
});

describe("public queries", () => {
  it("gives a published offer with its places and schedules, and nothing for a draft, another territory or a bad id", async () => {
    const found = await getPublicOffer(db, "val-de-lise", ccasOffer);
    expect(found?.offer.title).toBe("Démarches en ligne faites pour vous, à partir de 60 ans");
    expect(found?.offer.places[0]?.schedule.slots.map((slot) => slot.weekday)).toEqual([2, 4]);
    expect(await getPublicOffer(db, "val-de-lise", draftOffer)).toBeNull();
    expect(await getPublicOffer(db, "ailleurs", ccasOffer)).toBeNull();
    expect(await getPublicOffer(db, "val-de-lise", "'; drop table"))
      .toBeNull();
    expect(await getPublicOffer(db, ["val-de-lise"], ccasOffer)).toBeNull();
  });

  it("gives a place's and a structure's programme of published offers only", async () => {
    const place = await db.place.findFirstOrThrow({ where: { name: { contains: "Fablab" } } });
    const programme = await getPlaceProgramme(db, "val-de-lise", place.id);
    expect(programme?.entries.map((entry) => entry.title)).not.toContain("Formation à la modélisation 3D");
    expect(programme?.entries.length).toBeGreaterThan(0);
    const structure = await db.structure.findFirstOrThrow({ where: { name: { contains: "CCAS" } } });
    const byStructure = await getStructureProgramme(db, "val-de-lise", structure.id);
    expect(byStructure?.entries.map((entry) => entry.title)).toEqual(["Démarches en ligne faites pour vous, à partir de 60 ans"]);
    expect(await getPlaceProgramme(db, "val-de-lise", "nope")).toBeNull();
  });
});
