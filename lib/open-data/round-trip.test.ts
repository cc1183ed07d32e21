import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HINAURA_V0_JSON, LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { readCsv } from "./import/csv";
import { parseLmnCsv, parseLmnJson } from "./import/lmn";
import { importRowsToSnapshot } from "./import/to-snapshot";
import { lmnToCsv, lmnToJson, toLmnRows } from "./lmn/export";
import { LMN_FIELDS, LMN_MULTI_FIELDS, splitMulti, type LmnField } from "./lmn/schema";
import { validateLmnTable } from "./lmn/validate";

const territory = { id: "t", slug: "essai", name: "Réseau d'essai", country: "FR" as const, timeZone: "Europe/Paris" };
const TODAY = "2026-11-22";

/** A cell compared as a set when multi-valued (order is not meaningful), trimmed otherwise. */
const normalised = (field: LmnField, value: string) => (LMN_MULTI_FIELDS.has(field) ? splitMulti(value).sort().join("|") : value.trim());

function records(csv: string) {
  const table = readCsv(csv);
  return table.records.map((record) => Object.fromEntries(table.header.map((name, index) => [name, record.cells[index] ?? ""])) as Record<LmnField, string>);
}

describe("round trip of the standard's own example (import, then export)", () => {
  const original = readFileSync(LMN_EXAMPLE_CSV, "utf8");

  it("gives back every field", () => {
    const imported = parseLmnCsv(original);
    expect(imported.issues).toEqual([]);
    const exported = toLmnRows(importRowsToSnapshot(imported.rows, territory, TODAY), TODAY);
    expect(exported.skipped).toEqual([]);
    expect(exported.warnings).toEqual([]);
    const [before] = records(original);
    const [after] = records(lmnToCsv(exported.rows));
    for (const field of LMN_FIELDS) {
      expect(normalised(field, after![field]), field).toBe(normalised(field, before![field]));
    }
  });

  it("exports CSV and JSON that validate against the schema", () => {
    const exported = toLmnRows(importRowsToSnapshot(parseLmnCsv(original).rows, territory, TODAY), TODAY);
    const table = readCsv(lmnToCsv(exported.rows));
    expect(validateLmnTable(table.header, records(lmnToCsv(exported.rows)), { strict: true })).toEqual([]);
    // And the JSON reads back into the same rows.
    const again = parseLmnJson(JSON.stringify(lmnToJson(exported.rows)));
    expect(again.issues).toEqual([]);
    expect(toLmnRows(importRowsToSnapshot(again.rows, territory, TODAY), TODAY).rows).toEqual(exported.rows);
  });
});

describe("the Hinaura file converted to LMN v1.0.1", () => {
  it("exports its 687 places as valid v1 rows, the two unreadable hour strings kept as they were", () => {
    const imported = parseLmnJson(readFileSync(HINAURA_V0_JSON));
    const exported = toLmnRows(importRowsToSnapshot(imported.rows, territory, TODAY), TODAY);
    expect(exported.skipped).toEqual([]);
    expect(exported.rows).toHaveLength(687);
    expect(validateLmnTable([...LMN_FIELDS], exported.rows)).toEqual([]);
    expect(exported.rows.filter((row) => row.horaires === "Fr 19:00-11:00")).toHaveLength(2);
    // Every place has no SIRET in the file: the placeholder pivot, with a warning each.
    expect(exported.warnings.filter((warning) => warning.field === "pivot")).toHaveLength(687);
    expect(exported.rows[0]).toMatchObject({ id: "0", source: "Hinaura", date_maj: "2021-05-05", horaires: "Tu-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00" });
  });
});

describe("values that start like a spreadsheet formula, in the Hinaura data", () => {
  it("come back unchanged through the LMN CSV and the LMN JSON alike (with a warning at import)", () => {
    const places = JSON.parse(readFileSync(HINAURA_V0_JSON, "utf8")) as Record<string, string>[];
    places[0]!.nom = "=Espace numérique";
    places[1]!.adresse = "-12 rue du Port";
    const imported = parseLmnJson(JSON.stringify(places));
    expect(imported.issues.filter((issue) => /formule de tableur/.test(issue.why)).map((issue) => [issue.column, issue.value])).toEqual([
      ["nom", "=Espace numérique"],
      ["adresse", "-12 rue du Port"],
    ]);
    const exported = toLmnRows(importRowsToSnapshot(imported.rows, territory, TODAY), TODAY);
    const fromCsv = toLmnRows(importRowsToSnapshot(parseLmnCsv(lmnToCsv(exported.rows)).rows, territory, TODAY), TODAY);
    const fromJson = toLmnRows(importRowsToSnapshot(parseLmnJson(JSON.stringify(lmnToJson(exported.rows))).rows, territory, TODAY), TODAY);
    // The CSV file holds what the JSON holds, cell for cell: no spreadsheet quote in a machine format.
    const [csvFirst, csvSecond] = records(lmnToCsv(exported.rows));
    const [jsonFirst, jsonSecond] = lmnToJson(exported.rows);
    expect([csvFirst!.nom, csvSecond!.adresse]).toEqual([jsonFirst!.nom, jsonSecond!.adresse]);
    expect(fromCsv.rows).toEqual(exported.rows);
    expect(fromJson.rows).toEqual(exported.rows);
    expect(exported.rows.slice(0, 2).map((row) => [row.nom, row.adresse])).toEqual([
      ["=Espace numérique", places[0]!.adresse],
      [places[1]!.nom, "-12 rue du Port"],
    ]);
  });
});

describe("importRowsToSnapshot", () => {
  it("adds no made-up text and no spurious warning for a place without INSEE code or description", () => {
    const imported = parseLmnJson(readFileSync(HINAURA_V0_JSON));
    const exported = toLmnRows(importRowsToSnapshot(imported.rows, territory, TODAY), TODAY);
    const missionLocale = exported.rows.find((row) => row.id === "11")!;
    expect(missionLocale).toMatchObject({ code_insee: "", presentation_resume: "", presentation_detail: "" });
    expect(exported.warnings.filter((warning) => warning.field !== "pivot")).toEqual([]);
  });
});
