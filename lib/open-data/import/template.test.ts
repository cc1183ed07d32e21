import { describe, expect, it } from "vitest";
import { writeXlsx } from "@/lib/spreadsheet/xlsx";
import { MATRIX_HEADER, toCsv } from "@/lib/matrix/csv";
import { describeWeeklyHours } from "@/lib/hours/format";
import { parseImportFile } from "./file";
import { parseFrenchWeeklyHours, parseToileTemplate } from "./template";

const encode = (text: string) => new TextEncoder().encode(text);
const line = (cells: string[]) => toCsv([cells], { separator: ";" }).replace(/\r\n$/, "");
const ccas = [
  "CCAS de Saint-Aubin",
  "Démarches en ligne faites pour vous",
  "Aide aux démarches administratives",
  "Faire à la place",
  "Sur rendez-vous",
  "",
  "à partir de 60 ans",
  "17 avenue du Général de Gaulle, 02100 Saint-Quentin",
  "les mardi et jeudi de 13 h à 17 h ; fermé les jours fériés",
  "Gratuit — sans condition",
  "Pièce d'identité, Avis d'imposition",
  "oui",
  "01/10/2026",
  "publiée",
];

describe("parseFrenchWeeklyHours", () => {
  it("reads back what the matrix writes", () => {
    const slots = [
      { weekday: 2, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false },
      { weekday: 3, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false },
      { weekday: 4, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false },
      { weekday: 2, opensAtMinute: 840, closesAtMinute: 1050, appointmentOnly: false },
      { weekday: 6, opensAtMinute: 540, closesAtMinute: 720, appointmentOnly: true },
    ];
    const text = describeWeeklyHours(slots, "closed");
    const parsed = parseFrenchWeeklyHours(text)!;
    expect(parsed.publicHolidays).toBe("closed");
    const key = (slot: { weekday: number; opensAtMinute: number; closesAtMinute: number; appointmentOnly: boolean }) => `${slot.weekday}:${slot.opensAtMinute}:${slot.closesAtMinute}:${slot.appointmentOnly}`;
    expect(parsed.slots.map(key).sort()).toEqual(slots.map(key).sort());
  });

  it("refuses what it does not understand", () => {
    expect(parseFrenchWeeklyHours("le matin")).toBeNull();
    expect(parseFrenchWeeklyHours("le lundi de 14 h à 9 h")).toBeNull();
  });
});

describe("the Toile template", () => {
  it("reads an exported matrix CSV into rows: structure, place, offer, terms by label, hours", async () => {
    const csv = `\uFEFF${line(MATRIX_HEADER.slice(0, 14))}\r\n${line(ccas)}\r\n`;
    const result = await parseToileTemplate("matrice.csv", encode(csv));
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    expect(row!.structure.name).toBe("CCAS de Saint-Aubin");
    expect(row!.place).toMatchObject({ address: "17 avenue du Général de Gaulle", postalCode: "02100", communeName: "Saint-Quentin" });
    expect(row!.offer).toMatchObject({
      title: "Démarches en ligne faites pour vous",
      feeDetails: "sans condition",
      documentsToBring: ["Pièce d'identité", "Avis d'imposition"],
      acceptsTransfers: true,
      conditions: { minAge: 60, maxAge: null, residencyCondition: null, otherConditions: null },
      // « Gratuit » is in two vocabularies: the plan keeps the one the offer has.
      sameLabelTerms: [[["lmn.frais_a_charge", "Gratuit"], ["dataInclusion.v1.frais", "gratuit"]]],
    });
    expect(row!.terms).toEqual(
      expect.arrayContaining([
        ["lmn.services", "Aide aux démarches administratives"],
        ["toile.postures", "faire-a-la-place"],
        ["toile.modes_acces", "sur-rendez-vous"],
      ]),
    );
    expect(row!.hours).toMatchObject({ understood: true, publicHolidays: "closed" });
    expect(row!.hours!.slots).toHaveLength(2);
  });

  it("reads the same from XLSX, and reports unknown labels and missing postal codes by row and column", async () => {
    const bad = [...ccas];
    bad[2] = "Réparer des vélos";
    bad[7] = "3 rue X, Nullepart-sur-Rien";
    const bytes = await writeXlsx([{ name: "Matrice", header: MATRIX_HEADER, rows: [ccas, bad] }]);
    const result = await parseImportFile("matrice.xlsx", bytes);
    expect(result.format).toBe("toile-template");
    expect(result.rows).toHaveLength(1);
    expect(result.issues).toEqual([
      { row: 3, column: "Besoins", value: "Réparer des vélos", why: "Libellé inconnu des vocabulaires de Toile : non importé.", level: "warning" },
      {
        row: 3,
        column: "Où",
        value: "3 rue X, Nullepart-sur-Rien",
        why: "Commune inconnue : « Nullepart-sur-Rien ». Ajoutez le code postal dans « Où » (« 3 rue X, code postal Nullepart-sur-Rien ») ou remplissez les colonnes Code postal, Code INSEE et Commune.",
        level: "error",
      },
    ]);
  });
});

/** A template line with only the matrix's columns and "Où" as given. */
const withWhere = (where: string) => ccas.map((value, index) => (index === 7 ? where : value));
/** The matrix's own fourteen columns: a template written before the export carried the address columns. */
const MATRIX_ONLY = MATRIX_HEADER.slice(0, 14);
const parseCsv = (rows: string[][], header = MATRIX_ONLY) => parseImportFile("matrice.csv", encode([header, ...rows].map(line).join("\r\n")));

describe("a commune named without postal code is asked, never guessed", () => {
  it("takes a name that designates one commune with one postal code, with its INSEE code", async () => {
    const result = await parseCsv([withWhere("2 rue du Bourg, Laon")]);
    expect(result.issues).toEqual([]);
    expect(result.rows[0]!.place).toMatchObject({ postalCode: "02000", communeCode: "02408", communeName: "Laon" });
  });

  it("refuses an ambiguous or homonym name with the candidates (name, postal code, département) and what to write", async () => {
    const result = await parseCsv([withWhere("1 place X, Valence"), withWhere("6 avenue du Général Leclerc, Le Mont-Dore"), withWhere("1 rue Y, Livron")]);
    expect(result.rows).toEqual([]);
    const why = result.issues.map((issue) => issue.why);
    expect(why[0]).toMatch(/^Commune ambiguë : « Valence » peut être .*Valence \(26000, Drôme \(26\)\).*Ajoutez le code postal dans « Où » \(par exemple « 1 place X, \d{5} Valence[^»]* »\)/);
    // Not New Caledonia's Le Mont-Dore silently: Mont-Dore, Puy-de-Dôme is a candidate.
    expect(why[1]).toContain("Mont-Dore (63240, Puy-de-Dôme (63))");
    expect(why[1]).toContain("Le Mont-Dore (98809");
    expect(why[2]).toContain("Livron (64530, Pyrénées-Atlantiques (64))");
    expect(why[2]).toContain("Livron-sur-Drôme (26250, Drôme (26))");
    expect(result.issues.every((issue) => issue.level === "error" && issue.column === "Où")).toBe(true);
  });

  it("with a postal code, takes the commune of that name, and says which communes the code serves when none has it", async () => {
    const result = await parseCsv([withWhere("1 rue Z, 74600 Seynod"), withWhere("1 rue Z, 26000 Valence"), withWhere("1 rue Z, 63420 Ardes sur couze")]);
    expect(result.rows.map((row) => [row.place.postalCode, row.place.communeCode, row.place.communeName])).toEqual([
      // Seynod merged into Annecy (an official merger, not a guess); the name stays as written.
      ["74600", "74010", "Seynod"],
      ["26000", "26362", "Valence"],
      ["63420", null, "Ardes sur couze"],
    ]);
    expect(result.issues).toEqual([expect.objectContaining({ row: 4, level: "warning", why: expect.stringContaining("Ardes (INSEE 63009)") })]);
  });
});

describe("the template's place, contact and id columns", () => {
  const header = [...MATRIX_HEADER];
  const at = (name: string) => header.indexOf(name);
  const full = (changes: Record<string, string>) => {
    const cells = [...ccas, ...Array(header.length - ccas.length).fill("")];
    cells[7] = "ne sert pas : les colonnes d'adresse priment";
    for (const [name, value] of Object.entries(changes)) cells[at(name)] = value;
    return cells;
  };
  const complete = {
    "Nom du lieu": "Mairie annexe",
    "Adresse": "1 rue Haute",
    "Complément d'adresse": "1er étage",
    "Code postal": "63240",
    "Code INSEE": "63236",
    "Commune": "Le Mont-Dore",
    "Latitude": "45,5753",
    "Longitude": "2.8103",
    "Prise de rendez-vous": "https://rdv.exemple.fr",
    "Téléphone": "04 73 00 00 00",
    "Courriel": "ccas@exemple.fr",
    "Site web": "https://exemple.fr",
    "SIRET": "216 302 366 00018",
    "Identifiant de la structure": "6f1c2a34-0b5e-4c1d-9a8e-1234567890ab",
    "Identifiant du lieu": "7f1c2a34-0b5e-4c1d-9a8e-1234567890ab",
    "Identifiant de l'offre": "pas-un-uuid",
  };

  it("reads the place as written, the point as numbers, the contacts and identifiers, and Toile's ids", async () => {
    const result = await parseCsv([full(complete)], header);
    const [row] = result.rows;
    expect(row!.place).toEqual({
      name: "Mairie annexe",
      address: "1 rue Haute",
      addressComplement: "1er étage",
      postalCode: "63240",
      communeCode: "63236",
      communeName: "Le Mont-Dore",
      country: "FR",
      latitude: 45.5753,
      longitude: 2.8103,
    });
    expect(row!.structure).toMatchObject({ phone: "04 73 00 00 00", email: "ccas@exemple.fr", website: "https://exemple.fr", identifiers: [{ type: "SIRET", value: "21630236600018" }] });
    expect(row!.lmn).toEqual({ prise_rdv: "https://rdv.exemple.fr" });
    expect(row!.toile).toEqual({ structureId: complete["Identifiant de la structure"], placeId: complete["Identifiant du lieu"], offerId: null, placeColumns: true });
    expect(result.issues).toEqual([expect.objectContaining({ column: "Identifiant de l'offre", level: "warning" })]);
  });

  it("refuses an incomplete address, and drops a half or unreadable pair of coordinates whole", async () => {
    const result = await parseCsv([full({ ...complete, "Code postal": "", "Code INSEE": "" }), full({ ...complete, Longitude: "" })], header);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.place).toMatchObject({ latitude: null, longitude: null });
    expect(result.issues.filter((issue) => issue.level === "error")).toEqual([expect.objectContaining({ row: 2, why: expect.stringContaining("Adresse incomplète") })]);
  });

  it("reads the point as the LMN importer does: both or neither, in range, a swapped pair put back in its commune", async () => {
    const result = await parseCsv(
      [full(complete), full({ ...complete, Latitude: "2.8103", Longitude: "45.5753" }), full({ ...complete, Latitude: "149.5" }), full({ ...complete, Latitude: "4 9" })],
      header,
    );
    expect(result.rows.map((row) => [row.place.latitude, row.place.longitude])).toEqual([
      [45.5753, 2.8103],
      [45.5753, 2.8103],
      [null, null],
      [null, null],
    ]);
    expect(result.issues.filter((issue) => issue.column === "Latitude").map((issue) => issue.row)).toEqual([3, 4, 5]);
    expect(result.issues.find((issue) => issue.row === 3)!.why).toContain("inversées");
  });

  it("reads the conditions back: ages, and the rest as written", async () => {
    const [row] = (await parseCsv([full({ ...complete, Conditions: "de 16 à 25 ans ; habiter la commune ; sur inscription" })], header)).rows;
    expect(row!.offer!.conditions).toEqual({ minAge: 16, maxAge: 25, residencyCondition: null, otherConditions: "habiter la commune ; sur inscription" });
  });
});

describe("parseImportFile", () => {
  it("tells the template from LMN, and refuses a file that is neither CSV, JSON nor XLSX", async () => {
    expect((await parseImportFile("a.csv", encode(`${line(MATRIX_HEADER)}\r\n${line(ccas)}\r\n`))).format).toBe("toile-template");
    expect((await parseImportFile("a.json", encode("[]"))).format).toBe("lmn-json");
    const pdf = await parseImportFile("a.pdf", encode("%PDF-1.4\u0000"));
    expect(pdf.issues).toEqual([expect.objectContaining({ level: "error", why: expect.stringContaining("ni un CSV, ni un JSON, ni un XLSX") })]);
  });
});
