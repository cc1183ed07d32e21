/**
 * The hostile-file corpus (tests/support/hostile-files.ts) through the import's entry point,
 * parseImportFile: each file gets one clear French refusal, or a correct parse with its warnings.
 */
import { describe, expect, it } from "vitest";
import { FORMULAS, HOSTILE_FILES, type HostileFile } from "@/tests/support/hostile-files";
import { parseImportFile } from "./file";
import type { ImportResult } from "./model";

const parse = async (file: HostileFile): Promise<ImportResult> => parseImportFile(file.name, await file.bytes());
const refusal = (result: ImportResult) => {
  expect(result.rows).toEqual([]);
  expect(result.issues).toHaveLength(1);
  expect(result.issues[0]).toMatchObject({ row: 0, level: "error" });
  return result.issues[0]!.why;
};

describe("hostile files are refused, in French, with nothing parsed", () => {
  it(HOSTILE_FILES.empty.what, async () => {
    expect(refusal(await parse(HOSTILE_FILES.empty))).toBe("Fichier vide.");
  });

  it(HOSTILE_FILES.garbageCsv.what, async () => {
    expect(refusal(await parse(HOSTILE_FILES.garbageCsv))).toBe("Ce fichier n'est ni un CSV, ni un JSON, ni un XLSX : enregistrez-le dans l'un de ces formats.");
  });

  it(HOSTILE_FILES.garbageXlsx.what, async () => {
    expect(refusal(await parse(HOSTILE_FILES.garbageXlsx))).toBe("Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice) : ce n'est pas une archive zip lisible.");
  });

  it(HOSTILE_FILES.truncatedZip.what, async () => {
    expect(refusal(await parse(HOSTILE_FILES.truncatedZip))).toBe("Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice) : ce n'est pas une archive zip lisible.");
  });

  it(HOSTILE_FILES.zipBomb.what, async () => {
    const bytes = await HOSTILE_FILES.zipBomb.bytes();
    expect(bytes.length).toBeLessThan(30_000);
    const before = process.memoryUsage().arrayBuffers;
    const why = refusal(await parseImportFile(HOSTILE_FILES.zipBomb.name, bytes));
    expect(why).toBe("Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice) : une de ses parties grossit plus de 1000 fois à la décompression (bombe zip).");
    // Refused from the zip's directory: its 20 MB were never inflated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(5_000_000);
  });

  it(HOSTILE_FILES.lyingZipBomb.what, async () => {
    const bytes = await HOSTILE_FILES.lyingZipBomb.bytes();
    const before = process.memoryUsage().arrayBuffers;
    expect(refusal(await parseImportFile(HOSTILE_FILES.lyingZipBomb.name, bytes))).toBe("Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice) : une de ses parties est illisible.");
    // Inflated into a buffer of its declared 1,000 bytes, not 20 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(5_000_000);
  });

  it(HOSTILE_FILES.tooBig.what, async () => {
    expect(refusal(await parse(HOSTILE_FILES.tooBig))).toBe("Fichier trop volumineux (21 Mo) : 20 Mo au plus. Découpez-le, par exemple par département.");
  });
});

describe("big but honest files are read whole, within the 20 MB limit", () => {
  it(HOSTILE_FILES.fiftyThousandRowsCsv.what, async () => {
    const bytes = await HOSTILE_FILES.fiftyThousandRowsCsv.bytes();
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
    const result = await parseImportFile(HOSTILE_FILES.fiftyThousandRowsCsv.name, bytes);
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(50_000);
    expect(result.rows.at(-1)).toMatchObject({ sourceRow: 50_001, sourceId: "lieu-49999" });
  }, 180_000); // 50,000 rows: seconds of work, more on a busy 2-core machine

  it(HOSTILE_FILES.fiftyThousandRowsXlsx.what, async () => {
    const result = await parse(HOSTILE_FILES.fiftyThousandRowsXlsx);
    expect(result.format).toBe("toile-template");
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(50_000);
    expect(result.rows.at(-1)).toMatchObject({ sourceRow: 50_001, structure: { name: "Structure 49999" } });
  }, 180_000); // 50,000 rows: seconds of work, more on a busy 2-core machine
});

describe("files as spreadsheets save them are read correctly", () => {
  it(HOSTILE_FILES.windows1252.what, async () => {
    const result = await parse(HOSTILE_FILES.windows1252);
    expect(result.issues).toEqual([expect.objectContaining({ row: 0, value: "Windows-1252", level: "warning" })]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.place.name).toBe("Médiathèque – Œuvre d’art");
    expect(result.rows[0]!.structure.description).toContain("5 € la séance");
  });

  it(HOSTILE_FILES.bomSemicolonsCrlf.what, async () => {
    const result = await parse(HOSTILE_FILES.bomSemicolonsCrlf);
    expect(result.issues).toEqual([expect.objectContaining({ row: 1, value: "« ; »", level: "warning" })]);
    expect(result.rows.map((row) => [row.sourceRow, row.sourceId, row.place.name, row.place.address])).toEqual([
      [2, "lieu-1", "Espace; numérique", '2 rue "Haute"'],
      [3, "lieu-2", "Tiers-lieu", "1 place de l'Église"],
    ]);
  });
});

describe("formula cells are kept as inert text and reported", () => {
  it(HOSTILE_FILES.formulasCsv.what, async () => {
    const result = await parse(HOSTILE_FILES.formulasCsv);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.place.name).toBe(FORMULAS[0]);
    expect(result.rows[0]!.place.address).toBe(FORMULAS[1]);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.value, issue.level])).toEqual([
      [2, "nom", FORMULAS[0], "warning"],
      [2, "adresse", FORMULAS[1], "warning"],
      [2, "presentation_resume", FORMULAS[2], "warning"],
    ]);
    expect(result.issues[0]!.why).toMatch(/formule de tableur.*jamais exécutée/);
  });

  it(HOSTILE_FILES.formulasXlsx.what, async () => {
    const result = await parse(HOSTILE_FILES.formulasXlsx);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.structure.name).toBe(FORMULAS[0]);
    expect(result.rows[0]!.offer?.title).toBe(FORMULAS[1]);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.value, issue.level])).toEqual([
      [2, "Qui", FORMULAS[0], "warning"],
      [2, "Quoi", FORMULAS[1], "warning"],
      [2, "Conditions", FORMULAS[2], "warning"],
    ]);
  });
});
