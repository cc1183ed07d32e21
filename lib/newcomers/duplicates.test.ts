import { describe, expect, it } from "vitest";
import { findDuplicates, type ExistingStructure, type Newcomer } from "./duplicates";

const existing: ExistingStructure[] = [
  { id: "repair", name: "Repair café du Val de Lise", identifiers: [{ type: "RNA", value: "W021000123" }], places: [{ address: "Salle des fêtes, place de la Mairie", postalCode: "02310" }] },
  { id: "ccas", name: "CCAS de Château-Thierry", identifiers: [{ type: "SIRET", value: "26020001700018" }], places: [{ address: "12, rue Carnot", postalCode: "02400" }] },
  { id: "media", name: "Médiathèque Jean-de-La-Fontaine", identifiers: [], places: [{ address: "2 place de l'Hôtel de Ville", postalCode: "02400" }] },
];
const newcomer = (fields: Partial<Newcomer>): Newcomer => ({ name: "Les Petits Débrouillards", identifierType: null, identifierValue: null, address: "5 rue Neuve", postalCode: "02400", ...fields });
const found = (fields: Partial<Newcomer>) => findDuplicates(newcomer(fields), existing).map(({ structure, reasons }) => [structure.id, reasons]);

describe("findDuplicates", () => {
  it("finds nothing for a structure unlike any other", () => {
    expect(found({})).toEqual([]);
  });
  it("same identifier, or another establishment of the same SIREN", () => {
    expect(found({ identifierType: "RNA", identifierValue: "W021000123" })).toEqual([["repair", ["same_identifier"]]]);
    expect(found({ identifierType: "SIRET", identifierValue: "26020001700026" })).toEqual([["ccas", ["same_siren"]]]);
  });
  it("close names: case, accents, hyphens and the usual words set aside; one name within the other", () => {
    expect(found({ name: "MEDIATHEQUE JEAN DE LA FONTAINE" })).toEqual([["media", ["close_name"]]]);
    expect(found({ name: "Association Repair Café" })).toEqual([["repair", ["close_name"]]]);
    // One word in common is not enough.
    expect(found({ name: "Café des parents" })).toEqual([]);
  });
  it("same address, written otherwise; the strongest candidate first", () => {
    expect(found({ address: "12 RUE CARNOT" })).toEqual([["ccas", ["same_address"]]]);
    expect(found({ name: "CCAS Château Thierry", address: "12 rue Carnot", identifierType: "SIRET", identifierValue: "26020001700018" })).toEqual([
      ["ccas", ["same_identifier", "close_name", "same_address"]],
    ]);
  });
});
