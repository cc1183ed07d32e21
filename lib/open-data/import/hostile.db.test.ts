/**
 * The hostile-file corpus through the import's real path: the upload's job (parse and plan, the
 * preview kept), then the all-or-nothing commit. A refused file has nothing to commit and leaves the territory as
 * it was; a file read with warnings imports exactly its rows; a commit that fails midway leaves
 * nothing, whatever the file.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HOSTILE_FILES } from "@/tests/support/hostile-files";
import { commitImport } from "./commit";
import { confirmImportJob, enqueueImportJob, findImportJob, runImportJobs } from "./jobs";
import { previewImport } from "./plan";

const now = new Date("2026-11-22T10:00:00Z");

async function setUp(slug: string) {
  const territory = await db.territory.create({ data: { slug, name: `Territoire ${slug}`, country: "FR" }, select: { id: true } });
  const user = await db.user.create({ data: { email: `${slug}@exemple.fr` }, select: { id: true } });
  return { territoryId: territory.id, actor: { userId: user.id } };
}

async function stored(territoryId: string) {
  const inTerritory = { structure: { territoryId } };
  const [structures, places, offers, records, history] = await Promise.all([
    db.structure.count({ where: { territoryId } }),
    db.place.count({ where: inTerritory }),
    db.offer.count({ where: inTerritory }),
    db.importedRecord.count({ where: { territoryId } }),
    db.changeRecord.count({ where: inTerritory }),
  ]);
  return { structures, places, offers, records, history };
}

const NOTHING = { structures: 0, places: 0, offers: 0, records: 0, history: 0 };

/** Upload then confirm, as the import page's two actions do, with the worker running the job. */
async function uploadAndConfirm(slug: string, file: (typeof HOSTILE_FILES)[keyof typeof HOSTILE_FILES]) {
  const { territoryId, actor } = await setUp(slug);
  const bytes = await file.bytes();
  const preview = await previewImport(db, territoryId, file.name, bytes, "auto");
  const jobId = await enqueueImportJob(db, { territoryId, actorId: actor.userId, fileName: file.name, format: "auto", content: bytes }, now);
  expect(await runImportJobs(db, { clock: () => now })).toEqual(["ready"]);
  const job = await findImportJob(db, jobId, actor.userId, territoryId, now);
  expect(job?.planHash).toBe(preview.plan.hash);
  expect(job?.preview?.counts).toEqual(preview.plan.counts);
  expect(await confirmImportJob(db, { jobId, actorId: actor.userId, territoryId, planHash: job!.planHash! }, now)).toBe(true);
  expect(await runImportJobs(db, { clock: () => now })).toEqual(["done"]);
  const done = await findImportJob(db, jobId, actor.userId, territoryId, now);
  const outcome = { ok: done?.status === "done", counts: done?.result?.counts };
  return { territoryId, actor, preview, outcome };
}

describe("hostile files through preview and commit", () => {
  it("a refused file (empty, garbage, truncated zip, zip bombs, over 20 MB) has nothing to commit and leaves nothing", async () => {
    const refused = [HOSTILE_FILES.garbageCsv, HOSTILE_FILES.garbageXlsx, HOSTILE_FILES.truncatedZip, HOSTILE_FILES.zipBomb, HOSTILE_FILES.lyingZipBomb, HOSTILE_FILES.tooBig];
    for (const [index, file] of refused.entries()) {
      const { territoryId, preview, outcome } = await uploadAndConfirm(`refus-${index}`, file);
      expect(preview.parsed.issues).toEqual([expect.objectContaining({ row: 0, level: "error" })]);
      expect(preview.plan.counts).toMatchObject({ create: 0, update: 0 });
      expect(outcome).toMatchObject({ ok: true, counts: { create: 0, update: 0 } });
      expect(await stored(territoryId)).toEqual(NOTHING);
    }
    // An empty file is stopped before the job (the upload action redirects): its parse refuses it too.
    const { territoryId } = await setUp("vide");
    const preview = await previewImport(db, territoryId, HOSTILE_FILES.empty.name, await HOSTILE_FILES.empty.bytes(), "auto");
    expect(preview.plan.counts).toMatchObject({ create: 0, update: 0 });
    // Six files, each read three times (the preview here, the job's analysis, its commit): slow on a busy machine.
  }, 120_000);

  it("files read with warnings (Windows-1252; BOM, semicolons and CRLF; formula cells) import exactly their rows", async () => {
    const expected = [
      [HOSTILE_FILES.windows1252, 1],
      [HOSTILE_FILES.bomSemicolonsCrlf, 2],
      [HOSTILE_FILES.formulasCsv, 1],
      [HOSTILE_FILES.formulasXlsx, 1],
    ] as const;
    for (const [index, [file, places]] of expected.entries()) {
      const { territoryId, outcome } = await uploadAndConfirm(`avertissements-${index}`, file);
      expect(outcome).toMatchObject({ ok: true, counts: { create: places } });
      expect((await stored(territoryId)).places).toBe(places);
    }
    const formulas = await db.place.findMany({ where: { structure: { territory: { slug: "avertissements-2" } } }, select: { name: true, address: true } });
    expect(formulas).toEqual([{ name: expect.stringMatching(/^=HYPERLINK\(/), address: expect.stringMatching(/^\+cmd/) }]);
  });

  it("a commit that fails midway leaves nothing, for a file with formula cells too", async () => {
    const { territoryId, actor } = await setUp("panne");
    const file = HOSTILE_FILES.formulasXlsx;
    const { plan } = await previewImport(db, territoryId, file.name, await file.bytes(), "auto");
    const failing = commitImport(db, actor, territoryId, plan, {
      origin: "x",
      now,
      afterWrites: async (tx) => {
        expect(await tx.place.count({ where: { structure: { territoryId } } })).toBe(1);
        throw new Error("panne simulée");
      },
    });
    await expect(failing).rejects.toThrow("panne simulée");
    expect(await stored(territoryId)).toEqual(NOTHING);
  });
});
