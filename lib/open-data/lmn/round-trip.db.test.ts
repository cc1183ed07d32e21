import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { db } from "@/lib/db";
import { readCsv } from "../import/csv";
import { commitImport } from "../import/commit";
import { parseLmnCsv, parseLmnJson } from "../import/lmn";
import type { ImportResult } from "../import/model";
import { planImport } from "../import/plan";
import { loadTerritorySnapshot } from "../snapshot";
import { lmnToCsv, lmnToJson, toLmnRows } from "./export";
import { LMN_FIELDS, type LmnField, type LmnRow } from "./schema";
import { validateLmnTable } from "./validate";

const TODAY = "2026-11-22";
const now = new Date(`${TODAY}T10:00:00Z`);
let actor: { userId: string };

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "aller-retour@exemple.fr" }, select: { id: true } });
  actor = { userId: user.id };
});

/** A fresh territory with `parsed` imported into it, and what a second import of the same rows would do. */
async function importInto(slug: string, parsed: ImportResult) {
  const territory = await db.territory.create({ data: { slug, name: `Territoire ${slug}`, country: "FR" }, select: { id: true } });
  const plan = await planImport(db, territory.id, parsed.rows, parsed.issues);
  expect(await commitImport(db, actor, territory.id, plan, { origin: slug, now })).toMatchObject({ ok: true });
  const again = await planImport(db, territory.id, parsed.rows, parsed.issues);
  return { territoryId: territory.id, plan, again };
}

/** The territory's LMN rows, keyed by the id of the row each place was imported from. */
async function exportOf(territoryId: string) {
  const exported = toLmnRows(await loadTerritorySnapshot(db, territoryId, now), TODAY);
  const records = await db.importedRecord.findMany({ where: { territoryId }, select: { placeId: true, externalId: true } });
  const sourceIdOf = new Map(records.map((record) => [record.placeId, record.externalId]));
  return { ...exported, bySourceId: new Map(exported.rows.map((row) => [sourceIdOf.get(row.id)!, row])) };
}

function csvRecords(csv: string) {
  const table = readCsv(csv);
  return { header: table.header, records: table.records.map((record) => Object.fromEntries(table.header.map((name, index) => [name, record.cells[index] ?? ""])) as Record<LmnField, string>) };
}

/** The fields of a row that must survive a round trip: all but Toile's place id. */
const withoutId = (row: LmnRow): Omit<LmnRow, "id"> => Object.fromEntries(Object.entries(row).filter(([field]) => field !== "id")) as Omit<LmnRow, "id">;

describe("LMN export → import → export on the Hinaura data", () => {
  let first: Awaited<ReturnType<typeof exportOf>>;

  it("imports the Hinaura file; a second import of it changes nothing", async () => {
    const { territoryId, plan, again } = await importInto("hinaura-source", parseLmnJson(readFileSync(HINAURA_V0_JSON)));
    expect(plan.counts).toMatchObject({ create: 678, skip: 9 });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 678 });
    first = await exportOf(territoryId);
    expect(first.skipped).toEqual([]);
    expect(first.rows).toHaveLength(678);
  });

  it("exports CSV and JSON that validate against the official LMN schema and say the same", () => {
    const csv = csvRecords(lmnToCsv(first.rows));
    expect(validateLmnTable(csv.header, csv.records, { strict: true })).toEqual([]);
    const json = lmnToJson(first.rows);
    expect(json.map((record) => Object.fromEntries(LMN_FIELDS.map((field) => [field, String(record[field] ?? "")])))).toEqual(csv.records);
  });

  it("invents no description: a place the source did not describe is exported without one", () => {
    expect(first.rows.filter((row) => row.presentation_resume || row.presentation_detail)).toEqual([]);
  });

  for (const format of ["csv", "json"] as const) {
    it(`gives back the same rows from its ${format.toUpperCase()} export imported into another territory, and a second import changes nothing`, async () => {
      const parsed = format === "csv" ? parseLmnCsv(lmnToCsv(first.rows)) : parseLmnJson(JSON.stringify(lmnToJson(first.rows)));
      const { territoryId, plan, again } = await importInto(`hinaura-${format}`, parsed);
      expect(plan.counts).toMatchObject({ create: 678, update: 0, skip: 0 });
      expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 678 });
      const second = await exportOf(territoryId);
      expect(second.skipped).toEqual([]);
      const csv = csvRecords(lmnToCsv(second.rows));
      expect(validateLmnTable(csv.header, csv.records, { strict: true })).toEqual([]);
      // Rows are the first export's, by the id they were imported from; only Toile's place ids differ
      // (date_maj too is the same: the source's date, kept by the import's record).
      const differences = first.rows.flatMap((row): { id: string; fields: Record<string, string[]> | "missing" }[] => {
        const back = second.bySourceId.get(row.id);
        if (!back) return [{ id: row.id, fields: "missing" }];
        expect(back.id).not.toBe(row.id);
        const before = withoutId(row);
        const after = withoutId(back);
        const fields = (Object.keys(before) as (keyof typeof before)[]).filter((field) => before[field] !== after[field]);
        return fields.length ? [{ id: row.id, fields: Object.fromEntries(fields.map((field) => [field, [before[field], after[field]]])) }] : [];
      });
      expect(differences).toEqual([]);
    });
  }
});
