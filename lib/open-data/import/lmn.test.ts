import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HINAURA_V0_JSON, LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { LMN_FIELDS } from "../lmn/schema";
import { MAX_IMPORT_BYTES } from "./csv";
import { parseLmnCsv, parseLmnFile, parseLmnJson } from "./lmn";
import type { ImportIssue } from "./model";

const hinaura = () => parseLmnJson(readFileSync(HINAURA_V0_JSON));
const example = () => readFileSync(LMN_EXAMPLE_CSV, "utf8");

const HEADER = LMN_FIELDS.join(",");
/** A v1 CSV line from a few fields (the others empty). */
function line(values: Partial<Record<(typeof LMN_FIELDS)[number], string>>): string {
  const base = { id: "lieu-1", pivot: "43493312300029", nom: "EPN", commune: "Essômes-sur-Marne", code_postal: "02400", adresse: "1 place de l'Église", date_maj: "2024-04-02", ...values };
  return LMN_FIELDS.map((field) => {
    const value = base[field as keyof typeof base] ?? "";
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(",");
}
const byColumn = (issues: ImportIssue[]) =>
  Object.fromEntries([...new Set(issues.map((issue) => issue.column))].map((column) => [column, issues.filter((issue) => issue.column === column).length]));

describe("the Hinaura file (LMN 0.1, 687 real places)", () => {
  it("parses into 687 rows, detected as the legacy layout", () => {
    const result = hinaura();
    expect(result.version).toBe("v0");
    expect(result.rows).toHaveLength(687);
    expect(new Set(result.rows.map((row) => row.sourceId)).size).toBe(687);
  });

  it("turns the OSM opening hours into weekly slots, and reports the two strings it cannot read", () => {
    const result = hinaura();
    const withHours = result.rows.filter((row) => row.hours);
    expect(withHours).toHaveLength(617);
    expect(withHours.filter((row) => row.hours!.understood)).toHaveLength(615);
    const first = result.rows.find((row) => row.sourceId === "0")!;
    expect(first.hours).toMatchObject({ raw: "Tu-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00", understood: true });
    expect(first.hours!.slots).toHaveLength(9);
    expect(first.hours!.slots[0]).toEqual({ weekday: 2, opensAtMinute: 540, closesAtMinute: 720, appointmentOnly: false });
    // "We off" after "Mo-Fr …" removes Wednesday.
    const withClosedDay = result.rows.find((row) => row.hours?.raw === "Mo-Fr 09:00-12:00,14:00-17:00; We off")!;
    expect(new Set(withClosedDay.hours!.slots.map((slot) => slot.weekday))).toEqual(new Set([1, 2, 4, 5]));

    const unreadable = result.issues.filter((issue) => issue.column === "horaires");
    expect(unreadable).toHaveLength(2);
    expect(unreadable[0]).toMatchObject({ value: "Fr 19:00-11:00", level: "warning" });
    expect(unreadable[0]!.why).toMatch(/gardés tels quels/);
    const row = result.rows.find((candidate) => candidate.sourceRow === unreadable[0]!.row)!;
    expect(row.hours).toMatchObject({ raw: "Fr 19:00-11:00", understood: false, slots: [] });
  });

  it("maps every v0 vocabulary value through the crosswalks: the row-level report holds only the hours", () => {
    const result = hinaura();
    expect(byColumn(result.issues)).toEqual({ horaires: 2 });
    const first = result.rows.find((row) => row.sourceId === "0")!;
    expect(first.terms).toEqual(
      expect.arrayContaining([
        ["lmn.services", "Accès internet et matériel informatique"],
        ["lmn.services", "Aide aux démarches administratives"],
        ["lmn.publics_specifiquement_adresses", "Seniors"],
        ["lmn.prise_en_charge_specifique", "Handicaps mentaux"],
        ["lmn.frais_a_charge", "Gratuit"],
        ["lmn.modalites_accompagnement", "Accompagnement individuel"],
        ["toile.postures", "faire-avec"],
      ]),
    );
    expect(first.place).toMatchObject({ communeName: "ABONDANCE", postalCode: "74360", latitude: 46.27947045 });
    // "00000000000000" is no identifier.
    expect(first.structure.identifiers).toEqual([]);
    // Every row has at least one LMN service.
    expect(result.rows.every((candidate) => candidate.terms.some(([vocabulary]) => vocabulary === "lmn.services"))).toBe(true);
    // Several websites (";"-separated in v0) ride along.
    const twoSites = result.rows.find((candidate) => candidate.lmn.site_web?.includes("|"));
    expect(twoSites?.structure.website).toBe(twoSites?.lmn.site_web?.split("|")[0]);
  });
});

describe("parseLmnCsv", () => {
  it("parses the standard's own valid example with no issue", () => {
    const result = parseLmnCsv(example());
    expect(result).toMatchObject({ format: "lmn-csv", version: "v1", issues: [] });
    const [row] = result.rows;
    expect(row).toMatchObject({
      sourceRow: 2,
      sourceId: "structure-1",
      structure: { name: "Anonymal", identifiers: [{ type: "SIRET", value: "43493312300029" }], email: "contact@laquincaillerie.tl", phone: "+33180059880" },
      place: { address: "12 BIS RUE DE LECLERCQ", addressComplement: "Le patio du bois de l'Aulne", communeCode: "51454", latitude: 43.52609 },
      updatedOn: "2024-04-02",
      lmn: { itinerance: "Itinérant", autres_formations_labels: "Label et la bête", source: "Hubik", structure_parente: "SIRET de la ville pour une bibliothèque." },
    });
    expect(row!.terms).toHaveLength(3 + 2 + 3 + 2 + 2 + 4);
    expect(row!.structure.terms).toContainEqual(["dataInclusion.v0.typologies_de_structures", "TIERS_LIEUX"]);
    expect(row!.hours!.slots).toHaveLength(11);
  });

  it("reads a BOM, CRLF, quoted line breaks, empty lines, and keeps the file's line numbers", () => {
    const csv = `\uFEFF${HEADER}\r\n\r\n${line({ id: "a", presentation_detail: "Ligne 1\r\nLigne 2" })}\r\n\r\n${line({ id: "b" })}\r\n`;
    const result = parseLmnCsv(new TextEncoder().encode(csv));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.sourceId, row.sourceRow])).toEqual([
      ["a", 3],
      ["b", 6],
    ]);
    expect(result.rows[0]!.lmn.presentation_detail).toBe("Ligne 1\nLigne 2");
  });

  it("detects a \";\" separated file, and multi-values separated by \";\", reads them and says so", () => {
    const semicolon = [LMN_FIELDS.join(";"), line({}).replaceAll(",", ";")].join("\n");
    expect(parseLmnCsv(semicolon).issues).toEqual([expect.objectContaining({ row: 1, value: "« ; »", why: expect.stringMatching(/au lieu de « , »/) })]);
    expect(parseLmnCsv(semicolon).rows).toHaveLength(1);

    const pipeWrong = parseLmnCsv([HEADER, line({ services: "Aide aux démarches administratives;Loisirs et créations numériques" })].join("\n"));
    expect(pipeWrong.rows[0]!.terms).toEqual([
      ["lmn.services", "Aide aux démarches administratives"],
      ["lmn.services", "Loisirs et créations numériques"],
    ]);
    expect(pipeWrong.issues).toEqual([expect.objectContaining({ row: 2, column: "services", why: expect.stringMatching(/« ; » au lieu de « \| »/) })]);
  });

  it("reads a Windows-1252 file and says so", () => {
    const text = [HEADER, line({ nom: "Médiathèque – Œuvre", services: "Maîtrise des outils numériques du quotidien" })].join("\r\n");
    const bytes = new Uint8Array([...text].map((char) => ({ "–": 0x96, "Œ": 0x8c })[char] ?? char.charCodeAt(0)));
    const result = parseLmnCsv(bytes);
    expect(result.rows[0]!.place.name).toBe("Médiathèque – Œuvre");
    expect(result.rows[0]!.terms).toEqual([["lmn.services", "Maîtrise des outils numériques du quotidien"]]);
    expect(result.issues).toEqual([expect.objectContaining({ value: "Windows-1252", level: "warning" })]);
  });

  it("keeps a formula cell as inert text and reports it; in an enumerated field it is also unknown", () => {
    const result = parseLmnCsv([HEADER, line({ nom: '=HYPERLINK("http://evil.example","Cliquez")', services: "=1+1" })].join("\n"));
    expect(result.rows[0]!.place.name).toBe('=HYPERLINK("http://evil.example","Cliquez")');
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.level])).toEqual([
      [2, "nom", "warning"],
      [2, "services", "warning"],
      [2, "services", "warning"],
    ]);
    expect(result.issues[0]!.why).toMatch(/formule de tableur.*jamais exécutée/);
    expect(result.issues[2]!.why).toMatch(/Valeur inconnue/);
  });

  it("keeps a value starting with = + - @ as written and warns that the LMN export gives it back as is", () => {
    const result = parseLmnCsv([HEADER, line({ nom: "-Espace numérique-", adresse: "@ la mairie" })].join("\n"));
    expect(result.rows[0]!.place).toMatchObject({ name: "-Espace numérique-", address: "@ la mairie" });
    expect(result.issues.map((issue) => [issue.column, issue.level])).toEqual([
      ["nom", "warning"],
      ["adresse", "warning"],
    ]);
    expect(result.issues[0]!.why).toMatch(/gardée telle quelle comme texte, jamais exécutée\. L'export LMN la redonnera telle quelle/);
  });

  it("reads back a cell Toile's export neutralised, without its quote", () => {
    const result = parseLmnCsv([HEADER, line({ nom: "'=Espace" })].join("\n"));
    expect(result.rows[0]!.place.name).toBe("=Espace");
  });

  it("reports duplicated ids, missing required fields, bad coordinates, codes and dates, row by row", () => {
    const result = parseLmnCsv(
      [
        HEADER,
        line({ id: "x" }),
        line({ id: "x", nom: "Doublon" }),
        line({ id: "y", adresse: "" }),
        line({ id: "z", latitude: "91", longitude: "2,35", code_postal: "2400" }),
        line({ id: "w", code_insee: "20004", date_maj: "02/04/2024", pivot: "123" }),
      ].join("\n"),
    );
    expect(result.rows.map((row) => row.sourceId)).toEqual(["x", "w"]);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.level])).toEqual([
      [3, "id", "error"],
      [4, "adresse", "error"],
      [5, "code_postal", "error"],
      [5, "latitude", "warning"],
      [5, "longitude", "warning"],
      [6, "code_insee", "warning"],
      [6, "pivot", "warning"],
      [6, "date_maj", "warning"],
    ]);
    expect(result.issues.find((issue) => issue.column === "latitude")!.why).toMatch(/hors limites/);
    expect(result.issues.find((issue) => issue.column === "id")!.why).toBe("Identifiant déjà utilisé ligne 2 : cette ligne n'est pas importée.");
    expect(result.rows[1]!.place.communeCode).toBeNull();
    expect(result.rows[1]!.updatedOn).toBeNull();
  });

  it("refuses a file over 20 MB before parsing it", () => {
    const result = parseLmnCsv(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ row: 0, level: "error", why: expect.stringMatching(/trop volumineux/) })]);
  });

  it("refuses a file that is not LMN, and reports unknown columns", () => {
    expect(parseLmnCsv("nom_structure;ville\nA;B\n").issues.at(-1)).toMatchObject({ level: "error", why: expect.stringMatching(/pas un fichier LMN/) });
    const extra = parseLmnCsv([`${HEADER},commentaire`, `${line({})},rien`].join("\n"));
    expect(extra.issues).toEqual([expect.objectContaining({ column: "commentaire", level: "warning" })]);
  });

  it("reads a legacy v0 CSV: \";\"-separated values and the old vocabularies", () => {
    const csv = [
      "id,nom,pivot,commune,code_postal,adresse,services,publics_accueillis,conditions_acces,labels_nationaux,courriel,date_maj",
      '7,EPN,W123456789,Essômes-sur-Marne,02400,1 rue,"Prendre en main un ordinateur;Créer avec le numérique","Uniquement femmes;Adultes;Public inconnu","Adhésion : L\'accès au lieu et/ou à ses services nécessite d\'y adhérer","CNFS;APTIC",a@b.fr,2022-01-03',
    ].join("\n");
    const result = parseLmnCsv(csv);
    expect(result.version).toBe("v0");
    const [row] = result.rows;
    expect(row!.terms).toEqual([
      ["lmn.services", "Maîtrise des outils numériques du quotidien"],
      ["lmn.services", "Loisirs et créations numériques"],
      ["lmn.publics_specifiquement_adresses", "Femmes"],
      ["lmn.frais_a_charge", "Payant"],
    ]);
    expect(row!.structure).toMatchObject({ identifiers: [{ type: "RNA", value: "W123456789" }], email: "a@b.fr", terms: [["lmn.dispositif_programmes_nationaux", "Conseillers numériques"]] });
    expect(row!.lmn.autres_formations_labels).toBe("APTIC");
    expect(result.issues).toEqual([expect.objectContaining({ row: 2, column: "publics_accueillis", value: "Public inconnu", why: expect.stringMatching(/inconnue/) })]);
  });
});

describe("parseLmnJson", () => {
  it("reads v1 JSON (flat objects, numbers, arrays of values)", () => {
    const result = parseLmnJson(
      JSON.stringify([{ id: "a", pivot: "43493312300029", nom: "EPN", commune: "Essômes-sur-Marne", code_postal: "02400", adresse: "1 rue", date_maj: "2024-04-02", latitude: 49.2, longitude: 3.41, services: ["Aide aux démarches administratives", "Loisirs et créations numériques"], modalites_acces: "Se présenter|Téléphoner" }]),
    );
    expect(result).toMatchObject({ version: "v1", issues: [] });
    expect(result.rows[0]!.place.latitude).toBe(49.2);
    expect(result.rows[0]!.terms).toEqual([
      ["lmn.services", "Aide aux démarches administratives"],
      ["lmn.services", "Loisirs et créations numériques"],
      ["lmn.modalites_acces", "Se présenter"],
      ["lmn.modalites_acces", "Téléphoner"],
    ]);
  });

  it("reads the national API's nested address and arrays", () => {
    const result = parseLmnJson(
      JSON.stringify([
        {
          id: "a",
          pivot: "43493312300029",
          nom: "EPN",
          adresse: { numero_voie: "12", repetition: "bis", nom_voie: "rue de Leclercq", commune: "Reims", code_postal: "51100", code_insee: "51454" },
          courriels: ["a@exemple.fr", "b@exemple.fr"],
          services: ["Loisirs et créations numériques"],
          date_maj: "2024-04-02",
        },
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(result.rows[0]!.place).toMatchObject({ address: "12 bis rue de Leclercq", communeName: "Reims", postalCode: "51100", communeCode: "51454" });
    expect(result.rows[0]!.structure.email).toBe("a@exemple.fr");
    expect(result.rows[0]!.lmn.courriels).toBe("a@exemple.fr|b@exemple.fr");
  });

  it("reports JSON that cannot be read or is not a list of places", () => {
    expect(parseLmnJson("{").issues[0]).toMatchObject({ level: "error", why: expect.stringMatching(/JSON illisible/) });
    expect(parseLmnJson('{"lieux": []}').issues[0]).toMatchObject({ level: "error", why: expect.stringMatching(/liste de lieux/) });
    expect(parseLmnJson('[1, {"id": "a"}]').issues.map((issue) => [issue.row, issue.level])).toEqual(
      expect.arrayContaining([
        [1, "error"],
        [2, "error"],
      ]),
    );
  });
});

describe("parseLmnFile", () => {
  it("chooses CSV or JSON by the file's name, else by its content", () => {
    const json = new TextEncoder().encode('\uFEFF [{"id": "a", "nom": "EPN", "commune": "Essômes-sur-Marne", "code_postal": "02400", "adresse": "1 rue"}]');
    expect(parseLmnFile("lieux.json", json).format).toBe("lmn-json");
    expect(parseLmnFile("export", json).format).toBe("lmn-json");
    expect(parseLmnFile("export", json).rows).toHaveLength(1);
    expect(parseLmnFile("lieux.CSV", new TextEncoder().encode(example())).format).toBe("lmn-csv");
    expect(parseLmnFile("lieux", new TextEncoder().encode(example())).rows).toHaveLength(1);
  });
});
