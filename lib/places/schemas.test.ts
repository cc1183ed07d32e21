import { describe, expect, it } from "vitest";
import { frenchCommunes } from "./communes";
import { isInCountry, placeFormSchema, placeFormValues, placeSchema } from "./schemas";

const serverSchema = placeSchema(frenchCommunes);

const valid = {
  structureId: "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f",
  name: "Médiathèque",
  address: "3 avenue de la Gare",
  country: "FR",
  postalCode: "02130",
  commune: "Fère-en-Tardenois",
  latitude: "",
  longitude: "",
};

/** The messages of a refused form, by field. */
function errors(schema: typeof serverSchema, changes: Record<string, unknown>) {
  const result = schema.safeParse({ ...valid, ...changes });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("the place schema", () => {
  it("gives the place as stored: INSEE code and official name, nulls for empty fields", () => {
    expect(serverSchema.parse({ ...valid, commune: "fere en tardenois", postalCode: " 02130 " })).toEqual({
      structureId: valid.structureId,
      placeId: null,
      version: "",
      name: "Médiathèque",
      address: "3 avenue de la Gare",
      addressComplement: null,
      postalCode: "02130",
      communeCode: "02305",
      communeName: "Fère-en-Tardenois",
      communeUnverified: false,
      country: "FR",
      latitude: null,
      longitude: null,
      wheelchairAccessible: null,
      accessibilityNotes: null,
    });
  });

  it("accepts the commune's INSEE code, as the list of communes posts it", () => {
    expect(serverSchema.parse({ ...valid, commune: "02305" })).toMatchObject({ communeCode: "02305", communeName: "Fère-en-Tardenois" });
  });

  it("refuses a commune that does not have the postal code, and names those that do", () => {
    const message = errors(serverSchema, { commune: "Saint-Quentin" }).commune;
    expect(message).toMatch(/^« Saint-Quentin » n'a pas le code postal 02130\. Communes de ce code postal : Arcy-Sainte-Restitue, /);
    expect(message).toContain("Fère-en-Tardenois");
    expect(message).toContain("Code postal de Saint-Quentin (02) : 02100");
  });

  it("lets an edited place keep a commune the list does not know, marked as unverified", () => {
    const edited = { placeId: "0b6a3c1e-1d2f-4e5a-9b8c-7d6e5f4a3b2c", storedCommune: "02999", postalCode: "02400", commune: "Bourg-sur-Lise" };
    expect(serverSchema.parse({ ...valid, ...edited })).toMatchObject({
      communeCode: "02999",
      communeName: "Bourg-sur-Lise",
      communeUnverified: true,
    });
    // Creating (no place yet): the same commune is refused.
    expect(errors(serverSchema, { ...edited, placeId: "" }).commune).toMatch(/^« Bourg-sur-Lise » n'a pas le code postal 02400/);
  });

  it("refuses an unknown French postal code", () => {
    expect(errors(serverSchema, { postalCode: "02999" }).postalCode).toMatch(/^Le code postal 02999 n'existe pas en France/);
  });

  it("checks the postal code's shape against the country", () => {
    expect(errors(serverSchema, { postalCode: "1000" }).postalCode).toMatch(/^Ce code postal ne correspond pas au pays : en France, il a 5 chiffres/);
    expect(errors(serverSchema, { country: "BE", postalCode: "02130" }).postalCode).toMatch(/^Ce code postal ne correspond pas au pays : en Belgique/);
    expect(errors(serverSchema, { country: "BE", postalCode: "0999" }).postalCode).toMatch(/de 1000 à 9992/);
  });

  it("keeps a Belgian commune's name as typed, and its postal code as its code", () => {
    expect(serverSchema.parse({ ...valid, country: "BE", postalCode: "5000", commune: "Namur" })).toMatchObject({
      postalCode: "5000",
      communeCode: "5000",
      communeName: "Namur",
    });
    expect(errors(serverSchema, { country: "BE", postalCode: "5000", commune: "" }).commune).toBe("Indiquez la commune.");
  });

  it("requires the name, the address, the postal code and the commune", () => {
    const result = errors(serverSchema, { name: "", address: "", postalCode: "", commune: "" });
    expect(Object.keys(result).sort()).toEqual(["address", "commune", "name", "postalCode"]);
  });

  it("refuses < and > and overlong text", () => {
    expect(errors(serverSchema, { name: "<b>EPN</b>" }).name).toBe("Nom du lieu : les signes < et > ne sont pas acceptés.");
    expect(errors(serverSchema, { accessibilityNotes: "Rampe > 5 %" }).accessibilityNotes).toMatch(/< et >/);
    expect(errors(serverSchema, { address: "x".repeat(201) }).address).toBe("Adresse : 200 caractères au plus.");
  });

  it("reads coordinates with a decimal point or comma", () => {
    expect(serverSchema.parse({ ...valid, latitude: "49,2512", longitude: " 3.4187" })).toMatchObject({ latitude: 49.2512, longitude: 3.4187 });
  });

  it("wants both coordinates or neither", () => {
    expect(errors(serverSchema, { latitude: "49,25" }).longitude).toBe("Indiquez la latitude et la longitude, ou aucune des deux.");
    expect(errors(serverSchema, { longitude: "3,42" }).latitude).toBe("Indiquez la latitude et la longitude, ou aucune des deux.");
  });

  it("refuses what is not a number, or out of range", () => {
    expect(errors(serverSchema, { latitude: "49°15'N", longitude: "3" }).latitude).toMatch(/^Latitude : indiquez un nombre décimal/);
    expect(errors(serverSchema, { latitude: "91", longitude: "3" }).latitude).toBe("Latitude : entre -90 et 90.");
    expect(errors(serverSchema, { latitude: "49", longitude: "-181" }).longitude).toBe("Longitude : entre -180 et 180.");
  });

  it("refuses coordinates outside the country (swapped ones, for instance)", () => {
    expect(errors(serverSchema, { latitude: "3,4187", longitude: "49,2512" }).latitude).toMatch(/^Ces coordonnées ne sont pas en France/);
    expect(errors(serverSchema, { country: "BE", postalCode: "5000", commune: "Namur", latitude: "49,25", longitude: "3,42" }).latitude).toMatch(
      /^Ces coordonnées ne sont pas en Belgique/,
    );
  });

  it("knows France overseas and Belgium", () => {
    expect(isInCountry("FR", -20.88, 55.45)).toBe(true); // Saint-Denis, La Réunion
    expect(isInCountry("FR", 16.24, -61.53)).toBe(true); // Pointe-à-Pitre
    expect(isInCountry("FR", 50.85, 4.35)).toBe(true); // within metropolitan France's box: a rough check
    expect(isInCountry("BE", 50.85, 4.35)).toBe(true); // Bruxelles
    expect(isInCountry("BE", 48.85, 2.35)).toBe(false); // Paris
    expect(isInCountry("FR", 40.4, -3.7)).toBe(false); // Madrid
  });

  it("reads the wheelchair answer as yes, no or unknown", () => {
    expect(serverSchema.parse({ ...valid, wheelchairAccessible: "oui" }).wheelchairAccessible).toBe(true);
    expect(serverSchema.parse({ ...valid, wheelchairAccessible: "non" }).wheelchairAccessible).toBe(false);
    expect(serverSchema.parse({ ...valid, wheelchairAccessible: "inconnu" }).wheelchairAccessible).toBeNull();
    expect(errors(serverSchema, { wheelchairAccessible: "peut-être" }).wheelchairAccessible).toBe("Choisissez une réponse.");
  });

  it("in the browser (no list of communes), checks everything but the commune", () => {
    expect(placeFormSchema.safeParse({ ...valid, commune: "Saint-Quentin" }).success).toBe(true);
    expect(errors(placeFormSchema, { postalCode: "2130" }).postalCode).toMatch(/5 chiffres/);
  });
});

describe("a stored place in the form", () => {
  it("comes back as it was stored when the form is posted unchanged", () => {
    const stored = {
      name: "Médiathèque",
      address: "1 rue Haute",
      addressComplement: null,
      country: "FR" as const,
      postalCode: "02130",
      communeCode: "02305",
      communeName: "Fère-en-Tardenois",
      latitude: 49.2003,
      longitude: 3.5163,
      wheelchairAccessible: false,
      accessibilityNotes: null,
    };
    const values = placeFormValues(stored, { structureId: valid.structureId, placeId: "", version: "" });
    expect(values).toMatchObject({ latitude: "49,2003", longitude: "3,5163", wheelchairAccessible: "non", addressComplement: "" });
    expect(values.storedCommune).toBe("02305");
    expect(serverSchema.parse({ ...values, placeId: "0b6a3c1e-1d2f-4e5a-9b8c-7d6e5f4a3b2c" })).toMatchObject({ ...stored, communeUnverified: false });
  });
});
