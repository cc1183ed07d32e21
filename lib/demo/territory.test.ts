/**
 * The demo is honest about what is real: its communes are real communes (code ↔ name ↔ postal code
 * as the national list has them), and its SIRETs pass Toile's check while belonging to nobody.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSiret } from "@/lib/structures/identifiers";
import { DEMO_COMMUNES, DEMO_STRUCTURES } from "./territory";

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
}

// The package's own file, read as lib/places/communes.ts reads it (not through that module, so
// this test checks the demo against the source, not against Toile's reading of it).
const communes = (
  JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/@etalab/decoupage-administratif/data/communes.json"), "utf8")) as RawCommune[]
).filter(({ type }) => type === "commune-actuelle");
const byCode = new Map(communes.map((commune) => [commune.code, commune]));

function luhnValid(digits: string) {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

describe("the demo's communes", () => {
  it.each(Object.entries(DEMO_COMMUNES))("%s is a current French commune with that code, name and postal code", (_key, commune) => {
    const real = byCode.get(commune.code);
    expect(real, `${commune.code} is not a current commune`).toBeDefined();
    expect(real!.nom).toBe(commune.name);
    expect(real!.codesPostaux).toContain(commune.postalCode);
  });

  it("are in one département, two of them sharing a postal code (the searches' tests rely on it)", () => {
    const list = Object.values(DEMO_COMMUNES);
    expect(new Set(list.map(({ code }) => byCode.get(code)?.departement)).size).toBe(1);
    expect(new Set(list.map(({ postalCode }) => postalCode)).size).toBe(list.length - 1);
  });

  it("hold every demo place", () => {
    const keys = Object.keys(DEMO_COMMUNES);
    for (const place of DEMO_STRUCTURES.flatMap(({ places }) => places)) expect(keys).toContain(place.commune);
  });
});

describe("the demo's SIRETs", () => {
  const sirets = DEMO_STRUCTURES.flatMap(({ siret }) => (siret ? [siret] : []));

  it("exist", () => {
    expect(sirets.length).toBeGreaterThan(5);
  });

  it.each(sirets)("%s passes Toile's SIRET check, yet its SIREN fails its own check digit: no company has it", (siret) => {
    expect(checkSiret(siret)).toEqual({ ok: true, value: siret });
    expect(luhnValid(siret.slice(0, 9))).toBe(false);
  });
});
