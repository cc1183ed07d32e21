/**
 * Places without a usable point, placed from their address by the geocoder (lib/places/geocoder.ts)
 * when GEOCODER_URL is set. I/O: the import job runs it after reading the file and before the pure
 * plan, keeps what it found with the preview, and the commit reuses that (no second call, so the
 * confirmed plan is the one shown). One report line per place, placed or not.
 */
import { checkPointAgainstCommune } from "@/lib/places/coordinates";
import type { GeocoderResult } from "@/lib/places/geocoder";
import type { ImportIssue, ImportRow } from "./model";

/** At most this many places are geocoded per import (each call may take the geocoder's timeout). */
const GEOCODING_CAP = 100;
/** After this many failed calls in a row the geocoder is taken as down for this import. */
const FAILURES_BEFORE_GIVING_UP = 3;

export type AddressSearch = (query: string, options: { postalCode?: string; timeoutMs?: number }) => Promise<GeocoderResult>;

export interface GeocodedPoint {
  sourceRow: number;
  latitude: number;
  longitude: number;
}

export interface Geocoding {
  points: GeocodedPoint[];
  issues: ImportIssue[];
}

const needsPoint = (row: ImportRow) => row.place.latitude === null || row.place.longitude === null;

/**
 * Asks the geocoder for each row without a point, one after the other, up to `cap` rows. A
 * candidate is taken only in the row's own commune (INSEE code, else postal code) and on its land.
 */
export async function geocodeRows(
  rows: readonly ImportRow[],
  search: AddressSearch,
  { cap = GEOCODING_CAP, timeoutMs = 3000, onProgress = async () => {} }: { cap?: number; timeoutMs?: number; onProgress?: (done: number, total: number) => Promise<void> } = {},
): Promise<Geocoding> {
  const waiting = rows.filter(needsPoint);
  const points: GeocodedPoint[] = [];
  const issues: ImportIssue[] = [];
  const say = (row: ImportRow, why: string) => issues.push({ row: row.sourceRow, column: "adresse", value: row.place.address, why, level: "warning" });
  let failuresInARow = 0;
  for (const [index, row] of waiting.entries()) {
    if (index >= cap) {
      say(row, `Non placé d'après son adresse (au plus ${cap} lieux par import) : le lieu est importé sans coordonnées.`);
      continue;
    }
    if (failuresInARow >= FAILURES_BEFORE_GIVING_UP) {
      say(row, "Non placé d'après son adresse (le service d'adresses ne répond pas) : le lieu est importé sans coordonnées.");
      continue;
    }
    const { address, postalCode, communeName, communeCode } = row.place;
    await onProgress(index, waiting.length);
    const result = await search(`${address} ${postalCode} ${communeName}`, { postalCode, timeoutMs });
    if (!result.ok) {
      failuresInARow++;
      say(row, "Non placé d'après son adresse (le service d'adresses ne répond pas) : le lieu est importé sans coordonnées.");
      continue;
    }
    failuresInARow = 0;
    const found = result.candidates.find(
      (candidate) =>
        (communeCode ? candidate.communeCode === communeCode : candidate.postalCode === postalCode) &&
        ["ok", "unchecked"].includes(checkPointAgainstCommune(candidate, { communeCode, postalCode }).status),
    );
    if (!found) {
      say(row, `Adresse introuvable dans la commune (${postalCode} ${communeName}) par le service d'adresses : le lieu est importé sans coordonnées.`);
      continue;
    }
    points.push({ sourceRow: row.sourceRow, latitude: found.latitude, longitude: found.longitude });
    say(row, `Placé d'après son adresse : « ${found.label} » (${found.latitude}, ${found.longitude}).`);
  }
  return { points, issues };
}

/** The rows with the geocoded points set (pure). */
export function withGeocodedPoints(rows: readonly ImportRow[], points: readonly GeocodedPoint[]): ImportRow[] {
  const byRow = new Map(points.map((point) => [point.sourceRow, point]));
  return rows.map((row) => {
    const point = byRow.get(row.sourceRow);
    return point && needsPoint(row) ? { ...row, place: { ...row.place, latitude: point.latitude, longitude: point.longitude } } : row;
  });
}
