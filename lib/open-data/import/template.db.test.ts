import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MATRIX_HEADER, toCsv, matrixToCsv } from "@/lib/matrix/csv";
import { getMatrix } from "@/lib/matrix/queries";
import type { MatrixFilters } from "@/lib/matrix/filters";
import { commitImport } from "./commit";
import { answerImportJob, confirmImportJob, enqueueImportJob, findImportJob, runImportJobs } from "./jobs";
import { parseImportFile } from "./file";
import { planImport } from "./plan";

const line = (cells: string[]) => toCsv([cells], { separator: ";" }).replace(/\r\n$/, "");
const template = [
  // The matrix's own columns only: a template written by hand, before the export carried the address columns.
  line(MATRIX_HEADER.slice(0, 14)),
  line(["Médiathèque de Laon", "Ateliers tablette", "Maîtrise des outils numériques du quotidien", "Apprendre à faire", "Atelier collectif", "", "", "2 rue du Bourg, 02000 Laon", "le mercredi de 14 h à 17 h ; fermé les jours fériés", "Gratuit", "", "non", "", ""]),
  line(["Médiathèque de Laon", "Démarches accompagnées", "Aide aux démarches administratives", "Faire avec", "Sur rendez-vous", "", "", "2 rue du Bourg, 02000 Laon", "du mardi au vendredi de 9 h à 12 h", "", "Pièce d'identité", "oui", "", ""]),
].join("\r\n");

describe("the Toile template into a territory", () => {
  it("creates one structure with its offers and hours, and the matrix it exports imports again as a no-op", async () => {
    const territory = await db.territory.create({ data: { slug: "modele", name: "Modèle", country: "FR" }, select: { id: true } });
    const user = await db.user.create({ data: { email: "modele@exemple.fr" }, select: { id: true } });
    const parsed = await parseImportFile("matrice.csv", new TextEncoder().encode(template));
    expect(parsed.issues).toEqual([]);
    const plan = await planImport(db, territory.id, parsed.rows, parsed.issues);
    expect(plan.counts).toMatchObject({ create: 2, structuresCreated: 1 });
    expect(await commitImport(db, { userId: user.id }, territory.id, plan, { origin: "le modèle" })).toMatchObject({ ok: true });

    const rows = await getMatrix(db, territory.id, {} as MatrixFilters);
    expect(rows.map((row) => [row.qui, row.quoi.title, row.quand])).toEqual([
      ["Médiathèque de Laon", "Ateliers tablette", "le mercredi de 14 h à 17 h ; fermé les jours fériés"],
      // Each offer has its own hours at the place, with its own rule on public holidays: the file
      // says none for this one, so none is said (not the place's, which the file did not give).
      ["Médiathèque de Laon", "Démarches accompagnées", "du mardi au vendredi de 9 h à 12 h"],
    ]);
    expect(await db.place.count({ where: { structure: { territoryId: territory.id } } })).toBe(1);
    expect(rows[1]!.autres).toMatchObject({ documents: ["Pièce d'identité"], acceptsTransfers: true });

    // The exported matrix (now with the address columns and ids) is a template too.
    const again = await parseImportFile("export.csv", new TextEncoder().encode(matrixToCsv(rows)));
    expect(again.rows).toHaveLength(2);
    const replan = await planImport(db, territory.id, again.rows, again.issues);
    expect(replan.rows.map((row) => [row.action, row.changes.map((change) => change.field)])).toEqual([
      ["unchanged", []],
      ["unchanged", []],
    ]);
  });
});

describe("an ambiguous commune in the template", () => {
  it("is asked in the preview with its candidates; the commune picked is the one imported", async () => {
    const territory = await db.territory.create({ data: { slug: "modele-communes", name: "Modèle communes", country: "FR" }, select: { id: true } });
    const actorId = (await db.user.create({ data: { email: "modele-communes@exemple.fr" }, select: { id: true } })).id;
    const now = new Date("2026-11-23T09:00:00Z");
    const clock = () => now;
    const file = [
      line(MATRIX_HEADER.slice(0, 14)),
      line(["Médiathèque de Valence", "Ateliers", "Maîtrise des outils numériques du quotidien", "", "", "", "", "1 place de la Liberté, Valence", "", "", "", "non", "", ""]),
    ].join("\r\n");
    const jobId = await enqueueImportJob(db, { territoryId: territory.id, actorId, fileName: "matrice.csv", format: "auto", content: new TextEncoder().encode(file) }, now);
    await runImportJobs(db, { clock });
    const asked = (await findImportJob(db, jobId, actorId, territory.id, now))!;
    expect(asked.preview!.counts).toMatchObject({ create: 0, skip: 1 });
    const [issue] = asked.preview!.issues;
    expect(issue!.candidates).toEqual(expect.arrayContaining([{ code: "26362", name: "Valence", postalCode: "26000", department: "Drôme (26)" }]));

    // An answer that is not a candidate changes nothing; a candidate is used.
    const answer = (value: string) => answerImportJob(db, { jobId, actorId, territoryId: territory.id, answers: { [`${issue!.row}:${issue!.value}`]: value } }, now);
    expect(await answer("75056|75001")).toBe(true);
    await runImportJobs(db, { clock });
    expect((await findImportJob(db, jobId, actorId, territory.id, now))!.preview!.counts).toMatchObject({ create: 0, skip: 1 });
    expect(await answer("26362|26000")).toBe(true);
    await runImportJobs(db, { clock });
    const answered = (await findImportJob(db, jobId, actorId, territory.id, now))!;
    expect(answered.preview!.counts).toMatchObject({ create: 1, skip: 0 });
    expect(await confirmImportJob(db, { jobId, actorId, territoryId: territory.id, planHash: answered.planHash! }, now)).toBe(true);
    expect(await runImportJobs(db, { clock })).toEqual(["done"]);
    expect(await db.place.findMany({ where: { structure: { territoryId: territory.id } }, select: { postalCode: true, communeCode: true, communeName: true } })).toEqual([
      { postalCode: "26000", communeCode: "26362", communeName: "Valence" },
    ]);
  });
});
