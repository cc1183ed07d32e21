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
    const csv = `\uFEFF${line(MATRIX_HEADER)}\r\n${line(ccas)}\r\n`;
    const result = await parseToileTemplate("matrice.csv", encode(csv));
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    expect(row!.structure.name).toBe("CCAS de Saint-Aubin");
    expect(row!.place).toMatchObject({ address: "17 avenue du Général de Gaulle", postalCode: "02100", communeName: "Saint-Quentin" });
    expect(row!.offer).toEqual({ title: "Démarches en ligne faites pour vous", feeDetails: "sans condition", documentsToBring: ["Pièce d'identité", "Avis d'imposition"], acceptsTransfers: true });
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
      { row: 3, column: "Où", value: "3 rue X, Nullepart-sur-Rien", why: "Code postal manquant : écrivez « 02100 Nullepart-sur-Rien ».", level: "error" },
    ]);
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
