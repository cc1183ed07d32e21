import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { IndicatorMatrix, IndicatorTable } from "@/lib/indicators/types";
import { indicatorMatrixCsv, indicatorTableCsv } from "./csv";

const table: IndicatorTable = {
  id: "delais",
  title: "Délai de prise en charge",
  description: "Médiane.",
  categoryLabel: "Structure destinataire",
  categories: [
    { key: "a", label: "Médiathèque; centre" },
    { key: "b", label: "=HYPERLINK(\"http://x\")" },
  ],
  series: [
    { key: "current", label: "Période choisie", values: [3.5, null], texts: ["3,5 j", "< 5"] },
    { key: "previous", label: "Période précédente", values: [1234, null], texts: ["1 234", "—"] },
  ],
  unit: "days",
  chart: "bars",
};

const rowsOf = (csv: string) => parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

describe("indicatorTableCsv", () => {
  it("writes UTF-8 with BOM, ';'-separated, the header then one row per category with the texts", () => {
    const csv = indicatorTableCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(rowsOf(csv)).toEqual([
      ["Structure destinataire", "Période choisie", "Période précédente"],
      ["Médiathèque; centre", "3,5 j", "1 234"],
      ["'=HYPERLINK(\"http://x\")", "< 5", "—"],
    ]);
  });

  it("never writes a suppressed count's number: '< 5' stays as it is", () => {
    expect(indicatorTableCsv(table)).not.toMatch(/;null|;NaN/);
    expect(indicatorTableCsv(table).split("\r\n")[2]).toContain(";< 5;");
  });
});

describe("indicatorMatrixCsv", () => {
  it("writes senders as rows and receivers as columns, with the texts, formulas neutralised", () => {
    const matrix: IndicatorMatrix = {
      id: "flux",
      title: "Qui envoie à qui",
      description: "Transferts.",
      rowLabel: "Structure qui envoie",
      columnLabel: "Structure qui reçoit",
      rows: [
        { key: "a", label: "CCAS" },
        { key: "b", label: "+Mairie" },
      ],
      columns: [
        { key: "a", label: "CCAS" },
        { key: "c", label: "France services" },
      ],
      values: [
        [null, 12],
        [null, 6],
      ],
      texts: [
        ["0", "12"],
        ["< 5", "6"],
      ],
    };
    const csv = indicatorMatrixCsv(matrix);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(rowsOf(csv)).toEqual([
      ["Structure qui envoie / Structure qui reçoit", "CCAS", "France services"],
      ["CCAS", "0", "12"],
      ["'+Mairie", "< 5", "6"],
    ]);
  });
});
