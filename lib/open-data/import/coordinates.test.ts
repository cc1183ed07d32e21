/**
 * Coordinates as the LMN import reads them (lib/places/coordinates.ts): checked against their
 * commune, both or neither, and no false alarm on the 687 real Hinaura places.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { parseLmnJson } from "./lmn";
import { planRows, type ExistingPlace, type TerritoryState } from "./matching";

const place = (fields: Record<string, unknown>) => ({
  id: "laon-1",
  pivot: "43493312300029",
  nom: "France services de Laon",
  commune: "Laon",
  code_postal: "02000",
  code_insee: "02408",
  adresse: "1 rue Roger Salengro",
  date_maj: "2024-04-02",
  ...fields,
});
const parse = (...places: Record<string, unknown>[]) => parseLmnJson(JSON.stringify(places.map(place)));
const coordinateIssues = (result: ReturnType<typeof parseLmnJson>) => result.issues.filter((issue) => issue.column === "latitude" || issue.column === "longitude");

describe("coordinates in an LMN import", () => {
  it("puts a swapped pair right (Laon at latitude 3.62, longitude 49.56) and says so: row, column, value, why", () => {
    const result = parse({ latitude: 3.6199, longitude: 49.5641 });
    expect(result.rows[0]!.place).toMatchObject({ latitude: 49.5641, longitude: 3.6199 });
    expect(coordinateIssues(result)).toEqual([
      {
        row: 1,
        column: "latitude",
        value: "3.6199",
        why: "Latitude et longitude inversées (3.6199, 49.5641 n'est pas dans la commune) : remises dans l'ordre (49.5641, 3.6199).",
        level: "warning",
      },
    ]);
  });

  it("flags a point far from its commune and does not store it (the place is still imported)", () => {
    // A Laon place set in the Atlantic; a Guadeloupe place (by postal code) set in Laon.
    const result = parse({ latitude: 46.2, longitude: -12.5 }, { id: "pap-1", commune: "Pointe-à-Pitre", code_postal: "97110", code_insee: "", latitude: 49.5641, longitude: 3.6199 });
    expect(result.rows.map((row) => [row.sourceId, row.place.latitude, row.place.longitude])).toEqual([
      ["laon-1", null, null],
      ["pap-1", null, null],
    ]);
    expect(coordinateIssues(result).map(({ row, column, value, why, level }) => [row, column, value, why, level])).toEqual([
      [1, "latitude", "46.2", "Le point (46.2, -12.5) n'est pas en France métropolitaine, où se trouve la commune (Laon) : les coordonnées du lieu ne sont pas importées.", "warning"],
      [2, "latitude", "49.5641", "Le point (49.5641, 3.6199) n'est pas en Guadeloupe, où se trouve la commune (Pointe-à-Pitre) : les coordonnées du lieu ne sont pas importées.", "warning"],
    ]);
  });

  it("never stores half a pair, and does not promise a placement from the address", () => {
    const result = parse({ latitude: "49,56,2", longitude: 3.6199 }, { id: "laon-2", longitude: 3.6199 });
    expect(result.rows.map((row) => [row.place.latitude, row.place.longitude])).toEqual([
      [null, null],
      [null, null],
    ]);
    const whys = coordinateIssues(result).map((issue) => issue.why);
    expect(whys).toEqual([
      "Coordonnée illisible (nombre attendu, ex. 45.7640) : les coordonnées du lieu ne sont pas importées.",
      "Latitude absente alors que la longitude est donnée : les coordonnées du lieu ne sont pas importées.",
    ]);
    expect(whys.join(" ")).not.toMatch(/adresse/);
  });

  it("raises no alarm on the 687 real Hinaura places, and keeps every one of their points", () => {
    const result = parseLmnJson(readFileSync(HINAURA_V0_JSON));
    expect(result.rows).toHaveLength(687);
    expect(coordinateIssues(result)).toEqual([]);
    expect(result.rows.filter((row) => row.place.latitude === null || row.place.longitude === null)).toEqual([]);
  });

  it("flags every Hinaura point once swapped, and swaps each one back", () => {
    const records = JSON.parse(readFileSync(HINAURA_V0_JSON, "utf8")) as { latitude: number; longitude: number }[];
    const swapped = records.map((record) => ({ ...record, latitude: record.longitude, longitude: record.latitude }));
    const result = parseLmnJson(JSON.stringify(swapped));
    expect(coordinateIssues(result).filter((issue) => /inversées/.test(issue.why))).toHaveLength(687);
    expect(result.rows.map((row) => [row.place.latitude, row.place.longitude])).toEqual(records.map((record) => [record.latitude, record.longitude]));
  });
});

describe("coordinates in the import plan", () => {
  it("never mixes half of the file's pair with half of the stored one", () => {
    const [record] = JSON.parse(readFileSync(HINAURA_V0_JSON, "utf8")) as Record<string, unknown>[];
    const parsedRow = parseLmnJson(JSON.stringify([record])).rows[0]!;
    const existing: ExistingPlace = {
      id: "p1",
      structureId: "s1",
      name: parsedRow.place.name,
      address: parsedRow.place.address,
      addressComplement: null,
      postalCode: parsedRow.place.postalCode,
      communeCode: "74001",
      communeName: parsedRow.place.communeName,
      latitude: 46.28,
      longitude: 6.72,
      appointmentUrl: null,
      standardExtras: {},
      hours: { slots: [], exceptions: [], publicHolidays: "closed" },
      offers: [],
    };
    const state: TerritoryState = {
      territory: { id: "t", country: "FR" },
      structures: [{ id: "s1", name: parsedRow.structure.name, description: "", email: null, phone: null, website: null, identifiers: parsedRow.structure.identifiers, terms: [], postalCodes: [parsedRow.place.postalCode] }],
      places: [existing],
      records: [{ source: parsedRow.lmn.source ?? "", externalId: parsedRow.sourceId, structureId: "s1", placeId: "p1", offerId: null, sourceUpdatedOn: null }],
    };
    // A row that carries only a latitude (as a parser of another format might): the stored pair stays whole.
    const halfRow = { ...parsedRow, place: { ...parsedRow.place, latitude: 45.9, longitude: null } };
    const [planned] = planRows(state, [halfRow], []).rows;
    expect(planned!.placeId).toBe("p1");
    expect(planned!.target!.place).toMatchObject({ latitude: 46.28, longitude: 6.72 });
    // A whole pair replaces the stored one.
    const [whole] = planRows(state, [{ ...parsedRow, place: { ...parsedRow.place, latitude: 45.9, longitude: 6.1 } }], []).rows;
    expect(whole!.target!.place).toMatchObject({ latitude: 45.9, longitude: 6.1 });
  });
});
