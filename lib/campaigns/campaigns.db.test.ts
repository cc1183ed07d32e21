import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { deliverPendingEmails } from "@/lib/email/outbox";
import { confirmOfferUnchanged } from "@/lib/freshness/verify";
import { loadHours } from "@/lib/hours/editing";
import { loadOffer, saveOffer } from "@/lib/offers/editing";
import { hashToken } from "@/lib/signed-links/links";
import { openCampaignLink } from "./access";
import { closeCampaign, closeEndedCampaigns } from "./close";
import { sendQueuedInvitations, sendReminders } from "./delivery";
import { launchCampaign } from "./launch";
import { campaignProgress } from "./progress";
import { loadPlace } from "@/lib/places/editing";
import { loadStructureIdentity } from "@/lib/structures/update";
import { answerTemporaryHours, confirmUnchanged, removeOffer, saveCardThroughLink, saveOfferThroughLink, savePlaceThroughLink } from "./review";
import { launchCampaignSchema } from "./schemas";

const ORIGIN = "https://toile.test";
const LAUNCH = new Date("2027-03-01T09:00:00Z");
const DAY = 24 * 60 * 60_000;
const later = (days: number) => new Date(LAUNCH.getTime() + days * DAY);

let territoryId: string;
let coordinatorId: string;

beforeAll(async () => {
  ({ territoryId } = await seedDemoTerritory(db, new Date("2027-01-15T09:00:00Z")));
  coordinatorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

const input = (fields: Record<string, unknown>) =>
  launchCampaignSchema.parse({ territoryId, title: "Mise à jour de printemps", scope: "all", endsOn: "2027-03-21", reminderAfterDays: "7", maxReminders: "2", ...fields });

async function launched(fields: Record<string, unknown> = {}, now = LAUNCH) {
  const outcome = await launchCampaign(db, input(fields), coordinatorId, now);
  if (!outcome.ok) throw new Error(`launch refused: ${outcome.reason}`);
  return outcome;
}

/** The links the outbox holds for a campaign, by recipient: what people find in their mailbox. */
async function linksSent(campaignId: string) {
  const emails = await db.outboxEmail.findMany({
    where: { reference: { in: (await db.campaignTarget.findMany({ where: { campaignId }, select: { id: true } })).map(({ id }) => `campaign-target:${id}`) } },
    orderBy: { createdAt: "asc" },
  });
  return emails.map((email) => ({ to: email.to, subject: email.subject, text: email.text, token: /\/mise-a-jour\/([0-9a-f]{64})/.exec(email.text)?.[1] ?? "" }));
}

async function targetOf(campaignId: string, structureName: string) {
  return db.campaignTarget.findFirstOrThrow({ where: { campaignId, structure: { name: structureName } }, select: { id: true, structureId: true } });
}

async function open(token: string, now: Date, ip = "192.0.2.1") {
  const access = await openCampaignLink(db, token, { ip, now });
  if (!access.ok) throw new Error(`link refused: ${access.reason}`);
  return access.target;
}

describe("launching a campaign", () => {
  it("refuses an end in the past and a scope with nobody in it, next to the field", async () => {
    expect(await launchCampaign(db, input({ endsOn: "2027-02-27" }), coordinatorId, LAUNCH)).toEqual({
      ok: false,
      reason: "invalid",
      problems: [{ field: "endsOn", code: "campaign.ends_in_past" }],
    });
    expect(await launchCampaign(db, input({ scope: "chosen", structureIds: ["00000000-0000-4000-8000-000000000000"] }), coordinatorId, LAUNCH)).toEqual({ ok: false, reason: "nobody" });
    expect(launchCampaignSchema.safeParse({ territoryId, title: "X", scope: "chosen", endsOn: "2027-02-30", temporary: "on" }).error?.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["title", "endsOn", "structureIds", "temporaryFrom", "temporaryUntil"]),
    );
  });

  it("writes only the campaign and its structures; links and emails come from the worker, once, stored hashed", async () => {
    const bare = await db.structure.create({ data: { territoryId, name: "Association sans adresse", status: "published" } });
    const { campaignId, asked } = await launched();
    expect(asked).toBe(await db.structure.count({ where: { territoryId, status: { not: "closed" } } }));
    expect(await db.signedLink.count({ where: { campaignTarget: { campaignId } } })).toBe(0);
    expect(await db.campaignTarget.count({ where: { campaignId, delivery: "queued" } })).toBe(asked);

    // Two instances at once: each structure is written by one of them.
    const [first, second] = await Promise.all([
      sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN, batchSize: 3 }),
      sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN, batchSize: 3 }),
    ]);
    expect(first + second).toBe(asked);
    expect(await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN })).toBe(0);

    const sent = await linksSent(campaignId);
    // The structure with an admin: to the admin; the others to their own address; none to the one without.
    expect(sent.filter((email) => email.to === "direction@franceservices.exemple.fr")).toHaveLength(1);
    expect(sent.some((email) => email.to === "franceservices@val-de-lise.exemple.fr")).toBe(false);
    expect(sent.some((email) => email.to === "repaircafe@val-de-lise.exemple.org")).toBe(true);
    expect(await db.campaignTarget.findFirstOrThrow({ where: { campaignId, structureId: bare.id } })).toMatchObject({ delivery: "no_recipient", recipients: [] });
    expect(sent).toHaveLength(asked - 1);
    expect(sent[0]!.text).toContain("jusqu'au 21 mars inclus");

    // Only the hash is stored: the secret opens the link, the stored value does not.
    const stored = await db.signedLink.findMany({ where: { campaignTarget: { campaignId } }, select: { tokenHash: true, expiresAt: true } });
    expect(stored.map((link) => link.tokenHash).sort()).toEqual(sent.map((email) => hashToken(email.token)).sort());
    expect(stored.every((link) => !sent.some((email) => email.token === link.tokenHash))).toBe(true);
    expect(await openCampaignLink(db, stored[0]!.tokenHash, { ip: "192.0.2.9", now: LAUNCH })).toEqual({ ok: false, reason: "unknown" });
    // The campaign ends at midnight after its last day, Paris time.
    expect(stored[0]!.expiresAt).toEqual(new Date("2027-03-21T23:00:00Z"));
    // Out of the way of the next tests (its end would flag every structure's offers).
    await db.updateCampaign.delete({ where: { id: campaignId } });
  });
});

describe("a structure's answers, the reminders and the end", () => {
  it("counts answered / changed / unchanged / no answer, reminds who has not finished, flags what was never confirmed", async () => {
    const { campaignId } = await launched({ scope: "chosen", structureIds: await namesToIds(["Repair café du Val de Lise", "Centre social des Tilleuls", "Bureau Information Jeunesse"]) });
    await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN });
    const sent = await linksSent(campaignId);
    const tokenOf = (to: string) => sent.find((email) => email.to === to)!.token;

    // The Repair café: "nothing changed" for everything, in one click.
    const repair = await open(tokenOf("repaircafe@val-de-lise.exemple.org"), later(1));
    expect(await confirmUnchanged(db, repair, { kind: "all", itemId: "" }, later(1))).toMatchObject({ ok: true });
    const repairOffers = await db.offer.findMany({ where: { structureId: repair.structureId, status: "published" } });
    expect(repairOffers.every((offer) => offer.lastVerifiedAt?.getTime() === later(1).getTime() && offer.lastVerifiedById === null)).toBe(true);
    expect(await db.changeRecord.count({ where: { structureId: repair.structureId, action: "campaign.answered" } })).toBeGreaterThan(1);

    // The centre social: corrects one offer's title, confirms the rest.
    const tilleuls = await open(tokenOf("accueil@centre-social-tilleuls.exemple.org"), later(2));
    const [corrected] = await db.offer.findMany({ where: { structureId: tilleuls.structureId, status: "published" }, orderBy: { title: "asc" } });
    const loaded = (await loadOffer(db, tilleuls.structureId, corrected!.id))!;
    const saved = await saveOfferThroughLink(db, tilleuls, { ...loaded.values, title: `${loaded.values.title} (mardi)`, structureId: "forged", offerId: corrected!.id, version: loaded.version }, later(2));
    expect(saved).toMatchObject({ ok: true, changed: ["title"] });
    await confirmUnchanged(db, tilleuls, { kind: "all", itemId: "" }, later(2));

    // The BIJ never answers: reminded after 7 days, then 7 days later, never more than twice.
    expect(await sendReminders(db, later(6), { origin: ORIGIN })).toBe(0);
    expect(await sendReminders(db, later(7), { origin: ORIGIN })).toBe(1);
    expect(await sendReminders(db, later(7), { origin: ORIGIN })).toBe(0);
    expect(await sendReminders(db, later(14), { origin: ORIGIN })).toBe(1);
    expect(await sendReminders(db, later(19), { origin: ORIGIN })).toBe(0);
    const reminders = (await linksSent(campaignId)).filter((email) => email.subject.startsWith("Rappel"));
    expect(reminders.map((email) => email.to)).toEqual(["bij@saint-aubin-sur-lise.exemple.fr", "bij@saint-aubin-sur-lise.exemple.fr"]);
    // Each reminder carries a link of its own that works; the first still works too.
    await open(reminders[1]!.token, later(15));
    await open(tokenOf("bij@saint-aubin-sur-lise.exemple.fr"), later(15));

    const progress = (await campaignProgress(db, territoryId, campaignId, later(15)))!;
    expect(progress.counts).toEqual({ asked: 3, answered: 2, changed: 1, unchanged: 1, inProgress: 0, noAnswer: 1 });
    expect(progress.lines.find((line) => line.structureName === "Bureau Information Jeunesse")).toMatchObject({ state: "no_answer", remindersSent: 2 });

    // The end: the BIJ's published offers are flagged, the others are not; its links now say the campaign ended.
    const bij = await targetOf(campaignId, "Bureau Information Jeunesse");
    expect(await closeEndedCampaigns(db, later(19))).toBe(0);
    const flagged = await closeEndedCampaigns(db, later(21));
    const bijOffers = await db.offer.findMany({ where: { structureId: bij.structureId, status: "published" } });
    expect(flagged).toBe(bijOffers.length);
    expect(bijOffers.every((offer) => offer.unconfirmedSince?.getTime() === (offer.lastVerifiedAt ?? offer.createdAt).getTime())).toBe(true);
    expect(await db.offer.count({ where: { structureId: { in: [repair.structureId, tilleuls.structureId] }, unconfirmedSince: { not: null } } })).toBe(0);
    expect(await openCampaignLink(db, tokenOf("bij@saint-aubin-sur-lise.exemple.fr"), { ip: "192.0.2.1", now: later(21) })).toMatchObject({
      ok: false,
      reason: "ended",
      campaignTitle: "Mise à jour de printemps",
    });
    expect(await sendReminders(db, later(28), { origin: ORIGIN })).toBe(0);

    // Verifying the offer later lifts the flag.
    await confirmOfferUnchanged(db, bijOffers[0]!.id, coordinatorId, later(22));
    expect((await db.offer.findUniqueOrThrow({ where: { id: bijOffers[0]!.id } })).unconfirmedSince).toBeNull();
  });

  it("refuses the later of two saves of one offer with both versions, and records no answer for it", async () => {
    const { campaignId } = await launched({ scope: "chosen", structureIds: await namesToIds(["Médiathèque Jean-de-La-Fontaine"]) });
    await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN });
    const [email] = await linksSent(campaignId);
    const structure = await open(email!.token, later(1));
    const offer = await db.offer.findFirstOrThrow({ where: { structureId: structure.structureId, status: "published" } });
    const opened = (await loadOffer(db, structure.structureId, offer.id))!;

    // The coordinator saves in the matrix while the structure has the form open.
    expect(await saveOffer(db, { ...opened.values, feeDetails: "Gratuit pour les abonnés", structureId: structure.structureId, offerId: offer.id, version: opened.version }, coordinatorId, later(1))).toMatchObject({ ok: true });
    const late = await saveOfferThroughLink(db, structure, { ...opened.values, feeDetails: "2 € la séance", structureId: structure.structureId, offerId: offer.id, version: opened.version }, later(1));
    expect(late).toMatchObject({ ok: false, reason: "conflict", changedMeanwhile: ["feeDetails"], saved: { feeDetails: "Gratuit pour les abonnés" } });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).feeDetails).toBe("Gratuit pour les abonnés");
    expect(await db.campaignItemAnswer.count({ where: { target: { campaignId } } })).toBe(0);
    await closeCampaign(db, campaignId, later(1));
  });

  it("records an offer that no longer exists as archived, and a summer period's hours as a dated exception", async () => {
    const { campaignId } = await launched({
      title: "Horaires d'été",
      scope: "chosen",
      structureIds: await namesToIds(["CCAS de Château-Thierry"]),
      temporary: "on",
      temporaryFrom: "2027-07-14",
      temporaryUntil: "2027-08-22",
    });
    await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN });
    const [email] = await linksSent(campaignId);
    expect(email!.text).toContain("du 14 juillet au 22 août");
    const ccas = await open(email!.token, later(1));
    const place = await db.place.findFirstOrThrow({ where: { structureId: ccas.structureId } });

    expect(await answerTemporaryHours(db, ccas, { placeId: place.id, choice: "closed", opens: "", closes: "" }, later(1))).toEqual({ ok: true });
    expect(await answerTemporaryHours(db, ccas, { placeId: place.id, choice: "special", opens: "09:00", closes: "12:00" }, later(2))).toEqual({ ok: true });
    const hours = (await loadHours(db, ccas.structureId, { kind: "place", placeId: place.id }))!;
    const summer = hours.hours.exceptions.filter((exception) => exception.label === "Horaires d'été");
    expect(summer).toEqual([{ startsOn: "2027-07-14", endsOn: "2027-08-22", closed: false, opensAtMinute: 540, closesAtMinute: 720, label: "Horaires d'été" }]);
    expect(await db.campaignItemAnswer.findFirstOrThrow({ where: { target: { campaignId }, itemId: place.id } })).toMatchObject({ answer: "temporary" });

    // The place's own fields, corrected with the matrix's rules: the answer becomes "changed".
    const placeForm = (await loadPlace(db, ccas.structureId, place.id))!;
    const corrected = await savePlaceThroughLink(
      db,
      ccas,
      { ...placeForm.values, commune: placeForm.values.communeName, accessibilityNotes: "Entrée par la rue Carnot", structureId: ccas.structureId, placeId: place.id, version: placeForm.version, communeUnverified: false } as never,
      later(2),
    );
    expect(corrected).toMatchObject({ ok: true, changed: ["accessibilityNotes"] });
    expect(await db.campaignItemAnswer.findFirstOrThrow({ where: { target: { campaignId }, itemId: place.id } })).toMatchObject({ answer: "changed" });

    const offer = await db.offer.findFirstOrThrow({ where: { structureId: ccas.structureId, status: "published" } });
    expect(await removeOffer(db, ccas, offer.id, later(2))).toMatchObject({ ok: true });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("archived");
    expect(await db.campaignItemAnswer.findFirstOrThrow({ where: { target: { campaignId }, itemId: offer.id } })).toMatchObject({ answer: "removed" });
    // Another structure's offer through this link: not found, nothing written.
    const foreign = await db.offer.findFirstOrThrow({ where: { structure: { name: "Repair café du Val de Lise" } } });
    expect(await confirmUnchanged(db, ccas, { kind: "offer", itemId: foreign.id }, later(2))).toEqual({ ok: false, reason: "not_found" });
    await closeCampaign(db, campaignId, later(3));
  });
});

describe("the structure's card through the link", () => {
  it("is corrected with the identity form's rules, in its own structure only, and counts as the card's answer", async () => {
    const { campaignId } = await launched({ scope: "chosen", structureIds: await namesToIds(["Repair café du Val de Lise"]) });
    await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN });
    const [email] = await linksSent(campaignId);
    const repair = await open(email!.token, later(1));
    const { values, version } = await loadStructureIdentity(db, repair.structureId);
    const foreignId = (await db.structure.findFirstOrThrow({ where: { name: "Bureau Information Jeunesse" } })).id;
    const outcome = await saveCardThroughLink(
      db,
      repair,
      { ...values, name: values.name!, phone: "03 23 00 00 01", structureId: foreignId, version } as never,
      later(1),
    );
    expect(outcome).toMatchObject({ ok: true, changed: ["phone"] });
    expect((await db.structure.findUniqueOrThrow({ where: { id: repair.structureId } })).phone).toBe("03 23 00 00 01");
    expect((await db.structure.findUniqueOrThrow({ where: { id: foreignId } })).phone).not.toBe("03 23 00 00 01");
    expect(await db.campaignItemAnswer.findFirstOrThrow({ where: { target: { campaignId }, kind: "structure" } })).toMatchObject({ answer: "changed", itemId: repair.structureId });
    await closeCampaign(db, campaignId, later(2));
  });
});

describe("signed links", () => {
  it("say revoked, and a flood of wrong secrets from one address is slowed down", async () => {
    const { campaignId } = await launched({ scope: "chosen", structureIds: await namesToIds(["Association Lien numérique"]) });
    await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN });
    const [email] = await linksSent(campaignId);
    const target = await open(email!.token, later(1));
    await db.signedLink.updateMany({ where: { campaignTargetId: target.id }, data: { revokedAt: later(1) } });
    expect(await openCampaignLink(db, email!.token, { ip: "192.0.2.1", now: later(2) })).toEqual({ ok: false, reason: "revoked" });

    const guesses = await Promise.all(Array.from({ length: 21 }, (_, index) => openCampaignLink(db, index.toString(16).padStart(64, "0"), { ip: "198.51.100.7", now: later(2) })));
    expect(guesses.filter((guess) => !guess.ok && guess.reason === "unknown")).toHaveLength(20);
    expect(guesses.filter((guess) => !guess.ok && guess.reason === "rate_limited")).toHaveLength(1);
    await closeCampaign(db, campaignId, later(2));
  });

  it("a bounced address is failed at once by the outbox and shown on the campaign's page", async () => {
    const { campaignId } = await launched({ scope: "chosen", structureIds: await namesToIds(["Association Lien numérique"]) });
    await sendQueuedInvitations(db, LAUNCH, { origin: ORIGIN });
    const refusing = { send: async () => Promise.reject(Object.assign(new Error("550 5.1.1 Adresse inconnue"), { responseCode: 550 })) };
    while ((await deliverPendingEmails(db, refusing, { now: later(1), batchSize: 50 })).failed > 0);
    const progress = (await campaignProgress(db, territoryId, campaignId, later(1)))!;
    expect(progress.failedEmails).toBe(1);
    expect(progress.lines[0]!.failed).toEqual([{ to: "contact@lien-numerique.exemple.org", error: "550 5.1.1 Adresse inconnue" }]);
  });
});

async function namesToIds(names: string[]) {
  return (await db.structure.findMany({ where: { territoryId, name: { in: names } }, select: { id: true } })).map(({ id }) => id);
}
