/**
 * The optional address helper: the French national address API (api-adresse.data.gouv.fr, or a
 * local copy of it), at GEOCODER_URL. Without that variable, Toile never calls it and places are
 * typed by hand. Only the server calls it (a server action, and the import job for rows without a
 * usable point: lib/open-data/import/geocoding.ts), with a short timeout.
 */
import type { Coded } from "@/lib/errors/app-error";

export interface AddressCandidate {
  label: string;
  /** Number and street ("3 Avenue de la Gare"). */
  address: string;
  postalCode: string;
  communeCode: string;
  communeName: string;
  latitude: number;
  longitude: number;
}

export type GeocoderResult = { ok: true; candidates: AddressCandidate[] } | { ok: false; error: Coded };

/** Its words: lib/errors/messages.ts. */
export const GEOCODER_UNAVAILABLE = { code: "place.geocoder_unavailable" } as const satisfies Coded;

/** The geocoder's base URL, or null when the helper is off. */
export function geocoderUrl(): string | null {
  return process.env.GEOCODER_URL?.trim() || null;
}

interface Feature {
  geometry?: { coordinates?: unknown };
  properties?: { label?: unknown; name?: unknown; postcode?: unknown; citycode?: unknown; city?: unknown };
}

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 300;

function candidateOf(feature: Feature): AddressCandidate | null {
  const coordinates = feature.geometry?.coordinates;
  const { label, name, postcode, citycode, city } = feature.properties ?? {};
  if (!Array.isArray(coordinates) || typeof coordinates[0] !== "number" || typeof coordinates[1] !== "number") return null;
  if (!isText(label) || !isText(name) || !isText(postcode) || !isText(citycode) || !isText(city)) return null;
  return { label, address: name, postalCode: postcode, communeCode: citycode, communeName: city, latitude: coordinates[1], longitude: coordinates[0] };
}

/** Up to 5 addresses matching `query` (in `postalCode` when given). Any failure says so, in plain French. */
export async function searchAddress(
  baseUrl: string,
  query: string,
  { postalCode, timeoutMs = 3000 }: { postalCode?: string; timeoutMs?: number } = {},
): Promise<GeocoderResult> {
  const url = new URL("search/", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.searchParams.set("q", query);
  url.searchParams.set("limit", "5");
  if (postalCode && /^\d{5}$/.test(postalCode)) url.searchParams.set("postcode", postalCode);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!response.ok) return { ok: false, error: GEOCODER_UNAVAILABLE };
    const body = (await response.json()) as { features?: unknown };
    if (!Array.isArray(body.features)) return { ok: false, error: GEOCODER_UNAVAILABLE };
    const candidates = (body.features as Feature[]).map(candidateOf).filter((candidate) => candidate !== null);
    return { ok: true, candidates: candidates.slice(0, 5) };
  } catch {
    // Timeout, refused connection, invalid JSON: the person goes on by hand.
    return { ok: false, error: GEOCODER_UNAVAILABLE };
  }
}
