import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HINAURA_V0_JSON } from "@/tests/support/fixtures";
import { parseLmnJson } from "./lmn";
import { groupKey, normaliseText, planRows, termKey, type ExistingPlace, type TerritoryState } from "./matching";
import type { ImportRow } from "./model";

function row(overrides: Partial<{ sourceRow: number; id: string; name: string; address: string; postalCode: string; siret: string; source: string; services: string[] }> = {}): ImportRow {
  const name = overrides.name ?? "Médiathèque";
  return {
    sourceRow: overrides.sourceRow ?? 2,
    sourceId: overrides.id ?? "1",
    structure: { name, identifiers: overrides.siret ? [{ type: "SIRET", value: overrides.siret }] : [], email: null, phone: null, website: null, description: "", terms: [] },
    place: { name, address: overrides.address ?? "1 rue de la Gare", addressComplement: null, postalCode: overrides.postalCode ?? "02100", communeCode: "02691", communeName: "Saint-Quentin", country: "FR", latitude: null, longitude: null },
    terms: (overrides.services ?? ["Aide aux démarches administratives"]).map((code) => ["lmn.services", code] as const),
    hours: null,
    updatedOn: "2026-01-01",
    lmn: overrides.source ? { source: overrides.source } : {},
  };
}

const empty: TerritoryState = { territory: { id: "t", country: "FR" }, structures: [], places: [], records: [] };

function stateWith(place: Partial<ExistingPlace> = {}, record = false): TerritoryState {
  const existing: ExistingPlace = {
    id: "p1",
    structureId: "s1",
    name: "Médiathèque",
    address: "1 Rue de la gare",
    addressComplement: null,
    postalCode: "02100",
    communeCode: "02691",
    communeName: "Saint-Quentin",
    latitude: null,
    longitude: null,
    appointmentUrl: null,
    standardExtras: {},
    hours: { slots: [], exceptions: [], publicHolidays: "closed" },
    offers: [{ id: "o1", structureId: "s1", title: "Médiation numérique", terms: [termKey(["lmn.services", "Aide aux démarches administratives"])], hours: null, conditions: { minAge: null, maxAge: null, residencyCondition: null, otherConditions: null } }],
    ...place,
  };
  return {
    territory: { id: "t", country: "FR" },
    structures: [{ id: "s1", name: "Médiathèque", description: "", email: null, phone: null, website: null, identifiers: [{ type: "SIRET", value: "21026910200013" }], terms: [], postalCodes: ["02100"] }],
    places: [existing],
    records: record ? [{ source: "", externalId: "1", structureId: "s1", placeId: "p1", offerId: "o1", sourceUpdatedOn: "2026-01-01" }] : [],
  };
}

describe("normaliseText", () => {
  it("folds case, accents, punctuation and glued numbers", () => {
    expect(normaliseText("5place de la Mairie")).toBe(normaliseText("5 Place de la mairie"));
    expect(normaliseText("Rue du Pré de l'Âne")).toBe("rue du pre de l ane");
  });
});

describe("grouping rows into structures", () => {
  it("puts the same SIRET together, and the same name within one département", () => {
    expect(groupKey(row({ siret: "21026910200013", name: "A" }))).toBe(groupKey(row({ siret: "21026910200013", name: "B" })));
    expect(groupKey(row({ name: "Club informatique", postalCode: "26210" }))).toBe(groupKey(row({ name: "CLUB INFORMATIQUE", postalCode: "26250" })));
    expect(groupKey(row({ name: "Centre social", postalCode: "01300" }))).not.toBe(groupKey(row({ name: "Centre social", postalCode: "03210" })));
  });

  it("creates one structure for a group of several places", () => {
    const plan = planRows(empty, [row({ id: "1", address: "1 rue A" }), row({ id: "2", sourceRow: 3, address: "2 rue B" })], []);
    expect(plan.counts).toMatchObject({ create: 2, structuresCreated: 1 });
  });
});

describe("matching existing data", () => {
  it("finds a place by normalised name, address and postal code; the file's spelling wins", () => {
    const plan = planRows(stateWith(), [row()], []);
    expect(plan.rows[0]).toMatchObject({ action: "update", placeId: "p1", offerId: "o1", matchedBy: "name-address" });
    // Only the link to the source is new: a second import will match by it.
    expect(plan.rows[0]!.changes.map((change) => change.field)).toEqual(["Lieu : adresse", "Lien avec le fichier source"]);
  });

  it("matches by the source identifier first, then sees what changed field by field", () => {
    const plan = planRows(stateWith({ address: "ancienne adresse" }, true), [row()], []);
    expect(plan.rows[0]).toMatchObject({ action: "update", matchedBy: "record", placeId: "p1" });
    expect(plan.rows[0]!.changes).toEqual([{ field: "Lieu : adresse", before: "ancienne adresse", after: "1 rue de la Gare" }]);
  });

  it("says unchanged when the record and every field agree", () => {
    const plan = planRows(stateWith({ address: "1 rue de la Gare" }, true), [row()], []);
    expect(plan.rows[0]!.action).toBe("unchanged");
  });

  it("matches the structure by SIRET and adds a place at a new address", () => {
    const plan = planRows(stateWith(), [row({ siret: "21026910200013", name: "Autre nom", address: "9 avenue Neuve" })], []);
    expect(plan.rows[0]).toMatchObject({ action: "create", structureId: "s1", placeId: null, matchedBy: "identifier" });
  });

  it("adds a new offer beside one with other services", () => {
    const plan = planRows(stateWith({ address: "1 rue de la Gare" }), [row({ services: ["Loisirs et créations numériques"] })], []);
    expect(plan.rows[0]).toMatchObject({ action: "update", offerId: null });
    expect(plan.rows[0]!.changes.at(-1)).toEqual({ field: "Offre", before: "", after: "nouvelle offre « Médiation numérique »" });
  });
});

describe("skipped rows", () => {
  it("lists parser errors, duplicates in the file and other countries, with why", () => {
    const belgian = row({ id: "3", sourceRow: 4, name: "Ailleurs", address: "3 rue C" });
    (belgian.place as { country: string }).country = "BE";
    const plan = planRows(empty, [row(), row({ id: "2", sourceRow: 3 }), belgian], [
      { row: 5, column: "code_postal", value: "5110", why: "Code postal français attendu (5 chiffres).", level: "error" },
    ]);
    expect(plan.rows.map((planned) => [planned.sourceRow, planned.action])).toEqual([
      [2, "create"],
      [3, "skip"],
      [4, "skip"],
      [5, "skip"],
    ]);
    expect(plan.rows[1]!.reason).toBe(
      "Doublon de la ligne 2 (même nom, même adresse, même code postal) : la ligne 2 est importée (la première, aucune n'est plus récente), pas celle-ci.",
    );
    expect(plan.rows[2]!.reason).toMatch(/hors du pays du territoire/);
    expect(plan.rows[3]!.reason).toBe("Erreur : code_postal — Code postal français attendu (5 chiffres).");
  });

  it("of duplicates, imports the newest by date_maj, wherever it is in the file, and says so", () => {
    const older = { ...row({ id: "1", sourceRow: 2 }), updatedOn: "2021-06-11" };
    const newer = { ...row({ id: "2", sourceRow: 3 }), updatedOn: "2021-09-23" };
    for (const rows of [[older, newer], [newer, older]]) {
      const plan = planRows(empty, rows, []);
      expect(plan.rows.find((planned) => planned.sourceId === "2")!.action).toBe("create");
      const skipped = plan.rows.find((planned) => planned.sourceId === "1")!;
      expect(skipped.action).toBe("skip");
      expect(skipped.reason).toBe(
        "Doublon de la ligne 3 (même nom, même adresse, même code postal) : la ligne 3, mise à jour le 2021-09-23 (celle-ci le 2021-06-11), est la plus récente : c'est elle qui est importée, pas celle-ci.",
      );
    }
  });

  it("keeps the newest of each duplicated place of the Hinaura file (4 of its 9 pairs are not the first)", () => {
    const parsed = parseLmnJson(readFileSync(HINAURA_V0_JSON));
    const plan = planRows(empty, parsed.rows, parsed.issues);
    const skipped = plan.rows.filter((planned) => planned.action === "skip");
    expect(skipped).toHaveLength(9);
    const dateOf = new Map(parsed.rows.map((parsedRow) => [parsedRow.sourceRow, parsedRow.updatedOn ?? ""]));
    const pairs = skipped.map((planned) => [planned.sourceRow, Number(/^Doublon de la ligne (\d+)/.exec(planned.reason!)![1])] as const);
    // The imported row of each pair is never older than the skipped one.
    for (const [skippedRow, keptRow] of pairs) expect(dateOf.get(keptRow)! >= dateOf.get(skippedRow)!, `${skippedRow} → ${keptRow}`).toBe(true);
    expect(pairs.filter(([skippedRow, keptRow]) => keptRow > skippedRow).sort(([a], [b]) => a - b)).toEqual([
      [123, 285],
      [247, 399],
      [521, 552],
      [565, 566],
    ]);
  });

  it("gives the same hash for the same inputs, another when the territory differs", () => {
    expect(planRows(stateWith(), [row()], []).hash).toBe(planRows(stateWith(), [row()], []).hash);
    expect(planRows(stateWith(), [row()], []).hash).not.toBe(planRows(stateWith({ name: "Renommée" }), [row()], []).hash);
  });
});

/** A template line (one offer at one place), with Toile's ids when given. */
function templateRow(toile: Partial<NonNullable<ImportRow["toile"]>>, overrides: Partial<ImportRow["place"]> = {}): ImportRow {
  const base = row({ id: "", name: "Médiathèque" });
  return {
    ...base,
    sourceId: "",
    place: { ...base.place, ...overrides },
    offer: { title: "Médiation numérique", feeDetails: null, documentsToBring: [], acceptsTransfers: false },
    toile: { structureId: null, placeId: null, offerId: null, placeColumns: true, ...toile },
  };
}

describe("the template's Toile ids", () => {
  it("find the place and offer by id before name and address, so a re-import never duplicates a place", () => {
    const renamed = templateRow({ structureId: "s1", placeId: "p1", offerId: "o1" }, { name: "Médiathèque Jean-Macé", address: "3 place Neuve" });
    const plan = planRows(stateWith(), [renamed], []);
    expect(plan.rows[0]).toMatchObject({ action: "update", placeId: "p1", offerId: "o1", structureId: "s1", matchedBy: "toile-id" });
    expect(plan.rows[0]!.changes.map((change) => change.field)).toEqual(["Lieu : nom", "Lieu : adresse"]);
  });

  it("ids of another territory find nothing: the line is matched by name and address, or creates", () => {
    const elsewhere = { structureId: "99999999-0000-4000-8000-000000000000", placeId: "99999999-0000-4000-8000-000000000001", offerId: null };
    expect(planRows(stateWith(), [templateRow(elsewhere)], []).rows[0]).toMatchObject({ placeId: "p1", matchedBy: "name-address" });
    expect(planRows(stateWith(), [templateRow(elsewhere, { address: "9 avenue Neuve" })], []).rows[0]).toMatchObject({ action: "create", placeId: null });
  });

  it("lines naming one new place share it, whatever their structures", () => {
    const first = templateRow({ structureId: "a", placeId: "p9" }, { address: "9 avenue Neuve" });
    const second = { ...templateRow({ structureId: "b", placeId: "p9" }, { address: "9 avenue Neuve" }), sourceRow: 3, structure: { ...first.structure, name: "Association" }, offer: { ...first.offer!, title: "Permanence" } };
    const plan = planRows(empty, [first, second], []);
    expect(plan.rows.map((planned) => planned.target!.newPlaceKey)).toEqual(["lieu:p9", "lieu:p9"]);
    expect(new Set(plan.rows.map((planned) => planned.group)).size).toBe(2);
  });
  it("two structures' offers of the same title at one shared place are two offers, not duplicates", () => {
    const first = templateRow({ structureId: "a", placeId: "p9", offerId: "o1" }, { address: "9 avenue Neuve" });
    const second = { ...templateRow({ structureId: "b", placeId: "p9", offerId: "o2" }, { address: "9 avenue Neuve" }), sourceRow: 3, structure: { ...first.structure, name: "Association" } };
    const plan = planRows(empty, [first, second], []);
    expect(plan.rows.map((planned) => planned.action)).toEqual(["create", "create"]);
    const again = { ...first, sourceRow: 4 };
    expect(planRows(empty, [first, second, again], []).rows.map((planned) => planned.action)).toEqual(["create", "create", "skip"]);
  });
});

describe("the preview's words", () => {
  it("says changed hours in plain French, never in the internal notation", () => {
    const slot = (weekday: number) => ({ weekday, opensAtMinute: 600, closesAtMinute: 720, appointmentOnly: false });
    const lmnRow = { ...row(), hours: { raw: "Tu 10:00-12:00", slots: [slot(2)], exceptions: [], publicHolidays: "closed" as const, understood: true } };
    const plan = planRows(stateWith({ address: "1 rue de la Gare", hours: { slots: [slot(1)], exceptions: [], publicHolidays: "closed" } }, true), [lmnRow], []);
    expect(plan.rows[0]!.changes).toEqual([{ field: "Lieu : horaires", before: "le lundi de 10 h à 12 h ; fermé les jours fériés", after: "le mardi de 10 h à 12 h ; fermé les jours fériés" }]);
  });
});
