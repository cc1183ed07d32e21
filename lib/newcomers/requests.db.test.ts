import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { findDuplicates } from "./duplicates";
import { decideApplication, pendingApplications, submitApplication } from "./requests";
import { applicationSchema } from "./schemas";

const T0 = new Date("2027-05-03T08:00:00Z");
const SITE = "https://toile.test";
let territoryId: string;
let actorId: string;

beforeAll(async () => {
  ({ territoryId } = await seedDemoTerritory(db, T0));
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

const form = (fields: Record<string, string>) =>
  applicationSchema.parse({
    territorySlug: "val-de-lise",
    name: "Les Petits Débrouillards de l'Aisne",
    identifier: "",
    address: "5 rue Neuve",
    postalCode: "02400",
    commune: "Château-Thierry",
    offers: "Ateliers numériques pour les 8-14 ans le mercredi.",
    contactName: "Inès Roussel",
    contactEmail: "ines@debrouillards.exemple.org",
    consent: "on",
    ...fields,
  });

const pendingOf = async (name: string) => (await pendingApplications(db, territoryId)).applications.find((application) => application.name === name)!;

describe("a newcomer's request", () => {
  it("checks the identifier and the commune, stores nothing public, tells the coordinators and the contact", async () => {
    // A valid Belgian number, for a French territory: the country's own identifiers are asked for.
    expect(await submitApplication(db, form({ identifier: "0203.201.340" }), { ip: "192.0.2.30", now: T0 })).toMatchObject({
      ok: false,
      code: "form.invalid",
      fieldErrors: { identifier: ["Un SIRET a 14 chiffres."] },
    });
    expect(await submitApplication(db, form({ commune: "Soissons" }), { ip: "192.0.2.30", now: T0 })).toMatchObject({ ok: false, fieldErrors: { commune: [expect.stringContaining("n'a pas le code postal 02400")] } });
    const structuresBefore = await db.structure.count();
    expect(await submitApplication(db, form({ identifier: "W021004567" }), { ip: "192.0.2.30", now: T0 })).toEqual({ ok: true });
    expect(await db.structure.count()).toBe(structuresBefore);
    expect(await pendingOf("Les Petits Débrouillards de l'Aisne")).toMatchObject({ identifierType: "RNA", identifierValue: "W021004567", communeCode: "02168", status: "pending" });
    const emails = await db.outboxEmail.findMany({ where: { OR: [{ to: "coordination@val-de-lise.exemple.fr" }, { to: "ines@debrouillards.exemple.org" }] }, select: { to: true, subject: true } });
    expect(emails).toEqual(
      expect.arrayContaining([
        { to: "coordination@val-de-lise.exemple.fr", subject: "Nouvelle structure à valider : Les Petits Débrouillards de l'Aisne" },
        { to: "ines@debrouillards.exemple.org", subject: "Votre demande pour rejoindre Toile est bien reçue" },
      ]),
    );
  });

  it("is rate-limited per address", async () => {
    const outcomes = [];
    for (let index = 0; index < 4; index++) outcomes.push(await submitApplication(db, form({ name: `Essai ${index}`, contactEmail: `essai${index}@exemple.org` }), { ip: "192.0.2.31", now: T0 }));
    const last = await submitApplication(db, form({ name: "Essai 5", contactEmail: "essai5@exemple.org" }), { ip: "192.0.2.31", now: T0 });
    const refused = await submitApplication(db, form({ name: "Essai 6", contactEmail: "essai6@exemple.org" }), { ip: "192.0.2.31", now: T0 });
    expect([...outcomes, last].every((outcome) => outcome.ok)).toBe(true);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("the coordinator's decision", () => {
  it("validates: a structure, its first place, the contact invited as its admin; a second decision is refused", async () => {
    const application = await pendingOf("Les Petits Débrouillards de l'Aisne");
    const outcome = await decideApplication(db, { territoryId, applicationId: application.id, decision: "validate", mergeInto: "", inviteContact: false, reason: null }, { actorId, siteUrl: SITE, now: T0 });
    expect(outcome).toMatchObject({ ok: true, decision: "validated" });
    const structure = await db.structure.findUniqueOrThrow({
      where: { id: outcome.ok ? outcome.structureId! : "" },
      include: { places: true, identifiers: true, invitations: true, offers: true },
    });
    expect(structure).toMatchObject({ name: "Les Petits Débrouillards de l'Aisne", email: null, territoryId });
    expect(structure.places).toMatchObject([{ address: "5 rue Neuve", postalCode: "02400", communeCode: "02168", communeName: "Château-Thierry" }]);
    expect(structure.identifiers).toMatchObject([{ type: "RNA", value: "W021004567" }]);
    expect(structure.invitations).toMatchObject([{ email: "ines@debrouillards.exemple.org", role: "admin" }]);
    expect(structure.offers).toEqual([]);
    expect(await decideApplication(db, { territoryId, applicationId: application.id, decision: "refuse", mergeInto: "", inviteContact: false, reason: "Non" }, { actorId, siteUrl: SITE, now: T0 })).toEqual({ ok: false, reason: "already_decided" });
  });

  it("detects a duplicate of a demo structure and merges it: no new structure, the contact invited there", async () => {
    await submitApplication(db, form({ name: "Repair Café", address: "Salle des fêtes", postalCode: "02310", commune: "Charly-sur-Marne", contactEmail: "benevole@repair.exemple.org" }), { ip: "192.0.2.32", now: T0 });
    const { applications, structures } = await pendingApplications(db, territoryId);
    const application = applications.find((each) => each.name === "Repair Café")!;
    const [candidate] = findDuplicates(application, structures);
    expect(candidate).toMatchObject({ structure: { name: "Repair café du Val de Lise" }, reasons: ["close_name"] });

    const before = await db.structure.count();
    const outcome = await decideApplication(
      db,
      { territoryId, applicationId: application.id, decision: "merge", mergeInto: candidate!.structure.id, inviteContact: true, reason: null },
      { actorId, siteUrl: SITE, now: T0 },
    );
    expect(outcome).toEqual({ ok: true, decision: "merged", structureId: candidate!.structure.id });
    expect(await db.structure.count()).toBe(before);
    expect(await db.invitation.findFirst({ where: { structureId: candidate!.structure.id, email: "benevole@repair.exemple.org", role: "admin" } })).not.toBeNull();
    expect(await db.structureApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "merged", structureId: candidate!.structure.id });
  });

  it("refuses with a reason sent to the contact; another territory's request is not found", async () => {
    await submitApplication(db, form({ name: "Boutique de réparation", contactEmail: "vendeur@exemple.com" }), { ip: "192.0.2.33", now: T0 });
    const application = await pendingOf("Boutique de réparation");
    const other = await db.territory.create({ data: { slug: "autre-territoire", name: "Autre", country: "FR" } });
    expect(await decideApplication(db, { territoryId: other.id, applicationId: application.id, decision: "refuse", mergeInto: "", inviteContact: false, reason: "x" }, { actorId, siteUrl: SITE, now: T0 })).toEqual({ ok: false, reason: "not_found" });
    expect(await decideApplication(db, { territoryId, applicationId: application.id, decision: "refuse", mergeInto: "", inviteContact: false, reason: "Une activité commerciale, hors du réseau." }, { actorId, siteUrl: SITE, now: T0 })).toMatchObject({ ok: true, decision: "refused" });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: "vendeur@exemple.com", subject: "Votre demande pour rejoindre Toile" } });
    expect(email.text).toContain("Une activité commerciale, hors du réseau.");
  });
});
