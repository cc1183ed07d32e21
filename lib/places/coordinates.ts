/**
 * Coordinates read from a file and checked against their commune (pure; no I/O).
 *
 * - A pair is read whole or not at all: an unreadable latitude never leaves a lone longitude.
 * - A point is checked against the land its commune lies on, found from the commune's INSEE code
 *   or postal code: mainland France and Corsica, or each overseas département. There is no offline
 *   table of commune positions here (@etalab/decoupage-administratif has none), so the check is by
 *   land, coarse on purpose: it catches swapped pairs (Laon at 3.62, 49.56 is in the Indian Ocean),
 *   points at sea or abroad, and an overseas place set in mainland France — never a correct point.
 *   A finer source plugs in as `locate` (a commune's position and radius), checked on top.
 * - A swapped pair that lands on its commune's land once swapped back is swapped back, with a warning.
 */

export interface Point {
  latitude: number;
  longitude: number;
}

/** A box around one land, generous enough that no real point on it falls outside. */
interface Area {
  /** Where it is, as a sentence says it ("en Guyane"). */
  name: string;
  latitude: [number, number];
  longitude: [number, number];
}

const MAINLAND: Area = { name: "en France métropolitaine", latitude: [41.3, 51.1], longitude: [-5.2, 9.6] };
/** Overseas départements by the first three digits of their INSEE and postal codes. */
const OVERSEAS: Record<string, Area> = {
  "971": { name: "en Guadeloupe", latitude: [15.8, 16.55], longitude: [-61.85, -60.95] },
  "972": { name: "en Martinique", latitude: [14.38, 14.9], longitude: [-61.25, -60.8] },
  "973": { name: "en Guyane", latitude: [2.1, 5.8], longitude: [-54.6, -51.6] },
  "974": { name: "à La Réunion", latitude: [-21.4, -20.85], longitude: [55.2, 55.85] },
  "976": { name: "à Mayotte", latitude: [-13.05, -12.6], longitude: [44.95, 45.35] },
};
/** The lands a French place may be on (the place form's country check uses the same boxes). */
export const FRENCH_AREAS: readonly Area[] = [MAINLAND, ...Object.values(OVERSEAS)];

const isIn = (area: Area, { latitude, longitude }: Point) =>
  latitude >= area.latitude[0] && latitude <= area.latitude[1] && longitude >= area.longitude[0] && longitude <= area.longitude[1];

/**
 * The land of a French commune, from its INSEE code (preferred) or postal code. Null for what this
 * module does not know (overseas collectivities: Saint-Pierre-et-Miquelon, Polynesia…): not checked.
 */
export function areaOfCommune({ communeCode, postalCode }: { communeCode?: string | null; postalCode?: string | null }): Area | null {
  const code = communeCode && /^([013-9]\d|2[AB1-9])\d{3}$/i.test(communeCode) ? communeCode : postalCode && /^\d{5}$/.test(postalCode) ? postalCode : null;
  if (!code) return null;
  // Saint-Barthélemy and Saint-Martin have Guadeloupe's postal codes but are not on its land.
  if (code === "97133" || code === "97150") return null;
  if (code.startsWith("97") || code.startsWith("98")) return OVERSEAS[code.slice(0, 3)] ?? null;
  return MAINLAND;
}

/** A commune's position and how far from it a place of that commune may be (a finer source than lands). */
export type LocateCommune = (communeCode: string) => { center: Point; radiusKm: number } | null;

/** Great-circle distance in km. */
export function distanceKm(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export type PointCheck =
  | { status: "ok"; point: Point }
  /** Latitude and longitude were swapped: `point` is the pair put right. */
  | { status: "swapped"; point: Point }
  /** Not where its commune is; `why` in French, for the coordinator. */
  | { status: "far"; why: string }
  /** Nothing known of the commune's position: kept as given. */
  | { status: "unchecked"; point: Point };

const written = (point: Point) => `${point.latitude}, ${point.longitude}`;

/** Whether `point` is where its commune is (see the module's comment). */
export function checkPointAgainstCommune(
  point: Point,
  commune: { communeCode?: string | null; postalCode?: string | null; communeName?: string },
  locate?: LocateCommune,
): PointCheck {
  const area = areaOfCommune(commune);
  if (!area) return { status: "unchecked", point };
  const known = commune.communeCode && locate ? locate(commune.communeCode) : null;
  const fits = (candidate: Point) => isIn(area, candidate) && (!known || distanceKm(known.center, candidate) <= known.radiusKm);
  if (fits(point)) return { status: "ok", point };
  const swapped = { latitude: point.longitude, longitude: point.latitude };
  if (fits(swapped)) return { status: "swapped", point: swapped };
  const of = commune.communeName ? `la commune (${commune.communeName})` : "la commune";
  if (!isIn(area, point)) return { status: "far", why: `Le point (${written(point)}) n'est pas ${area.name}, où se trouve ${of}` };
  return { status: "far", why: `Le point (${written(point)}) est à ${Math.round(distanceKm(known!.center, point))} km de ${of}` };
}

export interface CoordinateIssue {
  column: "latitude" | "longitude";
  value: string;
  why: string;
  level: "warning";
}

/** What the import says when a place is left without the file's point. */
const POINT_DROPPED = "les coordonnées du lieu ne sont pas importées.";

/** Said of a decimal comma: a machine format (LMN) expects a point; a French spreadsheet writes a comma. */
export const DECIMAL_COMMA = "Virgule décimale : lue comme un point.";

/** A decimal number, point or comma. */
const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

function readOne(value: string, column: "latitude" | "longitude", issues: CoordinateIssue[]): number | null | "bad" {
  if (value === "") return null;
  if (!NUMBER.test(value)) {
    issues.push({ column, value, why: `Coordonnée illisible (nombre attendu, ex. 45.7640) : ${POINT_DROPPED}`, level: "warning" });
    return "bad";
  }
  if (value.includes(",")) issues.push({ column, value, why: DECIMAL_COMMA, level: "warning" });
  const number = Number(value.replace(",", "."));
  const limit = column === "latitude" ? 90 : 180;
  if (Math.abs(number) > limit) {
    issues.push({ column, value, why: `Coordonnée hors limites (${column === "latitude" ? "−90 à 90" : "−180 à 180"}) : ${POINT_DROPPED}`, level: "warning" });
    return "bad";
  }
  return number;
}

/**
 * A latitude and a longitude as typed in a file, read as one pair and checked against the commune:
 * both or neither, every problem reported (column, value, why) as a warning — the place is still
 * imported, without the file's point when it cannot be trusted.
 */
export function readCheckedPoint(
  text: { latitude: string; longitude: string },
  commune: { communeCode?: string | null; postalCode?: string | null; communeName?: string },
  locate?: LocateCommune,
): { point: Point | null; issues: CoordinateIssue[] } {
  const issues: CoordinateIssue[] = [];
  const latitude = readOne(text.latitude, "latitude", issues);
  const longitude = readOne(text.longitude, "longitude", issues);
  const dropped = (column: CoordinateIssue["column"], why: string) => issues.push({ column, value: text[column], why: `${why} : ${POINT_DROPPED}`, level: "warning" });
  if (latitude === "bad" || longitude === "bad") return { point: null, issues };
  if (latitude === null && longitude === null) return { point: null, issues };
  if (latitude === null || longitude === null) {
    const missing = latitude === null ? "latitude" : "longitude";
    dropped(missing, `${missing === "latitude" ? "Latitude" : "Longitude"} absente alors que ${missing === "latitude" ? "la longitude" : "la latitude"} est donnée`);
    return { point: null, issues };
  }
  const check = checkPointAgainstCommune({ latitude, longitude }, commune, locate);
  if (check.status === "far") {
    dropped("latitude", check.why);
    return { point: null, issues };
  }
  if (check.status === "swapped") {
    issues.push({
      column: "latitude",
      value: text.latitude,
      why: `Latitude et longitude inversées (${written({ latitude, longitude })} n'est pas dans la commune) : remises dans l'ordre (${written(check.point)}).`,
      level: "warning",
    });
  }
  return { point: check.point, issues };
}
