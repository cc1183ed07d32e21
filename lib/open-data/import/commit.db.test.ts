import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { HINAURA_V0_JSON, LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { db } from "@/lib/db";
import { readCsv } from "./csv";
import { parseLmnCsv, parseLmnJson } from "./lmn";
import { commitImport } from "./commit";
import { planImport } from "./plan";
import { loadTerritorySnapshot } from "../snapshot";
import { lmnToCsv, toLmnRows } from "../lmn/export";
import { LMN_FIELDS, LMN_MULTI_FIELDS, splitMulti, type LmnField } from "../lmn/schema";
import { validateLmnTable } from "../lmn/validate";

const hinaura = readFileSync(HINAURA_V0_JSON);
const example = readFileSync(LMN_EXAMPLE_CSV, "utf8");
const TODAY = "2026-11-22";
const now = new Date(`${TODAY}T10:00:00Z`);
let actor: { userId: string };

async function newTerritory(slug: string) {
  const territory = await db.territory.create({ data: { slug, name: `Territoire ${slug}`, country: "FR" }, select: { id: true } });
  return territory.id;
}

async function counts(territoryId: string) {
  const inTerritory = { structure: { territoryId } };
  const [structures, places, offers, slots, records, history] = await Promise.all([
    db.structure.count({ where: { territoryId } }),
    db.place.count({ where: inTerritory }),
    db.offer.count({ where: inTerritory }),
    db.openingSlot.count({ where: { place: inTerritory } }),
    db.importedRecord.count({ where: { territoryId } }),
    db.changeRecord.count({ where: inTerritory }),
  ]);
  return { structures, places, offers, slots, records, history };
}

async function lastUpdates(territoryId: string) {
  const [structure, place, offer] = await Promise.all([
    db.structure.aggregate({ where: { territoryId }, _max: { updatedAt: true } }),
    db.place.aggregate({ where: { structure: { territoryId } }, _max: { updatedAt: true } }),
    db.offer.aggregate({ where: { structure: { territoryId } }, _max: { updatedAt: true } }),
  ]);
  return [structure._max.updatedAt, place._max.updatedAt, offer._max.updatedAt];
}

const normalised = (field: LmnField, value: string) => (LMN_MULTI_FIELDS.has(field) ? splitMulti(value).sort().join("|") : value.trim());
function records(csv: string) {
  const table = readCsv(csv);
  return table.records.map((record) => Object.fromEntries(table.header.map((name, index) => [name, record.cells[index] ?? ""])) as Record<LmnField, string>);
}

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "import@exemple.fr" }, select: { id: true } });
  actor = { userId: user.id };
});

describe("the Hinaura file into an empty territory", () => {
  let territoryId: string;
  const parsed = parseLmnJson(hinaura);

  it("previews every place as created, the duplicated places skipped with their first line", async () => {
    territoryId = await newTerritory("hinaura");
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    expect(plan.rows).toHaveLength(687);
    const skipped = plan.rows.filter((row) => row.action === "skip");
    expect(skipped.every((row) => /^Doublon de la ligne \d+/.test(row.reason!))).toBe(true);
    expect(skipped.length).toBeGreaterThan(0);
    expect(plan.counts.create).toBe(687 - skipped.length);
    expect(plan.counts.update + plan.counts.unchanged).toBe(0);
    // Antennas of one network in one département are one structure; homonyms far apart are not.
    const limagne = plan.rows.filter((row) => row.name === "France services Plaine Limagne" && row.action === "create");
    expect(new Set(limagne.map((row) => row.group)).size).toBe(1);
    const escale = plan.rows.filter((row) => /^Centre social l'Escale$/i.test(row.name));
    expect(new Set(escale.map((row) => row.group)).size).toBe(2);
    expect(plan.counts.structuresCreated).toBeLessThan(plan.counts.create);
  });

  it("commits, and the territory's LMN export validates against the official schema", async () => {
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    const started = performance.now();
    const outcome = await commitImport(db, actor, territoryId, plan, { origin: "le fichier hinaura.json", now });
    const seconds = (performance.now() - started) / 1000;
    console.info(`Hinaura commit: ${seconds.toFixed(2)} s`);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.placesCreated).toBe(plan.counts.create);
    expect(outcome.offersCreated).toBe(plan.counts.create);
    expect(outcome.structuresCreated).toBe(plan.counts.structuresCreated);
    const after = await counts(territoryId);
    expect(after).toMatchObject({ places: plan.counts.create, records: plan.counts.create, structures: plan.counts.structuresCreated });
    expect(after.slots).toBeGreaterThan(1000);

    const snapshot = await loadTerritorySnapshot(db, territoryId, now);
    const exported = toLmnRows(snapshot, TODAY);
    expect(exported.skipped).toEqual([]);
    expect(exported.rows).toHaveLength(plan.counts.create);
    expect(validateLmnTable([...LMN_FIELDS], exported.rows)).toEqual([]);
    // The source's date and name are given back; the unreadable hours too.
    const first = exported.rows.find((row) => row.nom === "Maison France Services de Belley" || row.source === "Hinaura")!;
    expect(first.source).toBe("Hinaura");
    expect(exported.rows.some((row) => row.date_maj === "2021-05-05")).toBe(true);
    expect(exported.rows.filter((row) => row.horaires === "Fr 19:00-11:00")).toHaveLength(2);
  });

  it("imports again as a no-op: every row unchanged, nothing written", async () => {
    const before = await counts(territoryId);
    const updatedBefore = await lastUpdates(territoryId);
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    expect(plan.counts.create + plan.counts.update).toBe(0);
    expect(plan.rows.filter((row) => row.action === "update").map((row) => row.changes)).toEqual([]);
    const outcome = await commitImport(db, actor, territoryId, plan, { origin: "le fichier hinaura.json", now });
    expect(outcome.ok).toBe(true);
    expect(await counts(territoryId)).toEqual(before);
    expect(await lastUpdates(territoryId)).toEqual(updatedBefore);
  });

  it("updates what changed in the file, field by field, and only that", async () => {
    const changed = JSON.parse(hinaura.toString("utf8")) as Record<string, string>[];
    changed[0]!.horaires = "Mo 09:00-12:00";
    changed[0]!.adresse = `${changed[0]!.adresse} bis`;
    const reparsed = parseLmnJson(JSON.stringify(changed));
    const plan = await planImport(db, territoryId, reparsed.rows, reparsed.issues);
    expect(plan.counts.update).toBe(1);
    const row = plan.rows.find((candidate) => candidate.action === "update")!;
    expect(row.matchedBy).toBe("record");
    expect(row.changes.map((change) => change.field).sort()).toEqual(["Lieu : adresse", "Lieu : horaires"]);
    const outcome = await commitImport(db, actor, territoryId, plan, { origin: "le fichier modifié", now });
    expect(outcome.ok).toBe(true);
    const place = await db.place.findUniqueOrThrow({ where: { id: row.placeId! }, select: { address: true, openingSlots: true } });
    expect(place.address).toMatch(/ bis$/);
    expect(place.openingSlots).toHaveLength(1);
    const history = await db.changeRecord.findFirst({ where: { structureId: row.structureId!, action: "place.imported" } });
    expect(history?.summary).toMatch(/^Importé depuis le fichier modifié le 22 novembre 2026 : lieu « .* » mis à jour \(Lieu : adresse, Lieu : horaires\)$/);
  });

  it("refuses a plan the territory has outdated since its preview, and writes nothing", async () => {
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    const some = plan.rows.find((row) => row.action === "update")!;
    await db.place.update({ where: { id: some.placeId! }, data: { name: "Renommé entre l'aperçu et la confirmation" } });
    const before = await counts(territoryId);
    const outcome = await commitImport(db, actor, territoryId, plan, { origin: "x", now });
    expect(outcome.ok).toBe(false);
    expect(await counts(territoryId)).toEqual(before);
  });
});

describe("the standard's own example through the database", () => {
  it("gives back every field on export", async () => {
    const territoryId = await newTerritory("exemple");
    const parsed = parseLmnCsv(example);
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    expect(plan.counts.create).toBe(1);
    expect(await commitImport(db, actor, territoryId, plan, { origin: "l'exemple", now })).toMatchObject({ ok: true });
    const exported = toLmnRows(await loadTerritorySnapshot(db, territoryId, now), TODAY);
    expect(exported.skipped).toEqual([]);
    const [before] = records(example);
    const [after] = records(lmnToCsv(exported.rows));
    for (const field of LMN_FIELDS) {
      if (field === "id") continue; // Toile's place id: the source's id stays in ImportedRecord.
      expect(normalised(field, after![field]), field).toBe(normalised(field, before![field]));
    }
    // And that export, imported again into the same territory, changes nothing.
    const again = await planImport(db, territoryId, parsed.rows, parsed.issues);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });
});

describe("a file with a bad row in the middle", () => {
  const lines = example.trim().split(/\r?\n/);
  const row = (id: string, name: string, postalCode = "51100") =>
    lines[1]!.replace('"structure-1"', `"${id}"`).replace('"Anonymal"', `"${name}"`).replace('"51100"', `"${postalCode}"`).replace('"12 BIS RUE DE LECLERCQ"', `"${id} rue de Reims"`);
  const file = [lines[0], row("a", "Premier lieu"), row("b", "Lieu au code postal faux", "5110"), row("c", "Troisième lieu")].join("\r\n");

  it("shows the bad row as skipped with its reason, and imports the others", async () => {
    const territoryId = await newTerritory("ligne-fausse");
    const parsed = parseLmnCsv(file);
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    expect(plan.rows.map((planned) => [planned.sourceRow, planned.action])).toEqual([
      [2, "create"],
      [3, "skip"],
      [4, "create"],
    ]);
    expect(plan.rows[1]!.reason).toMatch(/code_postal — Code postal français attendu/);
    expect(await commitImport(db, actor, territoryId, plan, { origin: "x", now })).toMatchObject({ ok: true });
    expect((await counts(territoryId)).places).toBe(2);
  });

  it("leaves nothing when the commit fails midway", async () => {
    const territoryId = await newTerritory("echec");
    const parsed = parseLmnCsv(file);
    const plan = await planImport(db, territoryId, parsed.rows, parsed.issues);
    const failing = commitImport(db, actor, territoryId, plan, {
      origin: "x",
      now,
      afterWrites: async (tx) => {
        expect(await tx.place.count({ where: { structure: { territoryId } } })).toBe(2);
        throw new Error("panne simulée");
      },
    });
    await expect(failing).rejects.toThrow("panne simulée");
    expect(await counts(territoryId)).toEqual({ structures: 0, places: 0, offers: 0, slots: 0, records: 0, history: 0 });
  });
});
