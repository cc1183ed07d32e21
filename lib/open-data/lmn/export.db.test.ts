import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { DEMO_STRUCTURES } from "@/lib/demo/territory";
import { readCsv } from "../import/csv";
import { parseLmnCsv } from "../import/lmn";
import { importRowsToSnapshot } from "../import/to-snapshot";
import { loadTerritorySnapshot, type TerritorySnapshot } from "../snapshot";
import { lmnToCsv, lmnToJson, toLmnRows } from "./export";
import { LMN_FIELDS, type LmnRow } from "./schema";
import { validateLmnRow, validateLmnTable } from "./validate";

// A Sunday: the demo's closures start the week after.
const now = new Date("2026-11-22T10:00:00Z");
let snapshot: TerritorySnapshot;

beforeAll(async () => {
  const { territoryId } = await seedDemoTerritory(db, now);
  snapshot = await loadTerritorySnapshot(db, territoryId, now);
});

describe("loadTerritorySnapshot", () => {
  it("reads the published structures, offers and places, drafts left out", () => {
    expect(snapshot.territory.slug).toBe("val-de-lise");
    expect(snapshot.structures).toHaveLength(DEMO_STRUCTURES.length);
    const titles = snapshot.offers.map((offer) => offer.title);
    expect(titles).toContain("Fabrication numérique : impression 3D, découpe laser");
    expect(titles).not.toContain("Formation à la modélisation 3D");
    const publishedOffers = DEMO_STRUCTURES.flatMap((structure) => structure.offers).filter((offer) => !offer.draft);
    expect(snapshot.offers).toHaveLength(publishedOffers.length);
  });

  it("gives hours as OSM strings, with the public-holiday rule and the upcoming closures", () => {
    const franceServices = snapshot.places.find((place) => place.name === "Espace France Services")!;
    expect(franceServices.hours.osm).toBe("Tu-We,Fr 10:00-12:00,14:00-17:00; Th 10:00-17:00; PH off");
    const closed = snapshot.places.find((place) => place.hours.exceptions.length > 0)!;
    expect(closed.hours.osm).toMatch(/; 2026 Nov \d\d(-2026 \w{3} \d\d)? (off|\d\d:\d\d-\d\d:\d\d open) "/);
  });

  it("keeps the identifiers and terms as references", () => {
    const mediatheque = snapshot.structures.find((structure) => structure.name.startsWith("Médiathèque"))!;
    expect(mediatheque.identifiers).toEqual([{ type: "SIRET", value: "99999000200019" }]);
    expect(mediatheque.terms).toContainEqual(["dataInclusion.v0.typologies_de_structures", "BIB"]);
  });
});

describe("the demo territory in LMN v1.0.1", () => {
  it("validates field by field against the official schema", () => {
    const { rows, skipped } = toLmnRows(snapshot, "2026-11-22");
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(skipped.filter((place) => place.reason === "invalid")).toEqual([]);
    for (const [index, row] of rows.entries()) {
      for (const field of LMN_FIELDS) {
        const issues = validateLmnRow(row, index + 1).filter((issue) => issue.column === field);
        expect(issues, `${row.nom} — ${field}`).toEqual([]);
      }
    }
    expect(validateLmnTable([...LMN_FIELDS], rows, { strict: true })).toEqual([]);
  });

  it("describes each place by its offers, and skips places with no digital-mediation service", () => {
    const { rows, skipped } = toLmnRows(snapshot, "2026-11-22");
    const byName = (name: string) => rows.find((row) => row.nom === name) as LmnRow;
    expect(byName("Espace France Services")).toMatchObject({
      pivot: "99999000100011",
      telephone: "+33323412010",
      code_insee: "02168",
      services: expect.stringContaining("Aide aux démarches administratives"),
      dispositif_programmes_nationaux: expect.stringContaining("France Services"),
      source: "Communauté de communes du Val de Lise",
    });
    expect(byName("Espace France Services").modalites_accompagnement.split("|").sort()).toEqual(["Accompagnement individuel", "En autonomie"]);
    expect(rows.map((row) => row.nom)).not.toContain("Mission locale du Val de Lise");
    expect(skipped.every((place) => place.reason === "no-service")).toBe(true);
    expect(skipped.length + rows.length).toBe(snapshot.places.length);
  });

  it("writes CSV that reads back into the same valid rows, and JSON", () => {
    const { rows } = toLmnRows(snapshot, "2026-11-22");
    const table = readCsv(lmnToCsv(rows));
    expect(table.issues).toEqual([]);
    const back = table.records.map((record) => Object.fromEntries(table.header.map((name, index) => [name, record.cells[index] ?? ""])) as LmnRow);
    expect(validateLmnTable(table.header, back)).toEqual([]);
    expect(back).toEqual(rows);
    expect(lmnToJson(rows)).toHaveLength(rows.length);
  });
});

describe("a permanence at another structure's place", () => {
  it("brings its services and labels to the host place's row, not its typology", () => {
    const { rows } = toLmnRows(snapshot, "2026-11-22");
    const mediatheque = rows.find((row) => row.nom === "Médiathèque")!;
    expect(mediatheque.typologie).toBe("BIB");
    expect(mediatheque.presentation_detail).toContain("Permanence de l'informaticien public");
    expect(mediatheque.dispositif_programmes_nationaux).toContain("Conseillers numériques");
  });
});

describe("Toile's own LMN export, imported again", () => {
  it("reads without a single issue (closures included) and exports the same rows", () => {
    const { rows } = toLmnRows(snapshot, "2026-11-22");
    const imported = parseLmnCsv(lmnToCsv(rows));
    expect(imported.issues).toEqual([]);
    expect(imported.rows).toHaveLength(rows.length);
    expect(imported.rows.some((row) => row.hours!.exceptions.length > 0)).toBe(true);
    const again = toLmnRows(importRowsToSnapshot(imported.rows, snapshot.territory, "2026-11-22"), "2026-11-22");
    expect(again.rows).toEqual(rows);
  });
});

describe("a structure that is not published", () => {
  it("leaves the snapshot with its offers and places (last test: it changes the database)", async () => {
    const repairCafe = snapshot.structures.find((structure) => structure.name.startsWith("Repair café"))!;
    await db.structure.update({ where: { id: repairCafe.id }, data: { status: "draft" } });
    const after = await loadTerritorySnapshot(db, snapshot.territory.id, now);
    expect(after.structures.map((structure) => structure.id)).not.toContain(repairCafe.id);
    expect(after.offers.some((offer) => offer.structureId === repairCafe.id)).toBe(false);
    expect(after.places.some((place) => place.structureId === repairCafe.id)).toBe(false);
    expect(toLmnRows(after, "2026-11-22").rows.map((row) => row.nom)).not.toContain("Salle des fêtes de Charly");
  });
});
