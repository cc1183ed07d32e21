/**
 * Saving a structure's identity: all or nothing, refused when someone else saved in between
 * (the second person is told what changed), and written to the structure's history.
 */
import type { PrismaClient } from "@/lib/db";
import type { IdentifierType } from "@/lib/generated/prisma/client";
import type { StructureIdentity } from "./schemas";

export const FIELD_LABELS = {
  name: "nom",
  description: "présentation",
  email: "courriel",
  phone: "téléphone",
  website: "site web",
  siret: "SIRET",
  rna: "RNA",
  bce: "BCE",
} as const;
type Field = keyof typeof FIELD_LABELS;
type Values = Record<Field, string | null>;

export type SaveOutcome =
  | { ok: true; changed: Field[] }
  | { ok: false; reason: "conflict"; changedMeanwhile: Field[]; current: Values };

const IDENTIFIER_FIELDS: [Field, IdentifierType][] = [
  ["siret", "SIRET"],
  ["rna", "RNA"],
  ["bce", "BCE"],
];

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
    },
  });
  const identifier = (type: IdentifierType) => structure.identifiers.find((id) => id.type === type)?.value ?? null;
  const values: Values = {
    name: structure.name,
    description: structure.description,
    email: structure.email,
    phone: structure.phone,
    website: structure.website,
    siret: identifier("SIRET"),
    rna: identifier("RNA"),
    bce: identifier("BCE"),
  };
  return { values, version: structure.updatedAt.toISOString() };
}

export async function saveStructureIdentity(
  db: PrismaClient,
  input: StructureIdentity,
  actorId: string,
): Promise<SaveOutcome> {
  return db.$transaction(async (tx) => {
    const { values: before, version } = await loadStructureIdentity(tx, input.structureId);
    const after: Values = {
      name: input.name,
      description: input.description ?? "",
      email: input.email,
      phone: input.phone,
      website: input.website,
      siret: input.siret,
      rna: input.rna,
      bce: input.bce,
    };
    const fields = Object.keys(FIELD_LABELS) as Field[];
    if (version !== input.version) {
      return { ok: false, reason: "conflict", changedMeanwhile: fields.filter((field) => before[field] !== after[field]), current: before };
    }
    const changed = fields.filter((field) => before[field] !== after[field]);
    if (changed.length === 0) return { ok: true, changed };

    // Conditional on the version read above: a save that slipped in between makes this one fail.
    const { count } = await tx.structure.updateMany({
      where: { id: input.structureId, updatedAt: new Date(input.version) },
      data: { name: after.name!, description: after.description ?? "", email: after.email, phone: after.phone, website: after.website },
    });
    if (count === 0) {
      const current = (await loadStructureIdentity(tx, input.structureId)).values;
      return { ok: false, reason: "conflict", changedMeanwhile: fields.filter((field) => current[field] !== after[field]), current };
    }
    for (const [field, type] of IDENTIFIER_FIELDS) {
      if (!changed.includes(field)) continue;
      const value = after[field];
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
    await tx.changeRecord.create({
      data: {
        structureId: input.structureId,
        actorId,
        action: "structure.identity.updated",
        summary: `Identité modifiée : ${changed.map((field) => FIELD_LABELS[field]).join(", ")}`,
        changes: Object.fromEntries(changed.map((field) => [field, { before: before[field], after: after[field] }])),
      },
    });
    return { ok: true, changed };
  });
}
