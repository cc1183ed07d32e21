/**
 * Creating and editing an offer: all or nothing, scoped to its structure, refused when someone
 * else saved in between (the second person is told which fields differ), and written to the
 * structure's history. Saving an offer also counts as verifying it ("last verified" by whom).
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import { publishProblems } from "./rules";
import { OFFER_TERM_ROLES, type OfferValues } from "./schemas";

export const OFFER_FIELD_LABELS = {
  title: "intitulé",
  description: "description",
  termIds: "besoins, publics et modalités",
  placeIds: "lieux",
  professionalReferral: "orientation par un professionnel",
  residentAccess: "comment venir",
  minAge: "âge minimum",
  maxAge: "âge maximum",
  residencyCondition: "condition de résidence",
  otherConditions: "autres conditions",
  feeDetails: "précisions sur le tarif",
  documentsToBring: "documents à apporter",
  languages: "langues",
  typicalDelayDays: "délai de prise en charge",
  isSaturated: "complet",
  acceptsTransfers: "accepte les transferts",
  phoneLine: "ligne téléphonique",
  redirects: "ce qui n'est pas proposé",
} as const;
type Field = keyof typeof OFFER_FIELD_LABELS;
const FIELDS = Object.keys(OFFER_FIELD_LABELS) as Field[];

type Editable = Omit<OfferValues, "structureId" | "offerId" | "version">;

export type OfferSaveOutcome =
  | { ok: true; offerId: string; changed: Field[] }
  | { ok: false; reason: "not_found" }
  /** A forged or stale choice: its code's words go on `field` (lib/errors/messages.ts). */
  | { ok: false; reason: "invalid"; field: string; code: OfferReferenceCode }
  /** `saved`: the other person's version, to show beside this one. */
  | { ok: false; reason: "conflict"; changedMeanwhile: Field[]; saved: Editable };

type Tx = Prisma.TransactionClient;
/** More writes of the caller's, in the same transaction, once the save is done (an update campaign's answer). */
export type AlsoInTransaction = (tx: Tx, changed: boolean) => Promise<void>;

const offerSelect = {
  id: true,
  title: true,
  description: true,
  professionalReferral: true,
  residentAccess: true,
  minAge: true,
  maxAge: true,
  residencyCondition: true,
  otherConditions: true,
  feeDetails: true,
  documentsToBring: true,
  languages: true,
  typicalDelayDays: true,
  isSaturated: true,
  acceptsTransfers: true,
  phoneLine: true,
  status: true,
  updatedAt: true,
  terms: { select: { termId: true } },
  places: { select: { placeId: true } },
  redirects: { select: { notOffered: true, redirectToStructureId: true, note: true }, orderBy: { notOffered: "asc" } },
} satisfies Prisma.OfferSelect;

/** An offer of this structure as the form edits it, or null. */
export async function loadOffer(db: Pick<PrismaClient, "offer">, structureId: string, offerId: string) {
  const offer = await db.offer.findFirst({ where: { id: offerId, structureId }, select: offerSelect });
  if (!offer) return null;
  const values: Editable = {
    title: offer.title,
    description: offer.description,
    termIds: offer.terms.map((term) => term.termId).sort(),
    placeIds: offer.places.map((place) => place.placeId).sort(),
    professionalReferral: offer.professionalReferral,
    residentAccess: offer.residentAccess,
    minAge: offer.minAge,
    maxAge: offer.maxAge,
    residencyCondition: offer.residencyCondition,
    otherConditions: offer.otherConditions,
    feeDetails: offer.feeDetails,
    documentsToBring: offer.documentsToBring,
    languages: offer.languages,
    typicalDelayDays: offer.typicalDelayDays,
    isSaturated: offer.isSaturated,
    acceptsTransfers: offer.acceptsTransfers,
    phoneLine: offer.phoneLine,
    redirects: offer.redirects,
  };
  return { values, status: offer.status, version: offer.updatedAt.toISOString() };
}

/** Comparable form of a field's value (lists compared as sets). */
function comparable(field: Field, values: Editable): string {
  const value = values[field];
  if (field === "termIds" || field === "placeIds" || field === "languages") return JSON.stringify([...(value as string[])].sort());
  if (field === "redirects") {
    return JSON.stringify(
      (value as Editable["redirects"]).map((row) => [row.notOffered, row.redirectToStructureId, row.note]).sort(),
    );
  }
  return JSON.stringify(value ?? null);
}

const differing = (a: Editable, b: Editable) => FIELDS.filter((field) => comparable(field, a) !== comparable(field, b));

/** The ids the form may use must belong to this territory (a forged id is refused, not stored). */
type OfferReferenceCode = "offer.term_gone" | "offer.place_gone" | "offer.redirect_structure_gone";

async function checkReferences(tx: Tx, territoryId: string, input: OfferValues): Promise<{ field: string; code: OfferReferenceCode } | null> {
  const terms = await tx.vocabularyTerm.count({
    where: { id: { in: input.termIds }, vocabulary: { role: { in: [...OFFER_TERM_ROLES] } } },
  });
  if (terms !== new Set(input.termIds).size) return { field: "termIds", code: "offer.term_gone" };
  const places = await tx.place.count({ where: { id: { in: input.placeIds }, structure: { territoryId } } });
  if (places !== new Set(input.placeIds).size) return { field: "placeIds", code: "offer.place_gone" };
  const targets = input.redirects.flatMap((row, index) => (row.redirectToStructureId ? [{ id: row.redirectToStructureId, index }] : []));
  const found = await tx.structure.findMany({ where: { id: { in: targets.map((target) => target.id) }, territoryId }, select: { id: true } });
  const missing = targets.find((target) => !found.some((structure) => structure.id === target.id));
  if (missing) return { field: `redirects.${missing.index}.redirectToStructureId`, code: "offer.redirect_structure_gone" };
  return null;
}

function columns(values: Editable) {
  return {
    title: values.title,
    description: values.description,
    professionalReferral: values.professionalReferral,
    residentAccess: values.residentAccess,
    minAge: values.minAge,
    maxAge: values.maxAge,
    residencyCondition: values.residencyCondition,
    otherConditions: values.otherConditions,
    feeDetails: values.feeDetails,
    documentsToBring: values.documentsToBring,
    languages: values.languages,
    typicalDelayDays: values.typicalDelayDays,
    isSaturated: values.isSaturated,
    acceptsTransfers: values.acceptsTransfers,
    phoneLine: values.phoneLine,
  };
}

/** `actorId` null: saved without an account, through an update campaign's signed link. */
export async function saveOffer(
  db: PrismaClient,
  input: OfferValues,
  actorId: string | null,
  now = new Date(),
  also?: AlsoInTransaction,
): Promise<OfferSaveOutcome> {
  return db.$transaction(async (tx) => {
    const structure = await tx.structure.findUnique({ where: { id: input.structureId }, select: { territoryId: true } });
    if (!structure) return { ok: false, reason: "not_found" };
    const invalid = await checkReferences(tx, structure.territoryId, input);
    if (invalid) return { ok: false, reason: "invalid", ...invalid };
    const { structureId, offerId } = input;
    const after: Editable = { ...input };

    await lockTerritoryFirst(tx, { territoryId: structure.territoryId });
    if (!offerId) {
      const created = await tx.offer.create({
        data: {
          ...columns(after),
          structureId,
          territoryId: structure.territoryId,
          status: "draft",
          lastVerifiedAt: now,
          lastVerifiedById: actorId,
          terms: { create: after.termIds.map((termId) => ({ termId })) },
          places: { create: after.placeIds.map((placeId) => ({ placeId })) },
          redirects: { create: after.redirects },
        },
        select: { id: true },
      });
      await tx.changeRecord.create({
        data: { structureId, offerId: created.id, actorId, action: "offer.created", summary: `Offre « ${after.title} » créée (brouillon)`, createdAt: now },
      });
      return { ok: true, offerId: created.id, changed: FIELDS };
    }

    const current = await loadOffer(tx, structureId, offerId);
    if (!current) return { ok: false, reason: "not_found" };
    if (current.version !== input.version) return { ok: false, reason: "conflict", changedMeanwhile: differing(current.values, after), saved: current.values };
    const changed = differing(current.values, after);
    if (changed.length === 0) {
      await also?.(tx, false);
      return { ok: true, offerId, changed };
    }

    // Conditional on the version read above: a save that slipped in between makes this one fail.
    const { count } = await tx.offer.updateMany({
      where: { id: offerId, structureId, updatedAt: new Date(input.version) },
      data: { ...columns(after), lastVerifiedAt: now, lastVerifiedById: actorId, unconfirmedSince: null },
    });
    if (count === 0) {
      const latest = await loadOffer(tx, structureId, offerId);
      return latest ? { ok: false, reason: "conflict", changedMeanwhile: differing(latest.values, after), saved: latest.values } : { ok: false, reason: "not_found" };
    }
    if (changed.includes("termIds")) {
      await tx.offerTerm.deleteMany({ where: { offerId } });
      await tx.offerTerm.createMany({ data: after.termIds.map((termId) => ({ offerId, termId })) });
    }
    if (changed.includes("placeIds")) {
      // Places kept keep their own hours at that place; only the removed ones lose theirs.
      await tx.offerPlace.deleteMany({ where: { offerId, placeId: { notIn: after.placeIds } } });
      await tx.offerPlace.createMany({ data: after.placeIds.map((placeId) => ({ offerId, placeId })), skipDuplicates: true });
    }
    if (changed.includes("redirects")) {
      await tx.offerRedirect.deleteMany({ where: { offerId } });
      await tx.offerRedirect.createMany({ data: after.redirects.map((row) => ({ ...row, offerId })) });
    }
    await tx.changeRecord.create({
      data: {
        structureId,
        offerId,
        actorId,
        action: "offer.updated",
        summary: `Offre « ${after.title} » modifiée : ${changed.map((field) => OFFER_FIELD_LABELS[field]).join(", ")}`,
        changes: Object.fromEntries(
          changed.map((field) => [field, { before: current.values[field] ?? null, after: after[field] ?? null }]),
        ) as Prisma.InputJsonValue,
        createdAt: now,
      },
    });
    await also?.(tx, true);
    return { ok: true, offerId, changed };
  });
}

const STATUS_SUMMARIES = {
  published: "publiée",
  draft: "repassée en brouillon",
  archived: "archivée",
} as const;

export type OfferStatusOutcome =
  | { ok: true; title: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_ready"; problems: string[] };

/** Publish, unpublish (back to draft) or archive an offer of this structure. */
export async function setOfferStatus(
  db: PrismaClient,
  { structureId, offerId, status }: { structureId: string; offerId: string; status: "draft" | "published" | "archived" },
  actorId: string | null,
  now = new Date(),
  also?: AlsoInTransaction,
): Promise<OfferStatusOutcome> {
  return db.$transaction(async (tx) => {
    const offer = await tx.offer.findFirst({
      where: { id: offerId, structureId },
      select: {
        title: true,
        status: true,
        _count: { select: { places: true } },
        terms: { select: { term: { select: { code: true, vocabulary: { select: { role: true } } } } } },
      },
    });
    if (!offer) return { ok: false, reason: "not_found" };
    if (offer.status === status) return { ok: true, title: offer.title };
    if (status === "published") {
      const codesOf = (role: string) => offer.terms.filter(({ term }) => term.vocabulary.role === role).map(({ term }) => term.code);
      const problems = publishProblems({ needs: codesOf("need").length, accessModes: codesOf("access_mode"), places: offer._count.places });
      if (problems.length > 0) return { ok: false, reason: "not_ready", problems };
    }
    await lockTerritoryFirst(tx, { structureId });
    await tx.offer.update({
      where: { id: offerId },
      // Publishing is a statement that the offer is true today.
      data: { status, ...(status === "published" ? { lastVerifiedAt: now, lastVerifiedById: actorId, unconfirmedSince: null } : {}) },
    });
    await tx.changeRecord.create({
      data: {
        structureId,
        offerId,
        actorId,
        action: `offer.${status}`,
        summary: `Offre « ${offer.title} » ${STATUS_SUMMARIES[status]}`,
        changes: { status: { before: offer.status, after: status } },
        createdAt: now,
      },
    });
    await also?.(tx, true);
    return { ok: true, title: offer.title };
  });
}
