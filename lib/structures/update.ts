/**
 * Creating a structure and saving its identity: all or nothing, refused when someone else saved
 * in between (the second person is told what changed), and written to the structure's history.
 */
import type { PrismaClient } from "@/lib/db";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import type { IdentifierType, Prisma } from "@/lib/generated/prisma/client";
import type { StructureCreate, StructureIdentity } from "./schemas";

export const FIELD_LABELS = {
  name: "nom",
  description: "présentation",
  email: "courriel",
  phone: "téléphone",
  website: "site web",
  siret: "SIRET",
  rna: "RNA",
  bce: "BCE",
  typologyId: "type de structure",
  labelIds: "labels",
} as const;
type Field = keyof typeof FIELD_LABELS;
type Values = Record<Exclude<Field, "labelIds">, string | null> & { labelIds: string[] };
const FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** The vocabulary roles of a structure's terms: one typology, any number of labels. */
export const TYPOLOGY_ROLE = "typology";
export const LABEL_ROLE = "label";

export type SaveOutcome =
  | { ok: true; changed: Field[] }
  | { ok: false; reason: "conflict"; changedMeanwhile: Field[]; current: Values }
  /** A forged or stale choice: its code's words go on `field` (lib/errors/messages.ts). */
  | { ok: false; reason: "invalid"; field: Field; code: "structure.typology_unknown" | "structure.label_unknown" };

const IDENTIFIER_FIELDS: [Field, IdentifierType][] = [
  ["siret", "SIRET"],
  ["rna", "RNA"],
  ["bce", "BCE"],
];

const same = (field: Field, a: Values, b: Values) =>
  field === "labelIds" ? [...a.labelIds].sort().join() === [...b.labelIds].sort().join() : a[field] === b[field];
const differing = (a: Values, b: Values) => FIELDS.filter((field) => !same(field, a, b));

export async function loadStructureIdentity(db: Pick<PrismaClient, "structure">, structureId: string) {
  const structure = await db.structure.findUniqueOrThrow({
    where: { id: structureId },
    select: {
      name: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      updatedAt: true,
      identifiers: { select: { type: true, value: true } },
      terms: { select: { termId: true, term: { select: { vocabulary: { select: { role: true } } } } } },
    },
  });
  const identifier = (type: IdentifierType) => structure.identifiers.find((id) => id.type === type)?.value ?? null;
  const termsOf = (role: string) => structure.terms.filter(({ term }) => term.vocabulary.role === role).map(({ termId }) => termId);
  const values: Values = {
    name: structure.name,
    description: structure.description,
    email: structure.email,
    phone: structure.phone,
    website: structure.website,
    siret: identifier("SIRET"),
    rna: identifier("RNA"),
    bce: identifier("BCE"),
    typologyId: termsOf(TYPOLOGY_ROLE)[0] ?? null,
    labelIds: termsOf(LABEL_ROLE).sort(),
  };
  return { values, version: structure.updatedAt.toISOString() };
}

function valuesOf(input: StructureIdentity | StructureCreate): Values {
  return {
    name: input.name,
    description: input.description ?? "",
    email: input.email,
    phone: input.phone,
    website: input.website,
    siret: input.siret,
    rna: input.rna,
    bce: input.bce,
    typologyId: input.typologyId,
    labelIds: [...new Set(input.labelIds)].sort(),
  };
}

/** The typology and labels must be terms of their vocabularies (a forged id is refused). */
async function checkTerms(tx: Prisma.TransactionClient, values: Values): Promise<Extract<SaveOutcome, { reason: "invalid" }> | null> {
  if (values.typologyId) {
    const typology = await tx.vocabularyTerm.count({ where: { id: values.typologyId, vocabulary: { role: TYPOLOGY_ROLE } } });
    if (typology === 0) return { ok: false, reason: "invalid", field: "typologyId", code: "structure.typology_unknown" };
  }
  const labels = await tx.vocabularyTerm.count({ where: { id: { in: values.labelIds }, vocabulary: { role: LABEL_ROLE } } });
  if (labels !== values.labelIds.length) return { ok: false, reason: "invalid", field: "labelIds", code: "structure.label_unknown" };
  return null;
}

const termIdsOf = (values: Values) => [...(values.typologyId ? [values.typologyId] : []), ...values.labelIds];

/** `actorId` null: saved without an account (an update campaign's link); `also`: the caller's writes in the same transaction. */
export async function saveStructureIdentity(
  db: PrismaClient,
  input: StructureIdentity,
  actorId: string | null,
  also?: (tx: Prisma.TransactionClient, changed: boolean) => Promise<void>,
): Promise<SaveOutcome> {
  return db.$transaction(async (tx) => {
    const { values: before, version } = await loadStructureIdentity(tx, input.structureId);
    const after = valuesOf(input);
    if (version !== input.version) {
      return { ok: false, reason: "conflict", changedMeanwhile: differing(before, after), current: before };
    }
    const changed = differing(before, after);
    if (changed.length === 0) {
      await also?.(tx, false);
      return { ok: true, changed };
    }
    const invalid = await checkTerms(tx, after);
    if (invalid) return invalid;

    await lockTerritoryFirst(tx, { structureId: input.structureId });
    // Conditional on the version read above: a save that slipped in between makes this one fail.
    const { count } = await tx.structure.updateMany({
      where: { id: input.structureId, updatedAt: new Date(input.version) },
      data: {
        name: after.name!,
        description: after.description ?? "",
        email: after.email,
        phone: after.phone,
        website: after.website,
        // Saving the card is a statement that it is true today.
        lastVerifiedAt: new Date(),
        lastVerifiedById: actorId,
      },
    });
    if (count === 0) {
      const current = (await loadStructureIdentity(tx, input.structureId)).values;
      return { ok: false, reason: "conflict", changedMeanwhile: differing(current, after), current };
    }
    for (const [field, type] of IDENTIFIER_FIELDS) {
      if (!changed.includes(field)) continue;
      const value = after[field as Exclude<Field, "labelIds">];
      if (value) {
        await tx.structureIdentifier.upsert({
          where: { structureId_type: { structureId: input.structureId, type } },
          create: { structureId: input.structureId, type, value },
          update: { value },
        });
      } else {
        await tx.structureIdentifier.deleteMany({ where: { structureId: input.structureId, type } });
      }
    }
    if (changed.includes("typologyId") || changed.includes("labelIds")) {
      await tx.structureTerm.deleteMany({ where: { structureId: input.structureId } });
      await tx.structureTerm.createMany({ data: termIdsOf(after).map((termId) => ({ structureId: input.structureId, termId })) });
    }
    await tx.changeRecord.create({
      data: {
        structureId: input.structureId,
        actorId,
        action: "structure.identity.updated",
        summary: `Identité modifiée : ${changed.map((field) => FIELD_LABELS[field]).join(", ")}`,
        changes: Object.fromEntries(changed.map((field) => [field, { before: before[field], after: after[field] }])),
      },
    });
    await also?.(tx, true);
    return { ok: true, changed };
  });
}

export type CreateOutcome = { ok: true; structureId: string } | Extract<SaveOutcome, { reason: "invalid" }>;

/**
 * A coordinator adds a structure to their territory. It is published at once (the coordinator
 * is the territory's moderator); its offers still need publishing one by one.
 */
export async function createStructure(db: PrismaClient, input: StructureCreate, actorId: string): Promise<CreateOutcome> {
  return db.$transaction(async (tx) => {
    const values = valuesOf(input);
    const invalid = await checkTerms(tx, values);
    if (invalid) return invalid;
    await lockTerritoryFirst(tx, { territoryId: input.territoryId });
    const structure = await tx.structure.create({
      data: {
        territoryId: input.territoryId,
        name: values.name!,
        description: values.description ?? "",
        email: values.email,
        phone: values.phone,
        website: values.website,
        status: "published",
        lastVerifiedAt: new Date(),
        lastVerifiedById: actorId,
        identifiers: {
          create: IDENTIFIER_FIELDS.flatMap(([field, type]) => {
            const value = values[field as Exclude<Field, "labelIds">];
            return value ? [{ type, value }] : [];
          }),
        },
        terms: { create: termIdsOf(values).map((termId) => ({ termId })) },
      },
      select: { id: true },
    });
    await tx.changeRecord.create({
      data: { structureId: structure.id, actorId, action: "structure.created", summary: `Structure « ${values.name} » créée` },
    });
    return { ok: true, structureId: structure.id };
  });
}
