import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { readCsv } from "../import/csv";
import { LMN_FIELDS, LMN_SCHEMA, emptyLmnRow, type LmnRow } from "./schema";
import { lmnEnumeration, validateLmnRow, validateLmnTable } from "./validate";


function officialExample(): { header: string[]; rows: LmnRow[] } {
  const table = readCsv(readFileSync(LMN_EXAMPLE_CSV));
  const rows = table.records.map((record) => Object.fromEntries(table.header.map((name, index) => [name, record.cells[index] ?? ""])) as LmnRow);
  return { header: table.header, rows };
}

/** A minimal valid row: the required fields only. */
function minimalRow(overrides: Partial<LmnRow> = {}): LmnRow {
  return {
    ...emptyLmnRow(),
    id: "lieu-1",
    pivot: "43493312300029",
    nom: "Médiathèque",
    commune: "Reims",
    code_postal: "51100",
    adresse: "1 rue de la Paix",
    date_maj: "2024-04-02",
    ...overrides,
  };
}

describe("the copy of the official schema", () => {
  it("is the published v1.0.1 file, with the 32 columns in order", () => {
    // The sha256 of schema.json at the standard's tag v1.0.1 (lib/open-data/lmn/schema.ts).
    expect(createHash("sha256").update(readFileSync(path.resolve(import.meta.dirname, "schema-v1.0.1.json"))).digest("hex")).toBe(
      "4a01fb28a09d98f762e0e632f421e139b25d2f93c80814485b9f079f69d2f660",
    );
    expect(LMN_SCHEMA.version).toBe("v1.0.1");
    expect(LMN_SCHEMA.fields.map((field) => field.name)).toEqual([...LMN_FIELDS]);
  });

  it("gives the enumerations of its patterns, escapes removed", () => {
    expect(lmnEnumeration("frais_a_charge")).toEqual(["Gratuit", "Gratuit sous condition", "Payant"]);
    expect(lmnEnumeration("prise_en_charge_specifique")).toContain("Langues étrangères (anglais)");
    expect(lmnEnumeration("formations_labels")).toContain("ORDI 3.0");
    expect(lmnEnumeration("nom")).toBeNull();
  });
});

describe("validateLmnTable", () => {
  it("accepts the standard's own valid example", () => {
    const { header, rows } = officialExample();
    expect(rows).toHaveLength(1);
    expect(validateLmnTable(header, rows)).toEqual([]);
    expect(validateLmnTable(header, rows, { strict: true })).toEqual([]);
  });

  it("accepts a row with the required fields only", () => {
    expect(validateLmnRow(minimalRow())).toEqual([]);
  });

  it.each<[Partial<LmnRow>, string, RegExp]>([
    [{ id: "" }, "id", /obligatoire/],
    [{ nom: "" }, "nom", /obligatoire/],
    [{ date_maj: "" }, "date_maj", /obligatoire/],
    [{ pivot: "123-456" }, "pivot", /format attendu/],
    [{ code_postal: "1000" }, "code_postal", /format attendu/],
    [{ code_insee: "20004" }, "code_insee", /format attendu/],
    [{ telephone: "04 78 00 00 00" }, "telephone", /format attendu/],
    [{ latitude: "45,76" }, "latitude", /nombre attendu/],
    [{ longitude: "est" }, "longitude", /nombre attendu/],
    [{ date_maj: "02/04/2024" }, "date_maj", /AAAA-MM-JJ/],
    [{ date_maj: "2024-02-30" }, "date_maj", /AAAA-MM-JJ/],
    [{ presentation_resume: "x".repeat(281) }, "presentation_resume", /281 caractères, 280 au plus/],
    [{ services: "Aide aux démarches administratives|Cuisine" }, "services", /« Cuisine »/],
    [{ services: "Aide aux démarches administratives;Loisirs et créations numériques" }, "services", /hors de la liste/],
    [{ services: "Aide aux démarches administratives|" }, "services", /séparer par « \| »/],
    [{ frais_a_charge: "gratuit" }, "frais_a_charge", /« gratuit »/],
    [{ itinerance: "Mobile" }, "itinerance", /« Mobile »/],
    [{ modalites_acces: "Ce lieu n’accueille pas de public" }, "modalites_acces", /hors de la liste/],
  ])("rejects %j in column %s, saying why", (overrides, column, why) => {
    const issues = validateLmnRow(minimalRow(overrides), 7);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 7, column, value: Object.values(overrides)[0], level: "error" });
    expect(issues[0]!.why).toMatch(why);
  });

  it("accepts multi-values joined with | and the published enumeration strings", () => {
    const row = minimalRow({
      services: "Compréhension du monde numérique|Acquisition de matériel informatique à prix solidaire",
      modalites_acces: "Ce lieu n'accueille pas de public",
      itinerance: "Itinérant|Fixe",
      telephone: "+262262123456",
      code_insee: "2A004",
      latitude: "-21.1151",
    });
    expect(validateLmnRow(row)).toEqual([]);
  });

  it("checks the header: missing, unknown and reordered columns", () => {
    const header = [...LMN_FIELDS];
    expect(validateLmnTable(header.filter((name) => name !== "horaires"), [])).toEqual([
      expect.objectContaining({ row: 0, column: "horaires", why: "colonne absente de l'en-tête" }),
    ]);
    expect(validateLmnTable([...header, "commentaire"], [])).toEqual([expect.objectContaining({ column: "commentaire", why: "colonne inconnue du schéma" })]);
    expect(validateLmnTable([header[1]!, header[0]!, ...header.slice(2)], [])[0]!.why).toMatch(/ordre/);
  });

  it("reports a duplicated id on its second row", () => {
    const issues = validateLmnTable([...LMN_FIELDS], [minimalRow(), minimalRow({ id: "lieu-2" }), minimalRow()]);
    expect(issues).toEqual([expect.objectContaining({ row: 3, column: "id", value: "lieu-1", why: "valeur déjà utilisée ligne 1" })]);
  });

  it("in strict mode, warns about what the national library would refuse", () => {
    const issues = validateLmnRow(minimalRow({ courriels: "contact@exemple.fr|pas-un-courriel", site_web: "www.exemple.fr", pivot: "123456789" }), 1, { strict: true });
    expect(issues.map((issue) => [issue.column, issue.level])).toEqual([
      ["pivot", "warning"],
      ["courriels", "warning"],
      ["site_web", "warning"],
    ]);
  });
});
