import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/spreadsheet/xlsx";
import { MATRIX_HEADER, matrixToCsv } from "./csv";
import type { MatrixRow } from "./queries";
import { matrixToXlsx } from "./xlsx";

const ccas: MatrixRow = {
  offerId: "1",
  structureId: "s1",
  status: "published",
  structurePublished: true,
  qui: "CCAS de Château-Thierry",
  quoi: { title: "Démarches en ligne faites pour vous", needs: ["Aide aux démarches administratives"], postures: ["Faire à la place"] },
  comment: { accessModes: ["Sans rendez-vous"], modes: [], publics: ["Seniors"], conditions: ["à partir de 60 ans", "habiter la commune"] },
  ou: ["17 avenue du Général de Gaulle, Château-Thierry"],
  quand: "le mardi de 13 h à 17 h",
  autres: { fees: ["Gratuit"], feeDetails: null, documents: ["Pièce d'identité"], acceptsTransfers: true },
  // 00:30 in Paris on 1 February: the spreadsheet must show the 1st, not UTC's 31 January.
  lastVerifiedAt: new Date("2026-01-31T23:30:00Z"),
  verifiedBy: null,
  stale: true,
  communeCodes: ["02168"],
  structure: { id: "s1", email: null, phone: null, website: null, siret: null, rna: null },
  places: [
    { id: "p1", name: "CCAS", address: "17 avenue du Général de Gaulle", addressComplement: null, postalCode: "02400", communeCode: "02168", communeName: "Château-Thierry", latitude: 49.04, longitude: -3.4, appointmentUrl: null, quand: "le mardi de 13 h à 17 h" },
  ],
};

/** The template's columns after the matrix's fourteen: place, point, contacts, ids. */
const ccasPlace = ["CCAS", "17 avenue du Général de Gaulle", "", "02400", "02168", "Château-Thierry", 49.04, -3.4, "", "", "", "", "", "", "s1", "p1", "1"];

const draft: MatrixRow = {
  ...ccas,
  offerId: "2",
  status: "draft",
  qui: "=Atelier & co <test>",
  quoi: { title: "Atelier", needs: [], postures: [] },
  ou: ["À distance"],
  places: [],
  autres: { fees: ["Payant"], feeDetails: "5 € la séance", documents: [], acceptsTransfers: false },
  lastVerifiedAt: null,
  stale: false,
};

describe("matrixToXlsx", () => {
  it("writes one sheet, Matrice, with the CSV's header and a row per offer, dates as the Paris day", async () => {
    const [sheet, ...others] = (await readXlsx(await matrixToXlsx([ccas, draft], "Val de Lise")));
    expect(others).toEqual([]);
    expect(sheet!.name).toBe("Matrice");
    expect(sheet!.rows[0]).toEqual(MATRIX_HEADER);
    expect(sheet!.rows[1]).toEqual([
      "CCAS de Château-Thierry",
      "Démarches en ligne faites pour vous",
      "Aide aux démarches administratives",
      "Faire à la place",
      "Sans rendez-vous",
      "Seniors",
      "à partir de 60 ans ; habiter la commune",
      "17 avenue du Général de Gaulle, 02400 Château-Thierry",
      "le mardi de 13 h à 17 h",
      "Gratuit",
      "Pièce d'identité",
      "oui",
      "2026-02-01",
      "publiée — à vérifier",
      ...ccasPlace.map(String),
    ]);
    // Text stays text, unlike the CSV (where the leading quote guards against formulas).
    expect(sheet!.rows[2]).toEqual(["=Atelier & co <test>", "Atelier", "", "", "Sans rendez-vous", "Seniors", "à partir de 60 ans ; habiter la commune", "À distance", "le mardi de 13 h à 17 h", "Payant — 5 € la séance", "", "non", "", "brouillon", ...Array(14).fill(""), "s1", "", "2"]);
  });

  it("carries the same columns, in the same order, as the CSV", async () => {
    const simple = { ...ccas, comment: { ...ccas.comment, conditions: ["à partir de 60 ans"] } }; // no ";" to quote
    const csvRow = matrixToCsv([simple]).split("\r\n")[1]!.split(";");
    const xlsxRow = (await readXlsx(await matrixToXlsx([simple], "Val de Lise")))[0]!.rows[1]!;
    expect(csvRow[12]).toBe("01/02/2026");
    expect(xlsxRow).toEqual(csvRow.map((cell, index) => (index === 12 ? "2026-02-01" : cell)));
  });

  it("writes the verification date as a date cell, with column widths and the territory as title", async () => {
    const parts = unzipSync(await matrixToXlsx([ccas], "Val de Lise"));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('<c r="M2" s="2"><v>46054</v></c>'); // 01/02/2026, formatted dd/mm/yyyy
    expect(sheet).toContain('<col min="1" max="1" width="32" customWidth="1"/>');
    expect(strFromU8(parts["docProps/core.xml"]!)).toContain("<dc:title>Matrice — Val de Lise</dc:title>");
  });
});
