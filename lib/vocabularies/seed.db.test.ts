import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readReferenceVocabularies, seedVocabularies } from "./seed";

describe("reference vocabularies", () => {
  it("are all in the database, each with its standard and version", async () => {
    const expected = await readReferenceVocabularies();
    const stored = await db.vocabulary.findMany({ include: { _count: { select: { terms: true } } } });
    expect(stored).toHaveLength(expected.length);
    for (const vocabulary of expected) {
      const row = stored.find((candidate) => candidate.key === vocabulary.key);
      expect(row, vocabulary.key).toMatchObject({
        standard: vocabulary.standard,
        version: vocabulary.version,
        role: vocabulary.role,
      });
      expect(row?._count.terms, vocabulary.key).toBe(vocabulary.terms.length);
    }
  });

  it("keep the published values exactly, with their parent category", async () => {
    const term = await db.vocabularyTerm.findUniqueOrThrow({
      where: {
        vocabularyKey_code: {
          vocabularyKey: "dataInclusion.v1.thematiques",
          code: "numerique--acceder-a-des-services-en-ligne",
        },
      },
    });
    expect(term.parentCode).toBe("numerique");
    const apostrophe = await db.vocabularyTerm.findFirst({
      where: { vocabularyKey: "lmn.modalites_acces", code: "Ce lieu n'accueille pas de public" },
    });
    expect(apostrophe).not.toBeNull();
  });

  it("seed again without duplicating, and update a changed label", async () => {
    const before = await db.vocabularyTerm.count();
    expect(await seedVocabularies(db)).toMatchObject({ added: 0, updated: 0 });
    expect(await db.vocabularyTerm.count()).toBe(before);

    const vocabularies = await readReferenceVocabularies();
    const publics = vocabularies.find((v) => v.key === "dataInclusion.v1.publics")!;
    publics.terms[0]!.label = "Tout le monde";
    expect(await seedVocabularies(db, vocabularies)).toMatchObject({ added: 0, updated: 1 });
    const term = await db.vocabularyTerm.findFirstOrThrow({
      where: { vocabularyKey: "dataInclusion.v1.publics", code: publics.terms[0]!.code },
    });
    expect(term.label).toBe("Tout le monde");
  });
});
