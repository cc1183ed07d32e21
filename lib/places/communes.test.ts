import { describe, expect, it } from "vitest";
import { communeHasPostalCode, frenchCommunesNamed, frenchCommunesOf, isBelgianPostalCode, matchCommune, normalizeCommuneName } from "./communes";

describe("French communes", () => {
  it("lists the current communes of a postal code, by name", () => {
    const names = frenchCommunesOf("02130").map((commune) => commune.name);
    expect(names).toContain("Fère-en-Tardenois");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    expect(frenchCommunesOf("75001")).toEqual([{ code: "75056", name: "Paris", postalCodes: expect.arrayContaining(["75001"]) }]);
  });

  it("knows nothing of an unknown postal code, and leaves out former communes", () => {
    expect(frenchCommunesOf("00000")).toEqual([]);
    // Paris's arrondissements and delegated communes are not "commune-actuelle".
    expect(frenchCommunesOf("75001").some((commune) => commune.code === "75101")).toBe(false);
  });

  it("tells whether a commune has a postal code", () => {
    expect(communeHasPostalCode("02305", "02130")).toBe(true);
    expect(communeHasPostalCode("02691", "02400")).toBe(false);
  });

  it("finds communes by name as people type them", () => {
    expect(frenchCommunesNamed("fere en tardenois").map((commune) => commune.code)).toEqual(["02305"]);
    expect(frenchCommunesNamed("Saint-Quentin").some((commune) => commune.code === "02691")).toBe(true);
  });
});

describe("matching a typed commune", () => {
  const communes = frenchCommunesOf("02130");

  it("accepts the INSEE code or the name, without accents, case or hyphens; St is Saint", () => {
    expect(matchCommune(communes, "02305")?.name).toBe("Fère-en-Tardenois");
    expect(matchCommune(communes, "  FERE EN TARDENOIS ")?.code).toBe("02305");
    expect(matchCommune(communes, "Arcy-Ste-Restitue")?.code).toBe("02022");
    expect(normalizeCommuneName("L'Haÿ-les-Roses")).toBe("l hay les roses");
  });

  it("matches nothing for a commune of another postal code", () => {
    expect(matchCommune(communes, "Saint-Quentin")).toBeUndefined();
    expect(matchCommune(communes, "02691")).toBeUndefined();
  });
});

describe("Belgian postal codes", () => {
  it("are 4 digits from 1000 to 9992", () => {
    expect(isBelgianPostalCode("1000")).toBe(true);
    expect(isBelgianPostalCode("9992")).toBe(true);
    expect(isBelgianPostalCode("0999")).toBe(false);
    expect(isBelgianPostalCode("9993")).toBe(false);
    expect(isBelgianPostalCode("10000")).toBe(false);
  });
});
