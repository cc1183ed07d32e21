import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type SignedInActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { orient } from "@/lib/orientation/engine";
import { purgeTimePersonalData } from "@/lib/time-retention/purge";
import { territoryActivity } from "@/lib/time-indicators/queries";
import { listItems } from "@/lib/territory-lists/queries";
import { createTransfer } from "@/lib/transfers/create";
import { loadCreatePage } from "@/lib/transfers/create-form";
import { transferSchema } from "@/lib/transfers/schemas";
import { callForTransfer, endCall, linkTransferToCall, loadCall, loadCalls, recordOutcome, saveSheet, startCall } from "./calls";
import { callCounts } from "./counts";
import { loadCallPage } from "./page-data";
import { outcomeSchema, sheetSchema } from "./schemas";

// Tuesday 24 November 2026, 09:30 in Paris: the demo line's phone permanence (Tuesdays and Thursdays, 9–12) is on.
const now = new Date("2026-11-24T08:30:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let ines: SignedInActor;
let sophie: SignedInActor;
let claire: SignedInActor;
let lineId: string;
let lineStructureId: string;
let territoryId: string;
let target: { id: string; structureId: string };

const actor = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
const sheet = (callId: string, values: Record<string, unknown>) => sheetSchema.parse({ callId, ...values });
const outcome = (callId: string, values: Record<string, unknown>) => outcomeSchema.parse({ callId, ...values });
const started = async (at = now) => {
  const result = await startCall(db, ines, { structureId: lineStructureId, offerId: lineId }, at);
  if (!result.ok) throw new Error(result.code);
  return result.callId;
};

beforeAll(async () => {
  await seedDemoTerritory(db, now);
  ines = await actor("ligne@val-de-lise.exemple.fr");
  sophie = await actor("accueil@franceservices.exemple.fr");
  claire = await actor("coordination@val-de-lise.exemple.fr");
  const line = await db.offer.findFirstOrThrow({ where: { phoneLine: true }, select: { id: true, structureId: true, territoryId: true, places: true } });
  expect(line.places).toEqual([]);
  lineId = line.id;
  lineStructureId = line.structureId;
  territoryId = line.territoryId;
  target = await db.offer.findFirstOrThrow({ where: { title: "Aide aux démarches administratives en ligne" }, select: { id: true, structureId: true } });
});

describe("the calls page", () => {
  it("shows the structure's line with its phone permanence on now, or the next one, to its members only", async () => {
    const page = await loadCalls(db, ines, lineStructureId, now);
    expect(page!.lines).toEqual([expect.objectContaining({ id: lineId, hasHours: true, status: { open: true, closesAt: new Date("2026-11-24T11:00:00Z"), appointmentOnly: false } })]);
    const afterwards = await loadCalls(db, ines, lineStructureId, new Date("2026-11-24T12:00:00Z"));
    expect(afterwards!.lines[0]!.status).toEqual({ open: false, nextOpensAt: new Date("2026-11-26T08:00:00Z"), appointmentOnly: false });
    expect(await loadCalls(db, sophie, lineStructureId, now)).toBeNull();
    expect(await loadCalls(db, claire, lineStructureId, now)).toBeNull();
  });
});

describe("a call sheet", () => {
  it("is started on a line of the structure at the server's clock, by its members only", async () => {
    const callId = await started();
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ startedAt: now, structureId: lineStructureId, offerId: lineId, territoryId, takenById: ines.userId, outcome: null });
    expect(await startCall(db, sophie, { structureId: lineStructureId, offerId: lineId }, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await startCall(db, ines, { structureId: lineStructureId, offerId: target.id }, now)).toMatchObject({ ok: false, code: "phone_call.not_a_line" });
    expect((await loadCalls(db, ines, lineStructureId, now))!.calls.find((call) => call.id === callId)).toMatchObject({ ongoing: true, outcome: null });
  });

  it("saves the request and the 3-A, then suggests offers for it; another structure's member gets a 404", async () => {
    const callId = await started();
    const [category] = await listItems(db, territoryId, "request_category");
    expect(await saveSheet(db, ines, sheet(callId, { request: "Déclarer ses impôts", categoryItemId: "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f" }))).toMatchObject({
      ok: false,
      code: "phone_call.category_unknown",
      field: "categoryItemId",
    });
    expect(await saveSheet(db, sophie, sheet(callId, { request: "Intrus" }))).toMatchObject({ ok: false, code: "not_found" });
    const saved = await saveSheet(
      db,
      ines,
      sheet(callId, { request: "Déclarer ses impôts", categoryItemId: category!.id, needSlug: "demarches-administratives", difficulty: "moderate", urgency: "urgent", deadline: "2026-11-30", digitalEase: "none", equipment: ["none"], posture: "faire-avec", ageBand: "60_plus", commune: "Château-Thierry", distance: "10" }),
    );
    expect(saved).toEqual({ ok: true });
    const loaded = await loadCall(db, ines, callId, {}, now);
    expect(loaded!.analysis).toEqual({
      request: "Déclarer ses impôts",
      needSlug: "demarches-administratives",
      difficulty: "moderate",
      urgency: "urgent",
      deadline: "2026-11-30",
      digitalEase: "none",
      equipment: ["none"],
      posture: "faire-avec",
      ageBand: "60_plus",
      commune: "Château-Thierry",
      distance: 10,
    });
    expect(await loadCall(db, sophie, callId, {}, now)).toBeNull();
    expect(await loadCallPage(sophie, lineStructureId, callId, {}, now)).toBeNull();
    // Another structure's id in the URL: 404 too.
    expect(await loadCallPage(ines, target.structureId, callId, {}, now)).toBeNull();
    const page = await loadCallPage(ines, lineStructureId, callId, {}, now);
    expect(page!.suggestions!.situation).toMatchObject({ besoin: "demarches-administratives", urgence: "urgent", objectif: "faire-avec" });
    expect(page!.suggestions!.ranked.map((item) => item.offer.id)).toContain(target.id);
    // The engine would propose the line itself (it helps with online procedures): not on its own call's sheet.
    const engine = await orient(db, page!.call.territory.slug, { situation: page!.suggestions!.situation, ignored: [] }, now);
    expect([...engine!.ranked, ...engine!.excluded].map((item) => item.offer.id)).toContain(lineId);
    expect([...page!.suggestions!.ranked, ...page!.suggestions!.excluded].map((item) => item.offer.id)).not.toContain(lineId);
  });

  it("has no suggestions before anything is said about the need", async () => {
    const page = await loadCallPage(ines, lineStructureId, await started(), {}, now);
    expect(page!.suggestions).toBeNull();
  });

  it("tells the person to come, with the message read aloud or sent by SMS with consent, the number kept only in the outbox", async () => {
    const callId = await started();
    const chosen = (await loadCall(db, ines, callId, { chosenOfferId: target.id }, now))!.chosen!;
    expect(chosen.message).toMatch(/^Venez à .+, le (mardi|jeudi) \d+ (novembre|décembre) à .+ : Aide aux démarches administratives en ligne \(.+\)\. Apportez : .+\.$/);
    // Sophie is not a member of the line's structure; Inès is not one of France Services': no booking link for her.
    expect(chosen.bookingHref).toBeNull();

    expect(await recordOutcome(db, ines, outcome(callId, { outcome: "come_to_permanence", outcomeOfferId: "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f", messageText: "Venez." }), now)).toMatchObject({
      ok: false,
      code: "phone_call.offer_unknown",
      field: "outcomeOfferId",
    });
    const smsBefore = await db.outboxSms.count();
    const recorded = await recordOutcome(
      db,
      ines,
      outcome(callId, { outcome: "come_to_permanence", outcomeOfferId: target.id, messageText: chosen.message, sendBy: "sms", consent: "on", phone: "06 12 34 56 78" }),
      now,
    );
    expect(recorded).toEqual({ ok: true, sent: true });
    expect(await db.outboxSms.count()).toBe(smsBefore + 1);
    expect((await db.outboxSms.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).to).toBe("06 12 34 56 78");
    const call = await db.phoneCall.findUniqueOrThrow({ where: { id: callId } });
    expect(call).toMatchObject({ outcome: "come_to_permanence", outcomeOfferId: target.id, messageText: chosen.message, messageSentBy: "sms" });
    expect(JSON.stringify(call)).not.toContain("06 12 34 56 78");
    expect(await recordOutcome(db, sophie, outcome(callId, { outcome: "answered_on_phone" }), now)).toMatchObject({ ok: false, code: "not_found" });

    // By email, the same way: the address in the outbox, not on the call.
    const emailed = await recordOutcome(
      db,
      ines,
      outcome(callId, { outcome: "come_to_permanence", outcomeOfferId: target.id, messageText: "Venez jeudi.", sendBy: "email", consent: "on", email: "personne@exemple.fr" }),
      now,
    );
    expect(emailed).toEqual({ ok: true, sent: true });
    expect(await db.outboxEmail.findFirstOrThrow({ where: { to: "personne@exemple.fr" } })).toMatchObject({ text: "Venez jeudi.", subject: expect.stringContaining("votre demande") });
    const after = await db.phoneCall.findUniqueOrThrow({ where: { id: callId } });
    expect(after).toMatchObject({ messageText: "Venez jeudi.", messageSentBy: "email" });
    expect(JSON.stringify(after)).not.toContain("personne@exemple.fr");
  });

  it("records an appointment booked since the call started, not one booked before", async () => {
    // Inès also receives at France Services for this test: she may book for its offer.
    await db.structureMembership.create({ data: { userId: ines.userId, structureId: target.structureId, role: "member" } });
    const both = await actor("ligne@val-de-lise.exemple.fr");
    const callId = (await startCall(db, both, { structureId: lineStructureId, offerId: lineId }, now)) as { ok: true; callId: string };
    const appointment = (createdAt: Date, startsAt: string) =>
      db.appointment.create({
        data: { territoryId, structureId: target.structureId, offerId: target.id, kind: "procedure", startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 45 * 60_000), channel: "staff", createdAt },
        select: { id: true },
      });
    const before = await appointment(later(-5), "2026-11-26T13:00:00Z");
    const during = await appointment(later(3), "2026-11-26T14:00:00Z");
    const chosen = (await loadCall(db, both, callId.callId, { chosenOfferId: target.id }, now))!.chosen!;
    expect(chosen.bookingHref).toBe(`/structures/${target.structureId}/rendez-vous/nouveau?offre=${target.id}`);
    expect(chosen.appointments.map((row) => row.id)).toEqual([during.id]);
    expect(await recordOutcome(db, both, outcome(callId.callId, { outcome: "appointment_given", outcomeOfferId: target.id, appointmentId: before.id }), later(4))).toMatchObject({
      ok: false,
      code: "phone_call.appointment_unknown",
      field: "appointmentId",
    });
    expect(await recordOutcome(db, both, outcome(callId.callId, { outcome: "appointment_given", outcomeOfferId: target.id, appointmentId: during.id }), later(4))).toEqual({ ok: true, sent: false });
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: callId.callId } })).toMatchObject({ outcome: "appointment_given", appointmentId: during.id });
    await db.structureMembership.deleteMany({ where: { userId: ines.userId, structureId: target.structureId } });
  });

  it("ends once, with its duration", async () => {
    const callId = await started();
    expect(await endCall(db, sophie, callId, later(4))).toMatchObject({ ok: false, code: "not_found" });
    expect(await endCall(db, ines, callId, new Date(now.getTime() + 245_400))).toEqual({ ok: true });
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ endedAt: new Date(now.getTime() + 245_400), durationSeconds: 245 });
    expect(await endCall(db, ines, callId, later(10))).toMatchObject({ ok: false, code: "phone_call.already_ended" });
  });
});

describe("a transfer made from a call", () => {
  it("is prefilled with the call's analysis, sent by the line's structure, and links the call as redirected", async () => {
    const callId = await started();
    await saveSheet(db, ines, sheet(callId, { request: "Dossier de retraite bloqué", needSlug: "demarches-administratives", urgency: "urgent", digitalEase: "beginner", equipment: ["smartphone"], posture: "faire-avec" }));
    const page = await loadCreatePage(db, ines, { offerId: target.id, phoneCallId: callId, now });
    expect(page!.defaults).toMatchObject({
      phoneCallId: callId,
      fromStructureId: lineStructureId,
      needDescription: "Dossier de retraite bloqué",
      urgency: "urgent",
      digitalEase: "beginner",
      equipment: ["smartphone"],
      supportGoal: "immediate",
      personLabel: "",
    });
    // Another structure's member: the call is not prefilled, and refused on creation.
    expect((await loadCreatePage(db, sophie, { offerId: target.id, phoneCallId: callId, now }))!.defaults.phoneCallId).toBe("");
    const input = transferSchema.parse({ ...page!.defaults, level: "accompanied", intent: "draft", documents: [] });
    expect(await createTransfer(db, sophie, { ...input, fromStructureId: target.structureId }, now)).toEqual({ ok: false, reason: "not_found" });
    const created = await createTransfer(db, ines, input, now);
    expect(created.ok).toBe(true);
    const transferId = created.ok ? created.transferId : "";
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ transferId, outcome: "redirected", outcomeOfferId: target.id });
    expect((await loadCall(db, ines, callId, {}, now))!.call.transfer).toEqual({ id: transferId, code: created.ok ? created.code : "" });
    expect(await db.transfer.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({ level: "accompanied", fromStructureId: lineStructureId, needDescription: "Dossier de retraite bloqué" });
    // Once: no second transfer from the same call, and the outcome stays "redirected".
    expect(await callForTransfer(db, ines, callId)).toBeNull();
    expect(await db.$transaction((tx) => linkTransferToCall(tx, callId, { id: transferId, offerId: target.id }))).toBe(false);
    expect(await createTransfer(db, ines, { ...input, idempotencyKey: crypto.randomUUID() }, now)).toEqual({ ok: false, reason: "not_found" });
    expect(await recordOutcome(db, ines, outcome(callId, { outcome: "answered_on_phone" }), now)).toMatchObject({ ok: false, code: "phone_call.has_transfer", field: "outcome" });
  });
});

describe("the calls' indicators and retention", () => {
  it("count calls per phone permanence, per outcome, the share redirected and the median duration, without any words", async () => {
    // A separate week, so that the counts are this test's calls only.
    const monday = new Date("2026-12-07T08:00:00Z");
    const at = (day: string, minutes: number) => new Date(new Date(`${day}T08:00:00Z`).getTime() + minutes * 60_000);
    const calls = await Promise.all([at("2026-12-08", 0), at("2026-12-08", 20), at("2026-12-08", 40), at("2026-12-10", 0)].map((start) => started(start)));
    await saveSheet(db, ines, sheet(calls[0]!, { request: "Mot de passe Ameli" }));
    await recordOutcome(db, ines, outcome(calls[0]!, { outcome: "answered_on_phone", outcomeNote: "Réglé au téléphone" }), at("2026-12-08", 2));
    await recordOutcome(db, ines, outcome(calls[1]!, { outcome: "redirected", outcomeOfferId: target.id }), at("2026-12-08", 25));
    await recordOutcome(db, ines, outcome(calls[3]!, { outcome: "other", outcomeNote: "Erreur de numéro" }), at("2026-12-10", 1));
    await endCall(db, ines, calls[0]!, at("2026-12-08", 3));
    await endCall(db, ines, calls[1]!, at("2026-12-08", 30));
    await endCall(db, ines, calls[3]!, at("2026-12-10", 1));

    const counts = await callCounts(db, territoryId, { from: monday, until: at("2026-12-14", 0) }, "Europe/Paris");
    expect(counts).toEqual({
      calls: 4,
      perPermanence: [
        { offerId: lineId, lineTitle: expect.stringContaining("Ligne d'accueil"), day: "2026-12-10", calls: 1 },
        { offerId: lineId, lineTitle: expect.stringContaining("Ligne d'accueil"), day: "2026-12-08", calls: 3 },
      ],
      byOutcome: { answered_on_phone: 1, come_to_permanence: 0, appointment_given: 0, redirected: 1, other: 1, none: 1 },
      redirectedShare: 0.25,
      // 60 s, 180 s and 600 s.
      medianDurationSeconds: 180,
    });
    expect(JSON.stringify(counts)).not.toMatch(/Ameli|Réglé|numéro/);
    const activity = await territoryActivity(db, claire, (await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).slug, "30j", at("2026-12-13", 0));
    // The last 30 days hold every call of this file so far.
    expect(activity!.calls.calls).toBe(await db.phoneCall.count({ where: { territoryId } }));
    expect(activity!.calls.perPermanence).toContainEqual({ offerId: lineId, lineTitle: expect.any(String), day: "2026-12-08", calls: 3 });
  });

  it("erase a call's words after the territory's retention, and keep what is counted", async () => {
    const callId = await started(new Date("2026-11-26T08:10:00Z"));
    await saveSheet(db, ines, sheet(callId, { request: "Carte grise en ligne" }));
    await recordOutcome(db, ines, outcome(callId, { outcome: "other", outcomeNote: "Rappellera", messageText: "Apportez le certificat de cession." }), now);
    await endCall(db, ines, callId, new Date("2026-11-26T08:15:00Z"));
    // The demo territory keeps words 90 days.
    await purgeTimePersonalData(db, new Date("2027-02-23T08:00:00Z"));
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ request: "Carte grise en ligne", erasedAt: null });
    const purgedAt = new Date("2027-02-25T08:00:00Z");
    await purgeTimePersonalData(db, purgedAt);
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({
      request: "",
      messageText: null,
      outcomeNote: null,
      erasedAt: purgedAt,
      outcome: "other",
      durationSeconds: 300,
    });
  });
});
