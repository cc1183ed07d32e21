import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GEOCODER_UNAVAILABLE, searchAddress, type AddressCandidate } from "@/lib/places/geocoder";
import { geocodeRows, withGeocodedPoints, type AddressSearch } from "./geocoding";
import type { ImportRow } from "./model";

const row = (sourceRow: number, place: Partial<ImportRow["place"]> = {}): ImportRow => ({
  sourceRow,
  sourceId: `lieu-${sourceRow}`,
  structure: { name: "EPN", identifiers: [], email: null, phone: null, website: null, description: "", terms: [] },
  place: {
    name: "EPN",
    address: "2 rue du Moulin",
    addressComplement: null,
    postalCode: "02130",
    communeCode: null,
    communeName: "Fère-en-Tardenois",
    country: "FR",
    latitude: null,
    longitude: null,
    ...place,
  },
  terms: [],
  hours: null,
  updatedOn: null,
  lmn: {},
});

const candidate = (fields: Partial<AddressCandidate> = {}): AddressCandidate => ({
  label: "2 Rue du Moulin 02130 Fère-en-Tardenois",
  address: "2 Rue du Moulin",
  postalCode: "02130",
  communeCode: "02305",
  communeName: "Fère-en-Tardenois",
  latitude: 49.2003,
  longitude: 3.5163,
  ...fields,
});

/** A stand-in for the address API on 127.0.0.1, answering every search with `features`. */
let server: Server;
let baseUrl: string;
const asked: URL[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, "http://127.0.0.1");
    asked.push(url);
    const features = url.searchParams.get("q")!.startsWith("2 rue du Moulin")
      ? [{ type: "Feature", geometry: { type: "Point", coordinates: [3.5163, 49.2003] }, properties: { label: "2 Rue du Moulin 02130 Fère-en-Tardenois", name: "2 Rue du Moulin", postcode: "02130", citycode: "02305", city: "Fère-en-Tardenois" } }]
      : [];
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ type: "FeatureCollection", features }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("geocodeRows", () => {
  it("places rows without a point from their address (the address API on a local server), one report line per place", async () => {
    const search: AddressSearch = (query, options) => searchAddress(baseUrl, query, options);
    const rows = [row(2), row(3, { latitude: 49.5, longitude: 3.6 }), row(4, { address: "9 impasse Inconnue" })];
    const geocoding = await geocodeRows(rows, search, { timeoutMs: 2000 });
    expect(geocoding.points).toEqual([{ sourceRow: 2, latitude: 49.2003, longitude: 3.5163 }]);
    expect(geocoding.issues).toEqual([
      { row: 2, column: "adresse", value: "2 rue du Moulin", why: "Placé d'après son adresse : « 2 Rue du Moulin 02130 Fère-en-Tardenois » (49.2003, 3.5163).", level: "warning" },
      {
        row: 4,
        column: "adresse",
        value: "9 impasse Inconnue",
        why: "Adresse introuvable dans la commune (02130 Fère-en-Tardenois) par le service d'adresses : le lieu est importé sans coordonnées.",
        level: "warning",
      },
    ]);
    // Only the rows without a point were asked, each within its postal code.
    expect(asked.map((url) => [url.searchParams.get("q"), url.searchParams.get("postcode")])).toEqual([
      ["2 rue du Moulin 02130 Fère-en-Tardenois", "02130"],
      ["9 impasse Inconnue 02130 Fère-en-Tardenois", "02130"],
    ]);
    expect(withGeocodedPoints(rows, geocoding.points).map((each) => [each.place.latitude, each.place.longitude])).toEqual([
      [49.2003, 3.5163],
      [49.5, 3.6],
      [null, null],
    ]);
  });

  it("takes no candidate of another commune, nor one off its commune's land", async () => {
    const search: AddressSearch = async () => ({ ok: true, candidates: [candidate({ postalCode: "02000", communeCode: "02408" }), candidate({ latitude: 3.5163, longitude: 49.2003 })] });
    const geocoding = await geocodeRows([row(2)], search);
    expect(geocoding.points).toEqual([]);
    expect(geocoding.issues[0]!.why).toMatch(/^Adresse introuvable dans la commune/);
    // Matched on the INSEE code when the row has one.
    const byCode = await geocodeRows([row(2, { communeCode: "02305", postalCode: "02130" })], async () => ({ ok: true, candidates: [candidate({ postalCode: "02131" })] }));
    expect(byCode.points).toEqual([{ sourceRow: 2, latitude: 49.2003, longitude: 3.5163 }]);
  });

  it("asks at most `cap` places, with the timeout given, and says which were not placed", async () => {
    const calls: { query: string; timeoutMs?: number }[] = [];
    const search: AddressSearch = async (query, { timeoutMs }) => {
      calls.push({ query, timeoutMs });
      return { ok: true, candidates: [candidate()] };
    };
    const geocoding = await geocodeRows([row(2), row(3), row(4)], search, { cap: 2, timeoutMs: 1500 });
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.timeoutMs === 1500)).toBe(true);
    expect(geocoding.points.map((point) => point.sourceRow)).toEqual([2, 3]);
    expect(geocoding.issues.at(-1)).toEqual({
      row: 4,
      column: "adresse",
      value: "2 rue du Moulin",
      why: "Non placé d'après son adresse (au plus 2 lieux par import) : le lieu est importé sans coordonnées.",
      level: "warning",
    });
  });

  it("stops asking after three failures in a row, and says so for every place left", async () => {
    let calls = 0;
    const search: AddressSearch = async () => {
      calls++;
      return { ok: false, error: GEOCODER_UNAVAILABLE };
    };
    const geocoding = await geocodeRows([2, 3, 4, 5, 6].map((sourceRow) => row(sourceRow)), search);
    expect(calls).toBe(3);
    expect(geocoding.points).toEqual([]);
    expect(geocoding.issues.map((issue) => [issue.row, issue.why])).toEqual(
      [2, 3, 4, 5, 6].map((sourceRow) => [sourceRow, "Non placé d'après son adresse (le service d'adresses ne répond pas) : le lieu est importé sans coordonnées."]),
    );
  });
});
