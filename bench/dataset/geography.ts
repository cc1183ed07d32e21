/**
 * Where the benchmark's territories are: real French EPCIs and départements with their real
 * communes (INSEE codes, postal codes, population) from @etalab/decoupage-administratif, and a
 * few Belgian provinces with real communes (NIS codes, 4-digit postal codes).
 *
 * The French file has no coordinates. A commune's position is APPROXIMATE: its département's rough
 * centre, shifted by an offset drawn from its INSEE code (so always the same, within the
 * département's extent). Good enough for distances and maps in a benchmark; not for anything real.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface BenchCommune {
  code: string;
  name: string;
  postalCodes: string[];
  population: number;
  departement: string;
  latitude: number;
  longitude: number;
}

export interface TerritorySource {
  name: string;
  country: "FR" | "BE";
  timeZone: string;
  areas: { kind: "commune" | "epci" | "departement"; code: string; name: string }[];
  communes: BenchCommune[];
}

/** Rough centre of each metropolitan département: [latitude, longitude]. Approximate, by hand. */
const DEPARTEMENT_CENTRES: Record<string, [number, number]> = {
  "01": [46.1, 5.35], "02": [49.55, 3.55], "03": [46.4, 3.2], "04": [44.1, 6.25], "05": [44.65, 6.25],
  "06": [43.95, 7.1], "07": [44.75, 4.4], "08": [49.6, 4.6], "09": [42.95, 1.5], "10": [48.3, 4.15],
  "11": [43.1, 2.4], "12": [44.3, 2.65], "13": [43.5, 5.1], "14": [49.1, -0.35], "15": [45.05, 2.65],
  "16": [45.7, 0.2], "17": [45.8, -0.7], "18": [47.05, 2.5], "19": [45.35, 1.9], "21": [47.4, 4.8],
  "22": [48.45, -2.85], "23": [46.1, 2.0], "24": [45.1, 0.75], "25": [47.15, 6.35], "26": [44.7, 5.15],
  "27": [49.1, 1.0], "28": [48.4, 1.35], "29": [48.25, -4.05], "2A": [41.85, 8.95], "2B": [42.4, 9.2],
  "30": [44.0, 4.2], "31": [43.35, 1.2], "32": [43.7, 0.45], "33": [44.85, -0.55], "34": [43.6, 3.4],
  "35": [48.15, -1.65], "36": [46.8, 1.55], "37": [47.25, 0.7], "38": [45.25, 5.6], "39": [46.75, 5.7],
  "40": [43.95, -0.8], "41": [47.6, 1.4], "42": [45.7, 4.2], "43": [45.1, 3.8], "44": [47.35, -1.7],
  "45": [47.9, 2.3], "46": [44.6, 1.6], "47": [44.35, 0.45], "48": [44.5, 3.5], "49": [47.4, -0.55],
  "50": [49.1, -1.3], "51": [48.95, 4.2], "52": [48.1, 5.2], "53": [48.15, -0.65], "54": [48.8, 6.15],
  "55": [49.0, 5.4], "56": [47.85, -2.8], "57": [49.05, 6.65], "58": [47.1, 3.5], "59": [50.45, 3.2],
  "60": [49.4, 2.45], "61": [48.6, 0.1], "62": [50.5, 2.3], "63": [45.7, 3.15], "64": [43.25, -0.75],
  "65": [43.05, 0.15], "66": [42.6, 2.5], "67": [48.65, 7.55], "68": [47.85, 7.25], "69": [45.85, 4.65],
  "70": [47.65, 6.1], "71": [46.65, 4.55], "72": [48.0, 0.2], "73": [45.5, 6.4], "74": [46.05, 6.4],
  "75": [48.86, 2.35], "76": [49.65, 1.0], "77": [48.6, 2.95], "78": [48.8, 1.85], "79": [46.55, -0.3],
  "80": [49.95, 2.3], "81": [43.8, 2.15], "82": [44.05, 1.3], "83": [43.45, 6.25], "84": [44.0, 5.15],
  "85": [46.65, -1.3], "86": [46.55, 0.45], "87": [45.9, 1.25], "88": [48.2, 6.4], "89": [47.85, 3.55],
  "90": [47.65, 6.9], "91": [48.5, 2.25], "92": [48.85, 2.22], "93": [48.91, 2.48], "94": [48.78, 2.47],
  "95": [49.08, 2.15],
};
/** Paris and its inner ring are small: shift communes less there. */
const SMALL_DEPARTEMENTS = new Set(["75", "92", "93", "94", "90"]);

/** A stable number in [-1, 1) from a text (FNV-1a), so a commune always lands at the same spot. */
function stableOffset(text: string, salt: number): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) / 4294967296) * 2 - 1;
}

function approximatePosition(communeCode: string, departement: string): [number, number] {
  const [latitude, longitude] = DEPARTEMENT_CENTRES[departement]!;
  const spread = SMALL_DEPARTEMENTS.has(departement) ? 0.05 : 0.3;
  return [
    latitude + stableOffset(communeCode, 1) * spread,
    longitude + stableOffset(communeCode, 2) * spread * 1.4,
  ];
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  codesPostaux?: string[];
  population?: number;
}
interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}
interface RawDepartement {
  code: string;
  nom: string;
  zone: string;
}

function readData<T>(file: string): T {
  const full = path.join(process.cwd(), "node_modules/@etalab/decoupage-administratif/data", file);
  return JSON.parse(readFileSync(full, "utf8")) as T;
}

export interface FrenchGeography {
  communes: Map<string, BenchCommune>;
  epcis: { code: string; name: string; communes: BenchCommune[] }[];
  departements: { code: string; name: string; communes: BenchCommune[] }[];
}

let cached: FrenchGeography | undefined;

/** Metropolitan France only: overseas territories have other time zones and no centres here. */
export function frenchGeography(): FrenchGeography {
  if (cached) return cached;
  const communes = new Map<string, BenchCommune>();
  for (const raw of readData<RawCommune[]>("communes.json")) {
    if (raw.type !== "commune-actuelle" || raw.zone !== "metro" || !raw.codesPostaux?.length) continue;
    if (!DEPARTEMENT_CENTRES[raw.departement]) continue;
    const [latitude, longitude] = approximatePosition(raw.code, raw.departement);
    communes.set(raw.code, {
      code: raw.code,
      name: raw.nom,
      postalCodes: raw.codesPostaux,
      population: raw.population ?? 0,
      departement: raw.departement,
      latitude,
      longitude,
    });
  }
  const epcis = readData<RawEpci[]>("epci.json")
    .map((epci) => ({
      code: epci.code,
      name: epci.nom,
      communes: epci.membres.flatMap((member) => communes.get(member.code) ?? []),
    }))
    .filter((epci) => epci.communes.length > 0);
  const byDepartement = new Map<string, BenchCommune[]>();
  for (const commune of communes.values()) {
    byDepartement.set(commune.departement, [...(byDepartement.get(commune.departement) ?? []), commune]);
  }
  const departements = readData<RawDepartement[]>("departements.json")
    .filter((departement) => byDepartement.has(departement.code))
    .map((departement) => ({
      code: departement.code,
      name: departement.nom,
      communes: byDepartement.get(departement.code)!,
    }));
  cached = { communes, epcis, departements };
  return cached;
}

type BelgianRow = [nis: string, name: string, postalCode: string, population: number, latitude: number, longitude: number];

/** Real Belgian communes (NIS code, name, main postal code, rounded population, approximate position). */
const BELGIAN_PROVINCES: { name: string; communes: BelgianRow[] }[] = [
  {
    name: "Province de Namur",
    communes: [
      ["92094", "Namur", "5000", 113000, 50.467, 4.867],
      ["92142", "Gembloux", "5030", 27000, 50.56, 4.69],
      ["91034", "Dinant", "5500", 13500, 50.26, 4.91],
      ["92003", "Andenne", "5300", 27000, 50.49, 5.09],
      ["91030", "Ciney", "5590", 16500, 50.29, 5.1],
      ["92137", "Sambreville", "5060", 28500, 50.44, 4.62],
      ["93056", "Philippeville", "5600", 9300, 50.2, 4.54],
    ],
  },
  {
    name: "Province de Liège",
    communes: [
      ["62063", "Liège", "4000", 197000, 50.633, 5.567],
      ["62096", "Seraing", "4100", 64000, 50.59, 5.5],
      ["62051", "Herstal", "4040", 40000, 50.66, 5.63],
      ["63079", "Verviers", "4800", 55000, 50.59, 5.86],
      ["61031", "Huy", "4500", 21500, 50.52, 5.24],
      ["64074", "Waremme", "4300", 15500, 50.7, 5.25],
      ["63072", "Spa", "4900", 10500, 50.49, 5.86],
    ],
  },
  {
    name: "Province de Hainaut",
    communes: [
      ["52011", "Charleroi", "6000", 202000, 50.41, 4.44],
      ["53053", "Mons", "7000", 96000, 50.45, 3.95],
      ["57081", "Tournai", "7500", 69000, 50.61, 3.39],
      ["58001", "La Louvière", "7100", 81000, 50.48, 4.19],
      ["54007", "Mouscron", "7700", 59000, 50.74, 3.21],
      ["51004", "Ath", "7800", 30000, 50.63, 3.78],
      ["55040", "Soignies", "7060", 28000, 50.58, 4.07],
    ],
  },
  {
    name: "Région de Bruxelles-Capitale",
    communes: [
      ["21004", "Bruxelles", "1000", 196000, 50.85, 4.35],
      ["21001", "Anderlecht", "1070", 122000, 50.83, 4.31],
      ["21015", "Schaerbeek", "1030", 131000, 50.867, 4.377],
      ["21009", "Ixelles", "1050", 87000, 50.83, 4.37],
      ["21012", "Molenbeek-Saint-Jean", "1080", 97000, 50.855, 4.33],
      ["21016", "Uccle", "1180", 84000, 50.8, 4.34],
      ["21013", "Saint-Gilles", "1060", 50000, 50.827, 4.345],
    ],
  },
  {
    name: "Province de Luxembourg",
    communes: [
      ["81001", "Arlon", "6700", 30500, 49.68, 5.81],
      ["82003", "Bastogne", "6600", 16500, 50.0, 5.72],
      ["83034", "Marche-en-Famenne", "6900", 17500, 50.23, 5.34],
    ],
  },
];

export function belgianTerritories(): TerritorySource[] {
  return BELGIAN_PROVINCES.map((province) => {
    const communes = province.communes.map(([nis, name, postalCode, population, latitude, longitude]) => ({
      code: nis,
      name,
      postalCodes: [postalCode],
      population,
      departement: "",
      latitude,
      longitude,
    }));
    return {
      name: province.name,
      country: "BE" as const,
      timeZone: "Europe/Brussels",
      areas: communes.map((commune) => ({ kind: "commune" as const, code: commune.code, name: commune.name })),
      communes,
    };
  });
}
