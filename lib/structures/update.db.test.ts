import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { structureCreateSchema, structureIdentitySchema } from "./schemas";
import { createStructure, loadStructureIdentity, saveStructureIdentity } from "./update";

let structureId: string;
let actorId: string;

beforeAll(async () => {
  await seedDemoTerritory(db);
  structureId = (await db.structure.findFirstOrThrow({ where: { name: { contains: "Fablab" } } })).id;
  actorId = (await db.user.findUniqueOrThrow({ where: { email: "coordination@val-de-lise.exemple.fr" } })).id;
});

async function formFor(changes: Record<string, string>) {
  const { values, version } = await loadStructureIdentity(db, structureId);
  const fields = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ""]));
  return structureIdentitySchema.parse({ ...fields, ...changes, structureId, version });
}

describe("saveStructureIdentity", () => {
  it("saves the changed fields, identifiers included, and records them in the history", async () => {
    const input = await formFor({ phone: "03 23 41 71 81", bce: "BE 0403.170.701", rna: "" });
    expect(await saveStructureIdentity(db, input, actorId)).toEqual({ ok: true, changed: ["phone", "rna", "bce"] });
    const saved = await loadStructureIdentity(db, structureId);
    expect(saved.values).toMatchObject({ phone: "03 23 41 71 81", bce: "0403170701", rna: null });
    const record = await db.changeRecord.findFirstOrThrow({ where: { structureId }, orderBy: { createdAt: "desc" } });
    expect(record.summary).toBe("Identité modifiée : téléphone, RNA, BCE");
    expect(record.changes).toMatchObject({ phone: { before: "03 23 41 71 80", after: "03 23 41 71 81" } });
  });

  it("refuses a save based on an old version and says which fields differ", async () => {
    const first = await formFor({ name: "Fablab des Tisserands (atelier)" });
    const second = await formFor({ email: "atelier@fablab-tisserands.exemple.org" });
    expect((await saveStructureIdentity(db, first, actorId)).ok).toBe(true);
    const outcome = await saveStructureIdentity(db, second, actorId);
    expect(outcome).toMatchObject({ ok: false, reason: "conflict" });
    expect(!outcome.ok && outcome.reason === "conflict" ? outcome.changedMeanwhile : []).toEqual(["name", "email"]);
    expect((await loadStructureIdentity(db, structureId)).values.email).toBe("bonjour@fablab-tisserands.exemple.org");
  });

  it("changes nothing, not even the history, when nothing changed", async () => {
    const before = await db.changeRecord.count({ where: { structureId } });
    expect(await saveStructureIdentity(db, await formFor({}), actorId)).toEqual({ ok: true, changed: [] });
    expect(await db.changeRecord.count({ where: { structureId } })).toBe(before);
  });
});

describe("the structure identity schema", () => {
  const valid = { structureId: "6f1d1c7e-2a4b-4c4d-8e8f-0a1b2c3d4e5f", version: "v", name: "Médiathèque" };

  it("points at each wrong field", () => {
    const result = structureIdentitySchema.safeParse({
      ...valid,
      name: "<script>alert(1)</script>",
      siret: "73282932000075",
      email: "pas-une-adresse",
      website: "exemple",
    });
    expect(result.success).toBe(false);
    const fields = result.success ? [] : result.error.issues.map((issue) => issue.path[0]);
    expect(fields.sort()).toEqual(["email", "name", "siret", "website"]);
  });

  it("turns empty optional fields into nothing", () => {
    expect(structureIdentitySchema.parse({ ...valid, email: "", siret: "" })).toMatchObject({ email: null, siret: null });
  });
});

describe("typology and labels", () => {
  const termId = async (vocabularyKey: string, code: string) =>
    (await db.vocabularyTerm.findUniqueOrThrow({ where: { vocabularyKey_code: { vocabularyKey, code } } })).id;

  it("saves the structure's type and labels with its identity", async () => {
    const typologyId = await termId("dataInclusion.v0.typologies_de_structures", "ASSO");
    const labelId = await termId("lmn.dispositif_programmes_nationaux", "Conseillers numériques");
    const outcome = await saveStructureIdentity(db, await formFor({ typologyId, labelIds: [labelId] } as never), actorId);
    expect(outcome).toEqual({ ok: true, changed: ["typologyId", "labelIds"] });
    expect((await loadStructureIdentity(db, structureId)).values).toMatchObject({ typologyId, labelIds: [labelId] });
  });

  it("refuses a label that is not a label (forged form), and stores nothing", async () => {
    const need = await db.vocabularyTerm.findFirstOrThrow({ where: { vocabulary: { role: "need" } } });
    const before = await loadStructureIdentity(db, structureId);
    const outcome = await saveStructureIdentity(db, await formFor({ labelIds: [need.id], phone: "03 23 41 99 99" } as never), actorId);
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", field: "labelIds", code: "structure.label_unknown" });
    expect((await loadStructureIdentity(db, structureId)).values).toEqual(before.values);
  });
});

describe("createStructure", () => {
  it("creates a published structure with its identifiers and terms, and records who created it", async () => {
    const territory = await db.territory.findFirstOrThrow({ where: { slug: "val-de-lise" } });
    const input = structureCreateSchema.parse({
      territoryId: territory.id,
      name: "Tiers-lieu La Navette",
      siret: "732 829 320 00074",
      typologyId: await db.vocabularyTerm
        .findFirstOrThrow({ where: { vocabulary: { role: "typology" } } })
        .then((term) => term.id),
    });
    const outcome = await createStructure(db, input, actorId);
    expect(outcome.ok).toBe(true);
    const created = await db.structure.findUniqueOrThrow({
      where: { id: outcome.ok ? outcome.structureId : "" },
      include: { identifiers: true, terms: true, changes: true },
    });
    expect(created).toMatchObject({ name: "Tiers-lieu La Navette", status: "published", territoryId: territory.id });
    expect(created.identifiers).toMatchObject([{ type: "SIRET", value: "73282932000074" }]);
    expect(created.terms).toHaveLength(1);
    expect(created.changes).toMatchObject([{ action: "structure.created", actorId }]);
  });
});
