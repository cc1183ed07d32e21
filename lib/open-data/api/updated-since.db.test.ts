/**
 * `updated_since` and `updatedOn` see every edit of what the API serves for an item, made through
 * the functions the UI's server actions call: hours and closures of a place, of an offer at a
 * place, of an offer with no place; a place's address; a place removed; an offer withdrawn; a
 * structure renamed (an offer shows its organization in HSDS).
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { loadHours, saveHours } from "@/lib/hours/editing";
import { hoursFormSchema, type HoursOwner } from "@/lib/hours/schemas";
import { frenchCommunes } from "@/lib/places/communes";
import { createPlace, deletePlace, loadPlace, updatePlace } from "@/lib/places/editing";
import { placeFormValues, placeSchema } from "@/lib/places/schemas";
import { setOfferStatus } from "@/lib/offers/editing";
import { structureIdentitySchema } from "@/lib/structures/schemas";
import { loadStructureIdentity, saveStructureIdentity } from "@/lib/structures/update";
import { getOffer, getOffers, getStructure, getStructures } from "./handlers";

const ORIGIN = "http://toile.test";
const SLUG = "val-de-lise";
/** Every item's dates are set back to this day before each case: only what the case edits is newer. */
const PAST = new Date("2020-01-01T00:00:00Z");
/** The injected clock of the edits, and the API's clock a day later. */
const EDITED = new Date("2027-03-01T09:00:00Z");
const API_NOW = new Date("2027-03-02T09:00:00Z");

let territoryId: string;
let actorId: string;
/** The médiathèque, and an association's permanence held there (another structure's place). */
let mediatheque: { id: string; structureId: string };
let permanence: { offerId: string; structureId: string };
let phoneLine: { offerId: string; structureId: string };

type Page = { items: { id: string; updatedOn?: string }[]; next: string | null };

async function changedSince(kind: "structures" | "offers", since: string): Promise<string[]> {
  const seen: string[] = [];
  let url: string | null = `${ORIGIN}/api/v1/territories/${SLUG}/${kind}?limit=200&updated_since=${since}`;
  while (url) {
    const response = kind === "offers" ? await getOffers(db, new Request(url), SLUG, API_NOW) : await getStructures(db, new Request(url), SLUG, API_NOW);
    const body = (await response.json()) as Page;
    seen.push(...body.items.map(({ id }) => id));
    url = body.next;
  }
  return seen.sort();
}

const updatedOn = async (kind: "structure" | "offer", id: string) => {
  const response = kind === "offer" ? await getOffer(db, new Request(`${ORIGIN}/api/v1/offers/${id}`), id, API_NOW) : await getStructure(db, new Request(`${ORIGIN}/api/v1/structures/${id}`), id, API_NOW);
  return ((await response.json()) as { updatedOn: string }).updatedOn;
};

const publishedOffersAt = async (placeId: string) =>
  (await db.offer.findMany({ where: { status: "published", structure: { status: "published" }, places: { some: { placeId } } }, select: { id: true } })).map(({ id }) => id).sort();

async function hoursForm(structureId: string, owner: HoursOwner, fields: Record<string, unknown>) {
  const loaded = await loadHours(db, structureId, owner);
  return hoursFormSchema.parse({ structureId, owner, version: loaded!.version, publicHolidays: "closed", ...fields });
}
const slot = (weekday: number, opens: string, closes: string) => ({ weekday: String(weekday), opens, closes });

beforeAll(async () => {
  ({ territoryId } = await seedDemoTerritory(db, EDITED));
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
  const hosted = await db.offerPlace.findFirstOrThrow({
    where: { offer: { title: "Permanence de l'informaticien public" }, place: { name: "Médiathèque" } },
    select: { offer: { select: { id: true, structureId: true } }, place: { select: { id: true, structureId: true } } },
  });
  mediatheque = hosted.place;
  permanence = { offerId: hosted.offer.id, structureId: hosted.offer.structureId };
  expect(permanence.structureId).not.toBe(mediatheque.structureId);
  const line = await db.offer.findFirstOrThrow({ where: { status: "published", places: { none: {} }, openingSlots: { some: {} } } });
  phoneLine = { offerId: line.id, structureId: line.structureId };
});

beforeEach(async () => {
  const old = { updatedAt: PAST };
  await db.structure.updateMany({ where: { territoryId }, data: { ...old, lastVerifiedAt: PAST } });
  await db.offer.updateMany({ where: { territoryId }, data: { ...old, lastVerifiedAt: PAST } });
  await db.place.updateMany({ where: { structure: { territoryId } }, data: old });
  expect(await changedSince("offers", "2020-01-02")).toEqual([]);
  expect(await changedSince("structures", "2020-01-02")).toEqual([]);
});

describe("updated_since and updatedOn after an edit made in Toile", () => {
  it("a place's hours: the place's structure and every offer held there, whoever's it is", async () => {
    const owner = { kind: "place" as const, placeId: mediatheque.id };
    const outcome = await saveHours(db, await hoursForm(mediatheque.structureId, owner, { slots: [slot(3, "13:30", "18:00")] }), actorId, EDITED);
    expect(outcome).toMatchObject({ ok: true, changed: true });
    const offersThere = await publishedOffersAt(mediatheque.id);
    expect(offersThere).toContain(permanence.offerId);
    expect(await changedSince("offers", "2027-03-01")).toEqual(offersThere);
    expect(await changedSince("structures", "2027-03-01")).toEqual(expect.arrayContaining([mediatheque.structureId]));
    expect(await updatedOn("offer", permanence.offerId)).toBe("2027-03-01");
    expect(await updatedOn("structure", mediatheque.structureId)).toBe("2027-03-01");
  });

  it("a closure of a place, its weekly hours unchanged", async () => {
    const owner = { kind: "place" as const, placeId: mediatheque.id };
    const current = (await loadHours(db, mediatheque.structureId, owner))!.hours;
    const slots = current.slots.map((row) => slot(row.weekday, `${String(row.opensAtMinute / 60 | 0).padStart(2, "0")}:${String(row.opensAtMinute % 60).padStart(2, "0")}`, `${String(row.closesAtMinute / 60 | 0).padStart(2, "0")}:${String(row.closesAtMinute % 60).padStart(2, "0")}`));
    const closure = { startsOn: "2027-04-10", endsOn: "2027-04-20", label: "Travaux" };
    const outcome = await saveHours(db, await hoursForm(mediatheque.structureId, owner, { slots, exceptions: [closure], publicHolidays: current.publicHolidays ?? "closed" }), actorId, EDITED);
    expect(outcome).toMatchObject({ ok: true, changed: true });
    expect(await changedSince("offers", "2027-03-01")).toEqual(await publishedOffersAt(mediatheque.id));
    expect(await changedSince("structures", "2027-03-01")).toContain(mediatheque.structureId);
  });

  it("an offer's own hours at a place, and the hours of an offer with no place", async () => {
    const atPlace = { kind: "offerPlace" as const, offerId: permanence.offerId, placeId: mediatheque.id };
    await saveHours(db, await hoursForm(permanence.structureId, atPlace, { hoursSource: "own", slots: [slot(2, "09:00", "12:00")], publicHolidays: "same_as_place" }), actorId, EDITED);
    expect(await changedSince("offers", "2027-03-01")).toEqual([permanence.offerId]);
    expect(await updatedOn("offer", permanence.offerId)).toBe("2027-03-01");

    const line = { kind: "offer" as const, offerId: phoneLine.offerId };
    await saveHours(db, await hoursForm(phoneLine.structureId, line, { slots: [slot(1, "08:30", "12:00")] }), actorId, EDITED);
    expect(await changedSince("offers", "2027-03-01")).toEqual([permanence.offerId, phoneLine.offerId].sort());
    expect(await updatedOn("offer", phoneLine.offerId)).toBe("2027-03-01");
  });

  it("a place's address: the offers held there, and its structure", async () => {
    const loaded = (await loadPlace(db, mediatheque.structureId, mediatheque.id))!;
    const values = placeFormValues({ ...loaded.values }, { structureId: mediatheque.structureId, placeId: mediatheque.id, version: loaded.version });
    const input = { ...placeSchema(frenchCommunes).parse({ ...values, address: "1 place de la Mairie" }), placeId: mediatheque.id, version: loaded.version };
    expect(await updatePlace(db, input, actorId)).toMatchObject({ ok: true, changed: ["address"] });
    expect(await changedSince("offers", "2020-01-02")).toEqual(await publishedOffersAt(mediatheque.id));
    expect(await changedSince("structures", "2020-01-02")).toContain(mediatheque.structureId);
  });

  it("a place removed, and an offer withdrawn: their structure", async () => {
    const form = placeSchema(frenchCommunes).parse({ structureId: phoneLine.structureId, name: "Salle provisoire", address: "2 rue du Moulin", country: "FR", postalCode: "02130", commune: "Fère-en-Tardenois" });
    const created = await createPlace(db, form, actorId);
    if (!created.ok) throw new Error("place not created");
    await db.place.updateMany({ where: { structure: { territoryId } }, data: { updatedAt: PAST } });
    await db.structure.updateMany({ where: { territoryId }, data: { updatedAt: PAST } });
    expect(await deletePlace(db, { structureId: phoneLine.structureId, placeId: created.placeId }, actorId, EDITED)).toMatchObject({ ok: true });
    expect(await changedSince("structures", "2027-03-01")).toEqual([phoneLine.structureId]);

    expect(await setOfferStatus(db, { structureId: permanence.structureId, offerId: permanence.offerId, status: "archived" }, actorId, EDITED)).toMatchObject({ ok: true });
    expect(await changedSince("structures", "2020-01-02")).toContain(permanence.structureId);
    await setOfferStatus(db, { structureId: permanence.structureId, offerId: permanence.offerId, status: "published" }, actorId, EDITED);
  });

  it("a structure renamed through its card: its offers, which show its name (HSDS nests the organization)", async () => {
    const { values, version } = await loadStructureIdentity(db, phoneLine.structureId);
    const fields = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ""]));
    const input = structureIdentitySchema.parse({ ...fields, name: "Nouveau nom", structureId: phoneLine.structureId, version });
    expect(await saveStructureIdentity(db, input, actorId)).toMatchObject({ ok: true, changed: ["name"] });
    const offers = (await db.offer.findMany({ where: { structureId: phoneLine.structureId, status: "published" }, select: { id: true } })).map(({ id }) => id).sort();
    expect(await changedSince("offers", "2020-01-02")).toEqual(offers);
    expect(await updatedOn("offer", phoneLine.offerId)).not.toBe("2020-01-01");
  });
});
