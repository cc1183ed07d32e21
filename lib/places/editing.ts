/**
 * Creating, changing and deleting a structure's places. Every write is scoped to the structure
 * (`where: { id, structureId }`): another structure's place id changes nothing and answers
 * "not found". Each change is all or nothing and goes into the structure's history.
 */
import type { PrismaClient } from "@/lib/db";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlaceInput } from "./schemas";

export const PLACE_FIELD_LABELS = {
  name: "nom",
  address: "adresse",
  addressComplement: "complément d'adresse",
  postalCode: "code postal",
  communeCode: "code de la commune",
  communeName: "commune",
  country: "pays",
  latitude: "latitude",
  longitude: "longitude",
  wheelchairAccessible: "accès en fauteuil roulant",
  accessibilityNotes: "précisions sur l'accessibilité",
} as const;
export type PlaceField = keyof typeof PLACE_FIELD_LABELS;
const FIELDS = Object.keys(PLACE_FIELD_LABELS) as PlaceField[];

/** What the place form edits (not the hours nor the public-holiday rule: the hours editor's). */
const EDITED = {
  name: true,
  address: true,
  addressComplement: true,
  postalCode: true,
  communeCode: true,
  communeName: true,
  country: true,
  latitude: true,
  longitude: true,
  wheelchairAccessible: true,
  accessibilityNotes: true,
} as const satisfies Record<PlaceField, true>;
export type PlaceValues = Prisma.PlaceGetPayload<{ select: typeof EDITED }>;

/** A hosted offer that keeps a place from being deleted. */
export interface OfferAtPlace {
  title: string;
  structureName: string;
}

export type PlaceSaveOutcome =
  | { ok: true; placeId: string; changed: PlaceField[] }
  | { ok: false; reason: "not_found" }
  /** A commune the reference list does not know, other than the one stored: the form must say so. */
  | { ok: false; reason: "unknown_commune" }
  | { ok: false; reason: "conflict"; changedMeanwhile: PlaceField[]; current: PlaceValues };

export type PlaceDeleteOutcome =
  | { ok: true; name: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "has_offers"; offers: OfferAtPlace[] };

function valuesOf(input: PlaceInput): PlaceValues {
  return Object.fromEntries(FIELDS.map((field) => [field, input[field]])) as PlaceValues;
}

const differing = (a: PlaceValues, b: PlaceValues) => FIELDS.filter((field) => a[field] !== b[field]);

/** The place's editable fields and its version, or null when it is not a place of this structure. */
export async function loadPlace(db: Pick<PrismaClient, "place">, structureId: string, placeId: string) {
  const place = await db.place.findFirst({ where: { id: placeId, structureId }, select: { ...EDITED, updatedAt: true } });
  if (!place) return null;
  const { updatedAt, ...values } = place;
  return { values, version: updatedAt.toISOString() };
}

export async function createPlace(db: PrismaClient, input: PlaceInput, actorId: string): Promise<PlaceSaveOutcome> {
  if (input.communeUnverified) return { ok: false, reason: "unknown_commune" };
  const values = valuesOf(input);
  return db.$transaction(async (tx) => {
    await lockTerritoryFirst(tx, { structureId: input.structureId });
    const place = await tx.place.create({ data: { ...values, structureId: input.structureId }, select: { id: true } });
    await tx.changeRecord.create({
      data: {
        structureId: input.structureId,
        actorId,
        action: "place.created",
        summary: `Lieu ajouté : ${values.name} (${values.communeName})`,
        changes: Object.fromEntries(FIELDS.map((field) => [field, { before: null, after: values[field] }])),
      },
    });
    return { ok: true, placeId: place.id, changed: FIELDS };
  });
}

/** Saves a place's fields, unless someone else saved it since `input.version` (then says what differs). */
/** `actorId` null: saved without an account (an update campaign's link); `also`: the caller's writes in the same transaction. */
export async function updatePlace(
  db: PrismaClient,
  input: PlaceInput & { placeId: string },
  actorId: string | null,
  also?: (tx: Prisma.TransactionClient, changed: boolean) => Promise<void>,
): Promise<PlaceSaveOutcome> {
  return db.$transaction(async (tx) => {
    const loaded = await loadPlace(tx, input.structureId, input.placeId);
    if (!loaded) return { ok: false, reason: "not_found" };
    const after = valuesOf(input);
    // A commune outside the reference list is kept only as it was stored (see schemas.ts).
    const keptAsStored = (["postalCode", "communeCode", "communeName"] as const).every((field) => loaded.values[field] === after[field]);
    if (input.communeUnverified && !keptAsStored) return { ok: false, reason: "unknown_commune" };
    if (loaded.version !== input.version) {
      return { ok: false, reason: "conflict", changedMeanwhile: differing(loaded.values, after), current: loaded.values };
    }
    const changed = differing(loaded.values, after);
    if (changed.length === 0) {
      await also?.(tx, false);
      return { ok: true, placeId: input.placeId, changed };
    }

    await lockTerritoryFirst(tx, { structureId: input.structureId });
    // Conditional on the version read above: a save that slipped in between makes this one fail.
    const { count } = await tx.place.updateMany({
      where: { id: input.placeId, structureId: input.structureId, updatedAt: new Date(input.version) },
      data: after,
    });
    if (count === 0) {
      const current = await loadPlace(tx, input.structureId, input.placeId);
      if (!current) return { ok: false, reason: "not_found" };
      return { ok: false, reason: "conflict", changedMeanwhile: differing(current.values, after), current: current.values };
    }
    await tx.changeRecord.create({
      data: {
        structureId: input.structureId,
        actorId,
        action: "place.updated",
        summary: `Lieu « ${after.name} » modifié : ${changed.map((field) => PLACE_FIELD_LABELS[field]).join(", ")}`,
        changes: Object.fromEntries(changed.map((field) => [field, { before: loaded.values[field], after: after[field] }])),
      },
    });
    await also?.(tx, true);
    return { ok: true, placeId: input.placeId, changed };
  });
}

/** The offers (of any structure) held at a place. */
export async function offersAtPlace(db: Pick<PrismaClient, "offerPlace">, placeId: string): Promise<OfferAtPlace[]> {
  const rows = await db.offerPlace.findMany({
    where: { placeId },
    select: { offer: { select: { title: true, structure: { select: { name: true } } } } },
    orderBy: [{ offer: { structure: { name: "asc" } } }, { offer: { title: "asc" } }],
  });
  return rows.map(({ offer }) => ({ title: offer.title, structureName: offer.structure.name }));
}

/**
 * Deletes a place with its hours. Refused while offers are held there (this structure's or
 * others' permanences): they would silently lose this place; the person is told which they are.
 */
export async function deletePlace(
  db: PrismaClient,
  { structureId, placeId }: { structureId: string; placeId: string },
  actorId: string,
  now = new Date(),
): Promise<PlaceDeleteOutcome> {
  return db.$transaction(async (tx) => {
    const loaded = await loadPlace(tx, structureId, placeId);
    if (!loaded) return { ok: false, reason: "not_found" };
    await lockTerritoryFirst(tx, { structureId });
    // Conditional on no offer being there, so an offer added meanwhile is not lost with the place.
    const { count } = await tx.place.deleteMany({ where: { id: placeId, structureId, offers: { none: {} } } });
    if (count === 0) return { ok: false, reason: "has_offers", offers: await offersAtPlace(tx, placeId) };
    // The structure's JSON (API, exports) no longer shows the place: its date moves, as a place's
    // edit moves it through the place's own date (lib/open-data/snapshot.ts `servedDate`).
    await tx.structure.update({ where: { id: structureId }, data: { updatedAt: now } });
    await tx.changeRecord.create({
      data: {
        structureId,
        actorId,
        action: "place.deleted",
        summary: `Lieu supprimé : ${loaded.values.name} (${loaded.values.communeName})`,
        changes: Object.fromEntries(FIELDS.map((field) => [field, { before: loaded.values[field], after: null }])),
      },
    });
    return { ok: true, name: loaded.values.name };
  });
}
