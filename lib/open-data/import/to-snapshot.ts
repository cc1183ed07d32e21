/**
 * ImportRows as a territory snapshot, without the database: what the rows would look like once
 * imported, for the exporters. One structure, one place and one offer per row (the commit, next,
 * matches structures by identifier, then by name and address). Hours Toile could not read are
 * kept as their source string.
 */
import { openingHoursWithExceptions } from "../hours";
import type { SnapshotPlace, TerritorySnapshot } from "../snapshot";
import type { ImportRow } from "./model";

export function importRowsToSnapshot(rows: ImportRow[], territory: TerritorySnapshot["territory"], today: string): TerritorySnapshot {
  const snapshot: TerritorySnapshot = { territory, structures: [], places: [], offers: [] };
  for (const row of rows) {
    const updatedOn = row.updatedOn ?? today;
    const structureId = `structure:${row.sourceId}`;
    const hours: SnapshotPlace["hours"] = row.hours
      ? {
          slots: row.hours.slots,
          publicHolidays: row.hours.publicHolidays,
          exceptions: row.hours.exceptions,
          osm: row.hours.understood
            ? openingHoursWithExceptions(row.hours.slots, row.hours.publicHolidays, row.hours.exceptions, today)
            : row.hours.raw,
        }
      : { slots: [], publicHolidays: "unknown", exceptions: [], osm: "" };
    snapshot.structures.push({ id: structureId, ...row.structure, updatedOn });
    snapshot.places.push({ id: row.sourceId, structureId, ...row.place, communeCode: row.place.communeCode ?? "", hours, updatedOn, lmn: row.lmn });
    snapshot.offers.push({
      id: `offer:${row.sourceId}`,
      structureId,
      // LMN has no offer title: the place's row says it all (presentation fields ride in `lmn`).
      title: "",
      description: "",
      terms: row.terms,
      feeDetails: null,
      places: [{ placeId: row.sourceId, hours: null }],
      hours: null,
      updatedOn,
    });
  }
  return snapshot;
}
