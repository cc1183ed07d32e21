/**
 * Communes and postal codes, to check a place's address.
 *
 * France: the current communes (type "commune-actuelle") of @etalab/decoupage-administratif, with
 * their INSEE code and postal codes. The file is 8 MB: it is read from disk on first use, once per
 * server process, and never imported by a client component (the browser asks the server for the
 * communes of a postal code).
 *
 * Belgium: there is no offline list here, so only the postal code's format is checked (4 digits,
 * 1000 to 9992) and the commune's name is required as typed. For a Belgian place, `communeCode`
 * holds the postal code: it is the code Belgian sources (bpost, Statbel's postal lists) key places
 * by, and the NIS code cannot be derived offline.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizeCommuneName, type Commune } from "./commune-names";

export { isBelgianPostalCode, matchCommune, normalizeCommuneName, type Commune } from "./commune-names";

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  /** For a delegated or associated commune (merged into another): the current commune's code. */
  "chefLieu"?: string;
}

/** A commune as a person would pick it among homonyms: its name, one of its postal codes, its département. */
export interface CommuneCandidate {
  code: string;
  name: string;
  postalCode: string;
  department: string;
}

let indexes:
  | { byPostalCode: Map<string, Commune[]>; byName: Map<string, Commune[]>; departmentOf: Map<string, string>; mergedInto: Map<string, string[]> }
  | undefined;

function index() {
  if (indexes) return indexes;
  // Read at run time rather than imported, so the bundler does not inline 8 MB of JSON.
  const file = path.join(process.cwd(), "node_modules/@etalab/decoupage-administratif/data/communes.json");
  const raw = JSON.parse(readFileSync(file, "utf8")) as RawCommune[];
  const departments = JSON.parse(readFileSync(path.join(path.dirname(file), "departements.json"), "utf8")) as { code: string; nom: string }[];
  const departmentName = new Map(departments.map((department) => [department.code, department.nom]));
  const departmentOf = new Map<string, string>();
  const byPostalCode = new Map<string, Commune[]>();
  const byName = new Map<string, Commune[]>();
  const mergedInto = new Map<string, string[]>();
  const add = (map: Map<string, Commune[]>, key: string, commune: Commune) => map.set(key, [...(map.get(key) ?? []), commune]);
  for (const entry of raw) {
    if ((entry.type === "commune-deleguee" || entry.type === "commune-associee") && entry.chefLieu) {
      const key = normalizeCommuneName(entry.nom);
      mergedInto.set(key, [...(mergedInto.get(key) ?? []), entry.chefLieu]);
    }
    if (entry.type !== "commune-actuelle") continue;
    const commune = { code: entry.code, name: entry.nom, postalCodes: entry.codesPostaux ?? [] };
    for (const postalCode of commune.postalCodes) add(byPostalCode, postalCode, commune);
    add(byName, normalizeCommuneName(commune.name), commune);
    departmentOf.set(entry.code, `${departmentName.get(entry.departement ?? "") ?? entry.departement ?? ""} (${entry.departement ?? ""})`);
  }
  for (const list of byPostalCode.values()) list.sort((a, b) => a.name.localeCompare(b.name, "fr"));
  indexes = { byPostalCode, byName, departmentOf, mergedInto };
  return indexes;
}

/** The current French communes served by a postal code (none when the code is unknown). */
export function frenchCommunesOf(postalCode: string): Commune[] {
  return index().byPostalCode.get(postalCode.trim()) ?? [];
}

/** The current French communes of that name (several communes share a name: Saint-Aubin…). */
export function frenchCommunesNamed(name: string): Commune[] {
  return index().byName.get(normalizeCommuneName(name)) ?? [];
}

/** The list of French communes, as the place form's schema reads it on the server. */
export const frenchCommunes = { ofPostalCode: frenchCommunesOf, named: frenchCommunesNamed };

/** Whether a commune (by INSEE code) is served by a postal code. */
export function communeHasPostalCode(communeCode: string, postalCode: string): boolean {
  return frenchCommunesOf(postalCode).some((commune) => commune.code === communeCode);
}

/** A name without its leading article: "Le Mont-Dore" and "Mont-Dore" are to be told apart, not confused. */
const withoutArticle = (normalized: string) => normalized.replace(/^(le|la|les|l) /, "");

/**
 * Every commune a bare name may designate, with each of its postal codes: the communes of that
 * name, with or without a leading article, and those whose name begins with it ("Livron" may be
 * Livron, Pyrénées-Atlantiques, or Livron-sur-Drôme). A name is only clear when this is one entry.
 */
export function frenchCommuneCandidates(name: string): CommuneCandidate[] {
  const wanted = withoutArticle(normalizeCommuneName(name));
  if (!wanted) return [];
  const { byName, departmentOf } = index();
  const candidates: CommuneCandidate[] = [];
  for (const [key, communes] of byName) {
    const bare = withoutArticle(key);
    if (bare !== wanted && !bare.startsWith(`${wanted} `)) continue;
    for (const commune of communes) {
      for (const postalCode of commune.postalCodes) candidates.push({ code: commune.code, name: commune.name, postalCode, department: departmentOf.get(commune.code) ?? "" });
    }
  }
  return candidates.sort((a, b) => a.name.localeCompare(b.name, "fr") || a.postalCode.localeCompare(b.postalCode));
}


/**
 * The current commune, among those a postal code serves, that a merged commune of that name now
 * belongs to (Seynod, 74600 → Annecy): an official merger, not a guess. Undefined when none.
 */
export function frenchCommuneMergedInto(postalCode: string, name: string): Commune | undefined {
  const codes = index().mergedInto.get(normalizeCommuneName(name)) ?? [];
  const matches = frenchCommunesOf(postalCode).filter((commune) => codes.includes(commune.code));
  return matches.length === 1 ? matches[0] : undefined;
}
