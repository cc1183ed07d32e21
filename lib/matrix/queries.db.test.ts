import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoTerritory } from "@/lib/demo/seed";
import { coverageTable } from "./coverage";
import { parseMatrixFilters } from "./filters";
import { loadActor } from "@/lib/auth/actor";
import { findMatrixTerritory, getCoverageInputs, getMatrix } from "./queries";

let territoryId: string;
const termId = async (vocabularyKey: string, code: string) =>
  (await db.vocabularyTerm.findUniqueOrThrow({ where: { vocabularyKey_code: { vocabularyKey, code } } })).id;

beforeAll(async () => {
  ({ territoryId } = await seedDemoTerritory(db));
});

describe("getMatrix", () => {
  it("has one row per offer of the territory, drafts included, in seed 001's columns", async () => {
    const rows = await getMatrix(db, territoryId, parseMatrixFilters({}));
    expect(rows).toHaveLength(await db.offer.count({ where: { structure: { territoryId } } }));
    const ccas = rows.find((row) => row.qui.includes("CCAS"))!;
    expect(ccas.quoi.postures).toEqual(["Faire à la place"]);
    expect(ccas.comment.conditions).toContain("à partir de 60 ans");
    expect(ccas.ou).toEqual(["17 avenue du Général de Gaulle, Château-Thierry"]);
    expect(ccas.quand).toBe("les mardi et jeudi de 13 h à 17 h ; fermé les jours fériés");
    expect(ccas.stale).toBe(true);
    expect(rows.some((row) => row.status === "draft")).toBe(true);
    expect(ccas.structurePublished).toBe(true);
  });

  it("says when an offer's structure is not published (no transfer link: its offers are not public)", async () => {
    const structure = await db.structure.findFirstOrThrow({ where: { territoryId, name: { contains: "CCAS" } } });
    await db.structure.update({ where: { id: structure.id }, data: { status: "draft" } });
    try {
      const rows = await getMatrix(db, territoryId, parseMatrixFilters({}));
      expect(rows.filter((row) => row.structureId === structure.id).map((row) => row.structurePublished)).toEqual([false]);
    } finally {
      await db.structure.update({ where: { id: structure.id }, data: { status: "published" } });
    }
  });

  it("filters by posture, public, access mode, commune and structure, and sorts", async () => {
    const doFor = await getMatrix(db, territoryId, parseMatrixFilters({ posture: await termId("toile.postures", "faire-a-la-place") }));
    expect(doFor.map((row) => row.qui).sort()).toEqual([
      "CCAS de Château-Thierry",
      "Centre social des Tilleuls",
      "Espace France Services du Val de Lise",
    ]);
    const young = await getMatrix(db, territoryId, parseMatrixFilters({ public: await termId("dataInclusion.v1.publics", "jeunes") }));
    expect(young.every((row) => row.comment.publics.includes("Jeunes"))).toBe(true);
    const essomes = await getMatrix(db, territoryId, parseMatrixFilters({ commune: "02290" }));
    expect(essomes.length).toBeGreaterThan(0);
    expect(essomes.every((row) => row.communeCodes.includes("02290"))).toBe(true);
    const byDate = await getMatrix(db, territoryId, parseMatrixFilters({ tri: "verification" }));
    const dates = byDate.map((row) => row.lastVerifiedAt!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it("ignores filters it does not understand", () => {
    expect(parseMatrixFilters({ tri: "n'importe quoi", posture: ["a", "b"] })).toMatchObject({ tri: undefined, posture: "a" });
  });
});

describe("coverage of the demo territory", () => {
  it("shows which needs are answered for whom, and which nobody answers", async () => {
    const { offers, needs, publics } = await getCoverageInputs(db, territoryId);
    const table = coverageTable(offers, needs, publics, "publics");
    const row = table.find((candidate) => candidate.need === "Aide aux démarches administratives")!;
    expect(row.cells[publics.indexOf("Séniors")]!.count).toBeGreaterThan(0);
    const empty = table.find((candidate) => candidate.need === "Parentalité et éducation avec le numérique")!;
    expect(empty.cells.every((cell) => cell.level === "none")).toBe(true);
  });
});

describe("findMatrixTerritory", () => {
  it("answers for the territory's coordinators and members, not for others", async () => {
    const user = await db.user.create({ data: { email: "sans.structure@exemple.fr" } });
    expect(await findMatrixTerritory(db, (await loadActor(db, user.id))!, "val-de-lise")).toBeNull();
    const member = await db.user.findUniqueOrThrow({ where: { email: "accueil@franceservices.exemple.fr" } });
    expect(await findMatrixTerritory(db, (await loadActor(db, member.id))!, "val-de-lise")).not.toBeNull();
  });
});
