import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, decodeText, detectSeparator, readCsv, sizeIssue, splitCsv } from "./csv";

describe("decodeText", () => {
  it("drops a UTF-8 BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("nom\nMédiathèque")]);
    expect(decodeText(bytes)).toEqual({ text: "nom\nMédiathèque", encoding: "utf-8", bom: true });
  });

  it("reads bytes that are not UTF-8 as Windows-1252", () => {
    // "Médiathèque – Œuvre" as Excel on Windows saves it.
    const bytes = new Uint8Array([0x4d, 0xe9, 0x64, 0x69, 0x61, 0x74, 0x68, 0xe8, 0x71, 0x75, 0x65, 0x20, 0x96, 0x20, 0x8c, 0x75, 0x76, 0x72, 0x65]);
    expect(decodeText(bytes)).toEqual({ text: "Médiathèque – Œuvre", encoding: "windows-1252", bom: false });
  });
});

describe("splitCsv", () => {
  it("reads quoted separators, doubled quotes and line breaks inside quotes, and counts lines", () => {
    const { records, unterminated } = splitCsv('a,b\r\n"x, y","dit ""oui""\nsur deux lignes"\r\nz,\n', ",");
    expect(unterminated).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'dit "oui"\nsur deux lignes'] },
      { line: 4, cells: ["z", ""] },
    ]);
  });

  it("reports a quote never closed, keeping the records before it", () => {
    expect(splitCsv('a,b\n"x,y\n', ",")).toEqual({ records: [{ line: 1, cells: ["a", "b"] }], unterminated: 2 });
    expect(splitCsv('a,b\n"x\r\ny",z\n"w,v\n', ",").unterminated).toBe(4);
  });

  it("reads mixed line ends, spaces around quoted cells and separators, quotes inside unquoted cells, tabs", () => {
    expect(splitCsv('a;b\r\n  "x;y" ; z \nun "mot";\rfin;"  garde  "', ";").records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x;y", "z"] },
      { line: 3, cells: ['un "mot"', ""] },
      { line: 4, cells: ["fin", "  garde  "] },
    ]);
    expect(splitCsv("nom\tid\tville\nA\t\tLaon\n", "\t").records[1]).toEqual({ line: 2, cells: ["A", "", "Laon"] });
  });
});

describe("readCsv", () => {
  it("detects a wrong separator from the known column names, reads the file and says so", () => {
    expect(detectSeparator("id;nom;services\n1;A;B", ["id", "nom"])).toBe(";");
    const table = readCsv("id;nom\n1;Médiathèque\n", { expectedSeparator: ",", knownColumns: ["id", "nom"] });
    expect(table.header).toEqual(["id", "nom"]);
    expect(table.records).toEqual([{ line: 2, cells: ["1", "Médiathèque"] }]);
    expect(table.issues).toEqual([expect.objectContaining({ row: 1, value: "« ; »", level: "warning", why: expect.stringContaining("au lieu de « , »") })]);
  });

  it("skips empty lines, and reports rows with too few or too many cells", () => {
    const table = readCsv("id,nom\n\n1,A\n,\n2\n3,C,extra\n");
    expect(table.records.map((record) => record.line)).toEqual([3, 5, 6]);
    expect(table.records[1]!.cells).toEqual(["2", ""]);
    expect(table.issues.map((issue) => [issue.row, issue.level])).toEqual([
      [5, "warning"],
      [6, "error"],
    ]);
  });

  it("keeps text after a closing quote, and never throws, whatever the bytes (a fixed-seed sample of hostile text)", () => {
    expect(splitCsv('a,b\n"x"y, z\n', ",").records[1]).toEqual({ line: 2, cells: ['"x"y', " z"] });
    let state = 7;
    const next = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const alphabet = ['"', ",", ";", "\n", "\r", "a", " ", "\t", "'", "|"];
    for (let sample = 0; sample < 5000; sample++) {
      const text = Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      expect(() => readCsv(text, { knownColumns: ["a"] }), JSON.stringify(text)).not.toThrow();
    }
  });

  it("reports an unterminated quote as an error at its line", () => {
    const table = readCsv('id,nom\n1,A\n2,"B\n3,C\n');
    expect(table.records.map((record) => record.cells)).toEqual([["1", "A"]]);
    expect(table.issues).toEqual([expect.objectContaining({ row: 3, level: "error", why: expect.stringContaining("Guillemet ouvert jamais refermé") })]);
  });

  it("reports a Windows-1252 file", () => {
    const table = readCsv(new Uint8Array([0x6e, 0x6f, 0x6d, 0x0a, 0x45, 0x50, 0x4e, 0x20, 0xe9, 0x0a]));
    expect(table.records[0]!.cells).toEqual(["EPN é"]);
    expect(table.issues[0]).toMatchObject({ value: "Windows-1252", level: "warning" });
  });
});

describe("sizeIssue", () => {
  it("refuses files over 20 MB with a clear message", () => {
    expect(sizeIssue(MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeIssue(50 * 1024 * 1024)).toMatchObject({ row: 0, level: "error", why: expect.stringMatching(/trop volumineux \(50 Mo\) : 20 Mo au plus/) });
  });
});
