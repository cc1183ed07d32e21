/**
 * The data·inclusion export of a territory imported from the real Hinaura file (687 places), checked
 * against data·inclusion's official JSON Schemas (v1.0.8): every structure and every offer is kept,
 * a field the schema refuses is dropped from its record and reported (issue 16, point 4), and an
 * offer held at several places is one service per place (point 3).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { officialDiErrors } from "@/tests/support/datainclusion-schema";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { db } from "@/lib/db";
import { commitImport } from "../import/commit";
import { parseLmnJson } from "../import/lmn";
import { planImport } from "../import/plan";
import { loadTerritorySnapshot, type TerritorySnapshot } from "../snapshot";
import { toDataInclusion } from "./export";
import { dataInclusionOmissions, omissionsSummary } from "./report";

const TODAY = "2026-11-22";
const now = new Date(`${TODAY}T10:00:00Z`);
let territoryId: string;
let snapshot: TerritorySnapshot;

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "import@exemple.fr" }, select: { id: true } });
  territoryId = (await db.territory.create({ data: { slug: "hinaura", name: "Hinaura", country: "FR" }, select: { id: true } })).id;
  const parsed = parseLmnJson(readFileSync(HINAURA_V0_JSON));
  const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
  const outcome = await commitImport(db, { userId: user.id }, territoryId, plan, { origin: "hinaura.json", now });
  expect(outcome.ok).toBe(true);
  snapshot = await loadTerritorySnapshot(db, territoryId, now);
});

describe("the Hinaura territory in data·inclusion v1", () => {
  it("keeps every structure and every offer, and validates against the official JSON Schemas", () => {
    const exported = toDataInclusion(snapshot, { today: TODAY, baseUrl: "https://toile.example" });
    expect(snapshot.structures.length).toBeGreaterThan(600);
    expect(exported.skipped).toEqual([]);
    expect(exported.structures.map((structure) => structure.id).sort()).toEqual(snapshot.structures.map((structure) => structure.id).sort());
    // One place per offer in this file: one service each.
    expect(exported.services.map((service) => service.id).sort()).toEqual(snapshot.offers.map((offer) => offer.id).sort());
    expect(officialDiErrors("structure", exported.structures)).toEqual([]);
    expect(officialDiErrors("service", exported.services)).toEqual([]);
  });

  it("drops an email the schema refuses from its structure and services, keeps them, and says so", () => {
    const accorderie = snapshot.structures.find((structure) => structure.name === "Accorderie du bassin chambérien et aixois")!;
    expect(accorderie.email).toMatch(/^chambéry@/);
    const exported = toDataInclusion(snapshot, { today: TODAY });
    const structure = exported.structures.find((record) => record.id === accorderie.id);
    expect(structure).toMatchObject({ nom: "Accorderie du bassin chambérien et aixois", commune: expect.any(String) });
    expect(structure).not.toHaveProperty("courriel");
    const offers = snapshot.offers.filter((offer) => offer.structureId === accorderie.id);
    const services = exported.services.filter((service) => service.structure_id === accorderie.id);
    expect(services.map((service) => service.id).sort()).toEqual(offers.map((offer) => offer.id).sort());
    expect(services.every((service) => !("courriel" in service))).toBe(true);
    expect(exported.droppedFields.filter((dropped) => dropped.field === "courriel")).toEqual([
      { kind: "structure", id: accorderie.id, name: accorderie.name, field: "courriel", value: accorderie.email, why: expect.stringContaining("sans accent") },
      ...services.map((service) => ({ kind: "service", id: service.id, name: expect.any(String), field: "courriel", value: accorderie.email, why: expect.stringContaining("sans accent") })),
    ]);
    // Nothing else in the file is refused.
    expect(exported.droppedFields.filter((dropped) => dropped.field !== "courriel")).toEqual([]);
  });

  it("tells the « Données ouvertes » page what the file leaves out, as the download makes it", async () => {
    const omissions = await dataInclusionOmissions(db, { id: territoryId, timeZone: "Europe/Paris" }, now);
    expect(omissions.skipped).toEqual([]);
    expect(omissions.droppedFields.map((dropped) => [dropped.kind, dropped.name, dropped.field])).toContainEqual([
      "structure",
      "Accorderie du bassin chambérien et aixois",
      "courriel",
    ]);
    expect(omissionsSummary(omissions)).toBe(
      `Ce fichier laisse de côté : ${omissions.droppedFields.length} informations refusées par le schéma data·inclusion (le reste de la fiche y est).`,
    );
  });

  it("writes an offer held at two places as two services, each with its place's address and hours", async () => {
    // A real network with several places in one structure: its first offer becomes itinerant, with
    // its own hours at a second place.
    const limagne = snapshot.structures.find((structure) => structure.name === "France services Plaine Limagne")!;
    const [first, second] = snapshot.places.filter((place) => place.structureId === limagne.id);
    expect(second).toBeDefined();
    const offer = snapshot.offers.find((candidate) => candidate.places.some(({ placeId }) => placeId === first!.id))!;
    const otherPlace = second!.id;
    await db.offerPlace.create({
      data: { offerId: offer.id, placeId: otherPlace, openingSlots: { create: [{ weekday: 3, opensAtMinute: 14 * 60, closesAtMinute: 17 * 60 }] } },
    });
    const after = await loadTerritorySnapshot(db, territoryId, now);
    const exported = toDataInclusion(after, { today: TODAY });
    const services = exported.services.filter((service) => service.id === offer.id || service.id.startsWith(`${offer.id}:`));
    expect(services).toHaveLength(2);
    const byPlace = (placeId: string) => services.find((service) => service.adresse === after.places.find((place) => place.id === placeId)!.address)!;
    const atFirst = byPlace(first!.id);
    const atSecond = byPlace(otherPlace);
    expect(atFirst).toMatchObject({ commune: first!.communeName, code_postal: first!.postalCode, horaires_accueil: first!.hours.osm });
    expect(atSecond).toMatchObject({ commune: second!.communeName, code_postal: second!.postalCode, horaires_accueil: "We 14:00-17:00" });
    expect(new Set(services.map((service) => service.id)).size).toBe(2);
    expect(services.map((service) => service.id)).toContain(offer.id);
    expect(exported.skipped).toEqual([]);
    expect(officialDiErrors("service", exported.services)).toEqual([]);
    // Ids are unique across the file.
    expect(new Set(exported.services.map((service) => service.id)).size).toBe(exported.services.length);
  });
});
