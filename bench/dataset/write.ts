/**
 * Writes the generated rows with the pg driver (no Prisma), in batches of 10,000 rows; each batch
 * is one statement, so its own transaction.
 * Tables in dependency order; PostgreSQL types given explicitly (enums, dates, arrays).
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Dataset, Row } from "./generate";

type Columns = [name: string, type: string][];

const uuid = "uuid";
const text = "text";
const int = "integer";
const bool = "boolean";
const time = "timestamp(3)";
const date = "date";
const float = "double precision";

/** Dependency order. */
const TABLES: [keyof Dataset, Columns][] = [
  ["Territory", [
    ["id", uuid], ["slug", text], ["name", text], ["country", '"Country"'], ["timeZone", text],
    ["staleAfterMonths", int], ["createdAt", time], ["updatedAt", time],
  ]],
  ["TerritoryArea", [["id", uuid], ["territoryId", uuid], ["kind", '"AreaKind"'], ["code", text], ["name", text]]],
  ["Structure", [
    ["id", uuid], ["territoryId", uuid], ["name", text], ["description", text], ["email", text], ["phone", text],
    ["website", text], ["status", '"StructureStatus"'], ["lastVerifiedAt", time], ["createdAt", time], ["updatedAt", time],
  ]],
  ["StructureIdentifier", [["id", uuid], ["structureId", uuid], ["type", '"IdentifierType"'], ["value", text]]],
  ["StructureTerm", [["structureId", uuid], ["termId", uuid]]],
  ["Place", [
    ["id", uuid], ["structureId", uuid], ["name", text], ["address", text], ["postalCode", text],
    ["communeCode", text], ["communeName", text], ["country", '"Country"'], ["latitude", float], ["longitude", float],
    ["wheelchairAccessible", bool], ["accessibilityNotes", text], ["publicHolidays", '"HolidayRule"'],
    ["createdAt", time], ["updatedAt", time],
  ]],
  ["Offer", [
    ["id", uuid], ["structureId", uuid], ["territoryId", uuid], ["title", text], ["description", text], ["professionalReferral", text],
    ["residentAccess", text], ["minAge", int], ["maxAge", int], ["residencyCondition", text],
    ["otherConditions", text], ["feeDetails", text], ["documentsToBring", "text[]"], ["languages", "text[]"],
    ["typicalDelayDays", int], ["isSaturated", bool], ["acceptsTransfers", bool], ["status", '"OfferStatus"'],
    ["lastVerifiedAt", time], ["createdAt", time], ["updatedAt", time],
  ]],
  ["OfferTerm", [["offerId", uuid], ["termId", uuid]]],
  ["OfferPlace", [["id", uuid], ["offerId", uuid], ["placeId", uuid], ["publicHolidays", '"HolidayRule"']]],
  ["OpeningSlot", [
    ["id", uuid], ["placeId", uuid], ["offerPlaceId", uuid], ["offerId", uuid], ["weekday", int],
    ["opensAtMinute", int], ["closesAtMinute", int], ["appointmentOnly", bool], ["validFrom", date], ["validUntil", date],
  ]],
  ["OpeningException", [
    ["id", uuid], ["placeId", uuid], ["offerPlaceId", uuid], ["offerId", uuid], ["startsOn", date], ["endsOn", date],
    ["closed", bool], ["opensAtMinute", int], ["closesAtMinute", int], ["label", text],
  ]],
];

/** Rows per statement: one array parameter per column, so the statement's size does not grow. */
const BATCH_ROWS = 10_000;

/**
 * One statement per batch: `INSERT … SELECT … FROM unnest($1::uuid[], $2::text[], …)`. Much
 * cheaper to parse than multi-row VALUES with one parameter per cell. Array columns (text[]) travel
 * as JSON text, since unnest would flatten an array of arrays.
 */
async function insertRows(client: pg.ClientBase, table: string, columns: Columns, rows: Row[]) {
  const names = columns.map(([name]) => `"${name}"`).join(",");
  const aliases = columns.map((_, index) => `c${index}`);
  const selected = columns
    .map(([, type], index) => (type.endsWith("[]") ? `ARRAY(SELECT jsonb_array_elements_text(c${index}))::${type}` : `c${index}`))
    .join(",");
  const unnested = columns.map(([, type], index) => `$${index + 1}::${type.endsWith("[]") ? "jsonb" : type}[]`).join(",");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${unnested}) AS u(${aliases.join(",")})`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values = columns.map(([name, type]) =>
      batch.map((row) => (type.endsWith("[]") ? JSON.stringify(row[name] ?? []) : (row[name] ?? null))),
    );
    await client.query(sql, values);
  }
}

export interface TableReport {
  table: string;
  rows: number;
  milliseconds: number;
}

export async function writeDataset(client: pg.ClientBase, data: Dataset, log: (line: string) => void): Promise<TableReport[]> {
  const reports: TableReport[] = [];
  for (const [table, columns] of TABLES) {
    const started = performance.now();
    await insertRows(client, table, columns, data[table]);
    const milliseconds = performance.now() - started;
    reports.push({ table, rows: data[table].length, milliseconds });
    log(`  ${table.padEnd(20)} ${data[table].length.toLocaleString("fr-FR").padStart(10)} lignes  ${(milliseconds / 1000).toFixed(1).padStart(6)} s`);
  }
  return reports;
}
