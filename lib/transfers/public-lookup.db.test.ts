import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { createTransfer } from "./create";
import { ficheForParty } from "./fiche";
import { countFicheLookup, LOOKUPS_PER_IP, lookUpFiche } from "./public-lookup";
import { ficheRateLimitedPage } from "./rate-limited-page";
import { transferSchema, type TransferFormInput } from "./schemas";
import { applyTransition } from "./transitions";

let mediator: SignedInActor;
let coordinator: SignedInActor;
let receiver: SignedInActor;
let fromStructureId: string;
let offerId: string;
let placeId: string;
const now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  await seedDemoTerritory(db);
  const actor = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
  mediator = await actor("informaticien@lien-numerique.exemple.org");
  coordinator = await actor("coordination@val-de-lise.exemple.fr");
  receiver = await actor("accueil@franceservices.exemple.fr");
  fromStructureId = (await db.structure.findFirstOrThrow({ where: { name: "Association Lien numérique" } })).id;
  offerId = (await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" } })).id;
  placeId = (await db.place.findFirstOrThrow({ where: { name: "Espace France Services" } })).id;
});

async function transfer(changes: Partial<TransferFormInput>) {
  const result = await createTransfer(
    db,
    mediator,
    transferSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      fromStructureId,
      offerId,
      level: "accompanied",
      intent: "send",
      needDescription: "Télé-candidature France Travail",
      documents: [{ label: "CV", status: "ready" }, { label: "Lettre de motivation", status: "missing" }],
      personLabel: "José",
      askFor: "Sophie, à l'accueil",
      ...changes,
    }),
    now,
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("the fiche navette and the public page by code", () => {
  it("gives the parties the practical fiche; the first name only with consent; others get nothing", async () => {
    const withoutConsent = await transfer({ appointmentDate: "2026-11-24", appointmentTime: "10:30", appointmentPlaceId: placeId });
    const fiche = await ficheForParty(db, mediator, withoutConsent.transferId, now);
    expect(fiche).toMatchObject({
      code: withoutConsent.code,
      personLabel: null,
      askFor: "Sophie, à l'accueil",
      appointment: { date: "2026-11-24", minute: 630 },
      places: [{ name: "Espace France Services", address: "3 avenue de la Gare" }],
      documents: [{ label: "CV", ready: true }, { label: "Lettre de motivation", ready: false }],
      publicUrl: expect.stringMatching(new RegExp(`/fiche/${withoutConsent.code}$`)),
    });
    expect(await ficheForParty(db, receiver, withoutConsent.transferId, now)).not.toBeNull();
    expect(await ficheForParty(db, coordinator, withoutConsent.transferId, now)).toBeNull();

    const withConsent = await transfer({ consent: "on", consentScope: ["contact"], phone: "07 98 76 54 31" });
    const consented = await ficheForParty(db, mediator, withConsent.transferId, now);
    expect(consented).toMatchObject({ personLabel: "José", places: [{ name: "Espace France Services", hours: expect.stringContaining("mardi") }] });
    expect(JSON.stringify(consented)).not.toContain("07 98 76 54 31");
  });

  it("shows anyone with the code only the practical part; whom to ask for only with consent", async () => {
    const plain = await transfer({});
    const found = await lookUpFiche(db, plain.code.toLowerCase().replace(/-/g, " "), { ip: "203.0.113.1", now });
    expect(found).toMatchObject({ ok: true, fiche: { code: plain.code, personLabel: null, askFor: null, closed: false } });
    const consented = await transfer({ consent: "on", consentScope: ["language"], language: "ar" });
    expect(await lookUpFiche(db, consented.code, { ip: "203.0.113.1", now })).toMatchObject({ ok: true, fiche: { personLabel: null, askFor: "Sophie, à l'accueil" } });
  });

  it("says a closed transfer is closed", async () => {
    const closed = await transfer({});
    await applyTransition(db, { transferId: closed.transferId, actor: mediator, input: { command: "cancel", reason: "Doublon" }, now });
    expect(await lookUpFiche(db, closed.code, { ip: "203.0.113.2", now })).toMatchObject({ ok: true, fiche: { closed: true } });
  });

  it("answers the same 'not found' for an invalid code, an unknown one and a draft", async () => {
    const draft = await transfer({ intent: "draft" });
    for (const code of ["<script>", "TR-0000-00", "TR-AAAA-AA", draft.code]) {
      expect(await lookUpFiche(db, code, { ip: "203.0.113.3", now })).toEqual({ ok: false, reason: "not_found" });
    }
  });

  it("limits lookups per address, codes that exist included", async () => {
    const real = await transfer({});
    const ip = "198.51.100.7";
    for (let index = 0; index < LOOKUPS_PER_IP.limit; index++) {
      expect((await lookUpFiche(db, `TR-AAAA-${index}`, { ip, now })).ok).toBe(false);
    }
    expect(await lookUpFiche(db, real.code, { ip, now })).toEqual({ ok: false, reason: "rate_limited", minutes: 10 });
    // Another address is not affected; the window passes.
    expect((await lookUpFiche(db, real.code, { ip: "198.51.100.8", now })).ok).toBe(true);
    expect((await lookUpFiche(db, real.code, { ip, now: new Date(now.getTime() + LOOKUPS_PER_IP.windowMs + 1000) })).ok).toBe(true);
  });

  it("says how long to wait, in seconds for Retry-After and in minutes for the page", async () => {
    const ip = "198.51.100.9";
    for (let index = 0; index < LOOKUPS_PER_IP.limit; index++) {
      expect(await countFicheLookup(db, ip, new Date(now.getTime() + index * 1000))).toEqual({ allowed: true });
    }
    // The first hit leaves the window 10 minutes after it: 9 min 30 s after this one.
    expect(await countFicheLookup(db, ip, new Date(now.getTime() + 30_000))).toEqual({ allowed: false, minutes: 10, retryAfterSeconds: 570 });
    expect(await countFicheLookup(db, ip, new Date(now.getTime() + LOOKUPS_PER_IP.windowMs - 500))).toEqual({
      allowed: false,
      minutes: 1,
      retryAfterSeconds: 1,
    });
  });

  it("writes the over-limit page in French, with the wait", () => {
    const page = ficheRateLimitedPage(7);
    expect(page).toMatch(/^<!DOCTYPE html><html lang="fr" dir="ltr">/);
    expect(page).toContain("<title>Trop de tentatives · Toile</title>");
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain("Réessayez dans 7 minutes, ou appelez la structure qui vous a remis la fiche.");
    expect(ficheRateLimitedPage(1)).toContain("Réessayez dans 1 minute, ou");
  });
});
