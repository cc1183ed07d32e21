import { describe, expect, it } from "vitest";
import { matrixToCsv, neutralise, toCsv } from "./csv";
import type { MatrixRow } from "./queries";

describe("CSV cells", () => {
  it("neutralise what a spreadsheet would run as a formula", () => {
    expect(neutralise('=HYPERLINK("http://x","clic")')).toBe(`'=HYPERLINK("http://x","clic")`);
    for (const start of ["+", "-", "@"]) expect(neutralise(`${start}1`)).toBe(`'${start}1`);
    expect(neutralise("Mairie")).toBe("Mairie");
  });

  it("quote separators, quotes and line breaks", () => {
    expect(toCsv([['Dire "bonjour"; partir', "ligne 1\nligne 2", "retour\rchariot", "simple, sans guillemets"]], { separator: ";" })).toBe(
      '"Dire ""bonjour""; partir";"ligne 1\nligne 2";"retour\rchariot";simple, sans guillemets\r\n',
    );
    expect(toCsv([["a,b", "c;d"]], { separator: "," })).toBe('"a,b",c;d\r\n');
  });

  it("keep every text cell inert, the header too, unless told otherwise", () => {
    expect(toCsv([["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx"]], { separator: ";" })).toBe("'=1+1;'+cmd;'-2;'@SUM(A1);'\tx\r\n");
    expect(toCsv([["-2", "=x"]], { separator: ",", inert: (value) => (/^-?\d+$/.test(value) ? value : neutralise(value)) })).toBe("-2,'=x\r\n");
  });
});

describe("matrixToCsv", () => {
  it("writes a header and one line per offer, with a BOM for spreadsheets", () => {
    const row: MatrixRow = {
      offerId: "1",
      structureId: "s",
      status: "published",
      structurePublished: true,
      qui: "CCAS",
      quoi: { title: "Démarches", needs: ["Aide aux démarches administratives"], postures: ["Faire à la place"] },
      comment: { accessModes: ["Sans rendez-vous"], modes: ["Accompagnement individuel"], publics: ["Seniors"], conditions: ["à partir de 60 ans"] },
      ou: ["17 avenue du Général de Gaulle, Château-Thierry"],
      quand: "le mardi de 13 h à 17 h",
      autres: { fees: ["Gratuit"], feeDetails: null, documents: ["Pièce d'identité"], acceptsTransfers: true },
      lastVerifiedAt: new Date("2026-02-01T10:00:00Z"),
      verifiedBy: null,
      stale: true,
      communeCodes: ["02168"],
      structure: { id: "s", email: "ccas@exemple.fr", phone: "03 23 00 00 00", website: null, siret: "21020168000018", rna: null },
      places: [
        { id: "p1", name: "CCAS", address: "17 avenue du Général de Gaulle", addressComplement: null, postalCode: "02400", communeCode: "02168", communeName: "Château-Thierry", latitude: 49.04, longitude: 3.4, appointmentUrl: null, quand: "le mardi de 13 h à 17 h" },
        { id: "p2", name: "Mairie annexe", address: "1 rue Haute", addressComplement: "1er étage", postalCode: "02400", communeCode: "02168", communeName: "Château-Thierry", latitude: null, longitude: -0.5, appointmentUrl: "https://rdv.exemple.fr", quand: "le jeudi de 9 h à 12 h" },
      ],
    };
    const lines = matrixToCsv([row]).split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFQui;Quoi;Besoins;Posture;Comment;Pour qui;Conditions;Où;Quand;Tarif;À apporter;Transferts;Vérifiée le;Statut;Nom du lieu;Adresse;Complément d'adresse;Code postal;Code INSEE;Commune;Latitude;Longitude;Prise de rendez-vous;Téléphone;Courriel;Site web;SIRET;RNA;Identifiant de la structure;Identifiant du lieu;Identifiant de l'offre",
    );
    // One line per offer × place, each with its place's address, codes, point and hours.
    expect(lines.slice(1, 3)).toEqual([
      "CCAS;Démarches;Aide aux démarches administratives;Faire à la place;Sans rendez-vous, Accompagnement individuel;Seniors;à partir de 60 ans;17 avenue du Général de Gaulle, 02400 Château-Thierry;le mardi de 13 h à 17 h;Gratuit;Pièce d'identité;oui;01/02/2026;publiée — à vérifier;CCAS;17 avenue du Général de Gaulle;;02400;02168;Château-Thierry;49.04;3.4;;03 23 00 00 00;ccas@exemple.fr;;21020168000018;;s;p1;1",
      // A negative coordinate is a number, not a formula to neutralise.
      "CCAS;Démarches;Aide aux démarches administratives;Faire à la place;Sans rendez-vous, Accompagnement individuel;Seniors;à partir de 60 ans;1 rue Haute, 02400 Château-Thierry;le jeudi de 9 h à 12 h;Gratuit;Pièce d'identité;oui;01/02/2026;publiée — à vérifier;Mairie annexe;1 rue Haute;1er étage;02400;02168;Château-Thierry;;-0.5;https://rdv.exemple.fr;03 23 00 00 00;ccas@exemple.fr;;21020168000018;;s;p2;1",
    ]);
    expect(lines[3]).toBe("");
  });
});
