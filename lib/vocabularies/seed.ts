/**
 * Loads the reference vocabularies into the database. Idempotent: terms are matched by
 * (vocabulary, code); new ones are added, changed labels updated, none deleted (offers may use them).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/db";
import { OWN_VOCABULARIES, PUBLISHED_VOCABULARIES } from "./sources";

const REFERENCE_VOCABULARIES_PATH = path.resolve(
  import.meta.dirname,
  "../../prisma/reference/vocabularies.json",
);

interface PublishedTerm {
  value: string;
  label: string;
  description?: string;
  category?: string;
}
type PublishedFile = Record<string, { source?: string; values?: PublishedTerm[] }>;

export interface TermInput {
  code: string;
  label: string;
  description: string | null;
  parentCode: string | null;
  sortOrder: number;
}

export interface VocabularyInput {
  key: string;
  role: string;
  name: string;
  standard: string;
  version: string;
  sourceUrl: string | null;
  terms: TermInput[];
}

/** Every vocabulary Toile seeds, with its terms, read from the published file and Toile's own lists. */
export async function readReferenceVocabularies(
  file = process.env.REFERENCE_VOCABULARIES ?? REFERENCE_VOCABULARIES_PATH,
): Promise<VocabularyInput[]> {
  const published = JSON.parse(await readFile(file, "utf8")) as PublishedFile;
  const fromStandards = PUBLISHED_VOCABULARIES.map((vocabulary) => {
    const entry = published[vocabulary.key];
    if (!entry?.values?.length) {
      throw new Error(`Le vocabulaire « ${vocabulary.key} » est absent de ${file}.`);
    }
    return {
      ...vocabulary,
      sourceUrl: entry.source?.split(" ")[0] ?? null,
      terms: entry.values.map((term, index) => ({
        code: term.value,
        label: term.label,
        description: term.description ?? null,
        parentCode: term.category ?? null,
        sortOrder: index,
      })),
    };
  });
  const own = OWN_VOCABULARIES.map(({ terms, ...vocabulary }) => ({
    ...vocabulary,
    sourceUrl: null,
    terms: terms.map((term, index) => ({ ...term, parentCode: null, sortOrder: index })),
  }));
  return [...own, ...fromStandards];
}

export async function seedVocabularies(db: PrismaClient, vocabularies?: VocabularyInput[]) {
  const all = vocabularies ?? (await readReferenceVocabularies());
  let added = 0;
  let updated = 0;
  for (const { terms, ...vocabulary } of all) {
    await db.vocabulary.upsert({
      where: { key: vocabulary.key },
      create: vocabulary,
      update: vocabulary,
    });
    const existing = new Map(
      (await db.vocabularyTerm.findMany({ where: { vocabularyKey: vocabulary.key } })).map(
        (term) => [term.code, term],
      ),
    );
    const missing = terms.filter((term) => !existing.has(term.code));
    if (missing.length > 0) {
      await db.vocabularyTerm.createMany({
        data: missing.map((term) => ({ ...term, vocabularyKey: vocabulary.key })),
      });
      added += missing.length;
    }
    for (const term of terms) {
      const current = existing.get(term.code);
      if (
        current &&
        (current.label !== term.label ||
          current.description !== term.description ||
          current.parentCode !== term.parentCode ||
          current.sortOrder !== term.sortOrder)
      ) {
        await db.vocabularyTerm.update({ where: { id: current.id }, data: term });
        updated += 1;
      }
    }
  }
  return { vocabularies: all.length, added, updated };
}
