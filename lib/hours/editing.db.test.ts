import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { loadHours, saveHours } from "./editing";
import { hoursFormSchema, type HoursOwner } from "./schemas";

let actorId: string;
let repairCafe: { structureId: string; placeId: string };
let lienNumerique: { structureId: string; offerId: string; mediathequeId: string };
let phoneLine: { structureId: string; offerId: string };

beforeAll(async () => {
  await seedDemoTerritory(db);
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
  const place = await db.place.findFirstOrThrow({ where: { name: "Salle des fêtes de Charly" } });
  repairCafe = { structureId: place.structureId, placeId: place.id };
  // A hosted permanence: the association's offer at the médiathèque of another structure.
  const permanence = await db.offerPlace.findFirstOrThrow({
    where: { offer: { title: "Permanence de l'informaticien public" }, place: { name: "Médiathèque" } },
    include: { offer: true },
  });
  lienNumerique = { structureId: permanence.offer.structureId, offerId: permanence.offerId, mediathequeId: permanence.placeId };
  const line = await db.offer.findFirstOrThrow({ where: { places: { none: {} }, openingSlots: { some: {} } } });
  phoneLine = { structureId: line.structureId, offerId: line.id };
});

/** The form as the editor posts it, from the owner's current version. */
async function form(structureId: string, owner: HoursOwner, fields: Record<string, unknown>) {
  const loaded = await loadHours(db, structureId, owner);
  return hoursFormSchema.parse({ structureId, owner, version: loaded?.version ?? "none", publicHolidays: "closed", ...fields });
}

const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false) => ({
  weekday: String(weekday),
  opens,
  closes,
  ...(appointmentOnly ? { appointmentOnly: "on" } : {}),
});
const blankSlot = (weekday: number) => slot(weekday, "", "");
const blankException = { startsOn: "", endsOn: "", opens: "", closes: "", label: "" };

describe("saving a place's hours", () => {
  const owner = () => ({ kind: "place" as const, placeId: repairCafe.placeId });

  it("saves slots, exceptions and the holiday rule, ignores blank rows, and records it in plain French", async () => {
    const input = await form(repairCafe.structureId, owner(), {
      slots: [slot(2, "10:00", "12:00"), blankSlot(2), slot(2, "14:00", "17:00"), slot(4, "10:00", "17:00"), slot(5, "09:00", "11:00", true)],
      exceptions: [{ ...blankException, startsOn: "2026-12-24", endsOn: "2027-01-01", label: "congés" }, blankException],
      publicHolidays: "open_as_usual",
    });
    const outcome = await saveHours(db, input, actorId);
    expect(outcome).toMatchObject({ ok: true, changed: true });

    const loaded = (await loadHours(db, repairCafe.structureId, owner()))!;
    expect(loaded.hours.slots.map((s) => [s.weekday, s.opensAtMinute, s.closesAtMinute, s.appointmentOnly])).toEqual([
      [2, 600, 720, false],
      [2, 840, 1020, false],
      [4, 600, 1020, false],
      [5, 540, 660, true],
    ]);
    expect(loaded.hours.exceptions).toEqual([
      { startsOn: "2026-12-24", endsOn: "2027-01-01", closed: true, opensAtMinute: null, closesAtMinute: null, label: "congés" },
    ]);
    expect(loaded.hours.publicHolidays).toBe("open_as_usual");
    expect(loaded.description).toBe(
      "le mardi de 10 h à 12 h et de 14 h à 17 h ; le jeudi de 10 h à 17 h ; le vendredi de 9 h à 11 h sur rendez-vous ; " +
        "ouvert aussi les jours fériés ; fermé du 24 décembre au 1er janvier (congés)",
    );
    expect(outcome.ok && outcome.version).toBe(loaded.version);

    const record = await db.changeRecord.findFirstOrThrow({ where: { structureId: repairCafe.structureId }, orderBy: { createdAt: "desc" } });
    expect(record).toMatchObject({ action: "place.hours.updated", summary: "Horaires modifiés : le lieu « Salle des fêtes de Charly »", actorId });
    expect(record.changes).toMatchObject({ horaires: { before: "le samedi de 9 h 30 à 12 h 30 ; fermé les jours fériés", after: loaded.description } });
  });

  it("replaces the previous hours entirely", async () => {
    await saveHours(db, await form(repairCafe.structureId, owner(), { slots: [slot(6, "09:30", "12:30")] }), actorId);
    const loaded = (await loadHours(db, repairCafe.structureId, owner()))!;
    expect(loaded.hours.slots).toHaveLength(1);
    expect(loaded.hours.exceptions).toEqual([]);
    expect(loaded.description).toBe("le samedi de 9 h 30 à 12 h 30 ; fermé les jours fériés");
  });

  it("changes nothing, not even the history, when nothing changed", async () => {
    const before = await db.changeRecord.count();
    const outcome = await saveHours(db, await form(repairCafe.structureId, owner(), { slots: [slot(6, "09:30", "12:30")] }), actorId);
    expect(outcome).toMatchObject({ ok: true, changed: false });
    expect(await db.changeRecord.count()).toBe(before);
  });

  it("refuses a save based on hours someone else changed meanwhile, and says what they are now", async () => {
    const first = await form(repairCafe.structureId, owner(), { slots: [slot(6, "10:00", "12:00")] });
    const second = await form(repairCafe.structureId, owner(), { slots: [slot(1, "10:00", "12:00")] });
    expect((await saveHours(db, first, actorId)).ok).toBe(true);
    expect(await saveHours(db, second, actorId)).toEqual({
      ok: false,
      reason: "conflict",
      current: "le samedi de 10 h à 12 h ; fermé les jours fériés",
    });
    expect((await loadHours(db, repairCafe.structureId, owner()))!.description).toBe("le samedi de 10 h à 12 h ; fermé les jours fériés");
  });

  it("refuses a place of another structure, writing nothing", async () => {
    const before = await db.openingSlot.count({ where: { placeId: repairCafe.placeId } });
    const records = await db.changeRecord.count();
    const input = await form(repairCafe.structureId, owner(), { slots: [slot(1, "08:00", "09:00")] });
    expect(await saveHours(db, { ...input, structureId: lienNumerique.structureId }, actorId)).toEqual({ ok: false, reason: "not_found" });
    expect(await loadHours(db, lienNumerique.structureId, owner())).toBeNull();
    expect(await db.openingSlot.count({ where: { placeId: repairCafe.placeId } })).toBe(before);
    expect(await db.changeRecord.count()).toBe(records);
  });
});

describe("saving an offer's hours", () => {
  const atMediatheque = () => ({ kind: "offerPlace" as const, offerId: lienNumerique.offerId, placeId: lienNumerique.mediathequeId });

  it("gives an offer its own hours at a place held by another structure, then goes back to the place's hours", async () => {
    const own = await form(lienNumerique.structureId, atMediatheque(), {
      hoursSource: "own",
      publicHolidays: "same_as_place",
      slots: [slot(4, "09:30", "12:00"), slot(5, "14:00", "16:00")],
    });
    expect(await saveHours(db, own, actorId)).toMatchObject({ ok: true, changed: true });
    const loaded = (await loadHours(db, lienNumerique.structureId, atMediatheque()))!;
    expect(loaded.hours.slots).toHaveLength(2);
    expect(loaded.hours.publicHolidays).toBeNull();
    // No rule of its own: the place's (closed on public holidays) applies.
    expect(loaded.description).toBe("le jeudi de 9 h 30 à 12 h ; le vendredi de 14 h à 16 h ; fermé les jours fériés");

    const back = await form(lienNumerique.structureId, atMediatheque(), { hoursSource: "place", slots: [slot(4, "09:30", "12:00")] });
    expect(await saveHours(db, back, actorId)).toMatchObject({ ok: true, changed: true });
    const offerPlace = await db.offerPlace.findFirstOrThrow({ where: { offerId: lienNumerique.offerId, placeId: lienNumerique.mediathequeId } });
    expect(await db.openingSlot.count({ where: { offerPlaceId: offerPlace.id } })).toBe(0);
    const reloaded = (await loadHours(db, lienNumerique.structureId, atMediatheque()))!;
    expect(reloaded.description).toMatch(/^mêmes horaires que le lieu \(/);
    const record = await db.changeRecord.findFirstOrThrow({ where: { structureId: lienNumerique.structureId }, orderBy: { createdAt: "desc" } });
    expect(record).toMatchObject({
      action: "offer.hours.updated",
      offerId: lienNumerique.offerId,
      summary: "Horaires de l'offre « Permanence de l'informaticien public » à « Médiathèque » : retour aux horaires du lieu",
    });
  });

  it("refuses the offer at a place for the structure that owns the place but not the offer", async () => {
    const placeOwner = (await db.place.findUniqueOrThrow({ where: { id: lienNumerique.mediathequeId } })).structureId;
    const input = await form(lienNumerique.structureId, atMediatheque(), { hoursSource: "own", publicHolidays: "closed", slots: [slot(1, "08:00", "09:00")] });
    expect(await saveHours(db, { ...input, structureId: placeOwner }, actorId)).toEqual({ ok: false, reason: "not_found" });
  });

  it("saves the hours of an offer with no place", async () => {
    const owner = { kind: "offer" as const, offerId: phoneLine.offerId };
    const input = await form(phoneLine.structureId, owner, { slots: [slot(1, "09:00", "12:00"), slot(3, "09:00", "12:00")] });
    expect(await saveHours(db, input, actorId)).toMatchObject({ ok: true, changed: true });
    expect((await loadHours(db, phoneLine.structureId, owner))!.description).toBe("les lundi et mercredi de 9 h à 12 h");
  });
});
