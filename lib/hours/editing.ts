/**
 * Loading and saving the opening hours of one owner — a place, an offer at a place, or an offer
 * with no place — for the hours editor. A save replaces the owner's slots, exceptions and
 * public-holiday rule all at once, scoped to the structure, and is refused when someone else
 * saved in between. The schema has no version column for hours: the version is a hash of the
 * hours themselves, compared while the owner's row is locked (SELECT … FOR UPDATE).
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeHours } from "./format";
import type { Exception, HolidayRule, Slot } from "./rules";
import type { HoursForm, HoursOwner } from "./schemas";

type Db = PrismaClient | Prisma.TransactionClient;

export interface Hours {
  slots: Slot[];
  exceptions: Exception[];
  /** null: the place's rule (an offer at a place), or none known (an offer with no place). */
  publicHolidays: HolidayRule | null;
}

/** Whose hours these are, once checked against the structure. */
export interface HoursTarget {
  kind: HoursOwner["kind"];
  /** The owner's column in OpeningSlot and OpeningException. */
  where: { placeId: string } | { offerPlaceId: string } | { offerId: string };
  /** "le lieu « Médiathèque »", "l'offre « Ateliers » à « Médiathèque »". */
  name: string;
  offerId: string | null;
  /** The place's name (a place, an offer at a place) and the offer's title (an offer), for headings. */
  placeName: string | null;
  offerTitle: string | null;
  /** For an offer at a place: the place's own hours, which apply when the offer has none. */
  place: (Hours & { name: string }) | null;
}

const slotSelect = {
  weekday: true,
  opensAtMinute: true,
  closesAtMinute: true,
  appointmentOnly: true,
  validFrom: true,
  validUntil: true,
} as const;
const exceptionSelect = { startsOn: true, endsOn: true, closed: true, opensAtMinute: true, closesAtMinute: true, label: true } as const;
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

type SlotRow = { weekday: number; opensAtMinute: number; closesAtMinute: number; appointmentOnly: boolean; validFrom: Date | null; validUntil: Date | null };
type ExceptionRow = { startsOn: Date; endsOn: Date; closed: boolean; opensAtMinute: number | null; closesAtMinute: number | null; label: string };

function toHours(slots: SlotRow[], exceptions: ExceptionRow[], publicHolidays: HolidayRule | null): Hours {
  return {
    slots: slots
      .map((slot) => ({ ...slot, validFrom: day(slot.validFrom), validUntil: day(slot.validUntil) }))
      .sort((a, b) => a.weekday - b.weekday || a.opensAtMinute - b.opensAtMinute || a.closesAtMinute - b.closesAtMinute),
    exceptions: exceptions
      .map((exception) => ({ ...exception, startsOn: day(exception.startsOn)!, endsOn: day(exception.endsOn)! }))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.label.localeCompare(b.label)),
    publicHolidays,
  };
}

/** The version of some hours: a hash of their content, in a fixed order. */
function hoursVersion(hours: Hours): string {
  const canonical = {
    slots: [...hours.slots]
      .map((slot) => [slot.weekday, slot.opensAtMinute, slot.closesAtMinute, slot.appointmentOnly, slot.validFrom ?? null, slot.validUntil ?? null])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    exceptions: [...hours.exceptions]
      .map((exception) => [
        exception.startsOn,
        exception.endsOn,
        exception.closed,
        exception.opensAtMinute ?? null,
        exception.closesAtMinute ?? null,
        exception.label,
      ])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    publicHolidays: hours.publicHolidays,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 20);
}

/** Whether an offer at a place has hours of its own (the public listing shows the place's otherwise). */
export const hasOwnHours = (hours: Hours) => hours.slots.length > 0;

/** The hours in plain French, as the editor and the history say them. */
function describeHoursOf(target: Pick<HoursTarget, "kind" | "place">, hours: Hours): string {
  if (target.kind === "offerPlace" && !hasOwnHours(hours)) {
    return `mêmes horaires que le lieu (${describeHours({ ...target.place!, publicHolidays: target.place!.publicHolidays ?? "unknown" })})`;
  }
  const publicHolidays = hours.publicHolidays ?? target.place?.publicHolidays ?? "unknown";
  return describeHours({ ...hours, publicHolidays });
}

/**
 * The owner, if it belongs to the structure: a place of the structure, an offer of the structure,
 * or an offer of the structure at any place (a permanence may be held at another structure's place).
 */
async function findHoursTarget(db: Db, structureId: string, owner: HoursOwner): Promise<HoursTarget | null> {
  if (owner.kind === "place") {
    const place = await db.place.findFirst({ where: { id: owner.placeId, structureId }, select: { id: true, name: true } });
    if (!place) return null;
    return {
      kind: "place",
      where: { placeId: place.id },
      name: `le lieu « ${place.name} »`,
      offerId: null,
      placeName: place.name,
      offerTitle: null,
      place: null,
    };
  }
  if (owner.kind === "offer") {
    const offer = await db.offer.findFirst({ where: { id: owner.offerId, structureId }, select: { id: true, title: true } });
    if (!offer) return null;
    return {
      kind: "offer",
      where: { offerId: offer.id },
      name: `l'offre « ${offer.title} »`,
      offerId: offer.id,
      placeName: null,
      offerTitle: offer.title,
      place: null,
    };
  }
  const offerPlace = await db.offerPlace.findFirst({
    where: { offerId: owner.offerId, placeId: owner.placeId, offer: { structureId } },
    select: {
      id: true,
      offer: { select: { id: true, title: true } },
      place: {
        select: { name: true, publicHolidays: true, openingSlots: { select: slotSelect }, openingExceptions: { select: exceptionSelect } },
      },
    },
  });
  if (!offerPlace) return null;
  const { place, offer } = offerPlace;
  return {
    kind: "offerPlace",
    where: { offerPlaceId: offerPlace.id },
    name: `l'offre « ${offer.title} » à « ${place.name} »`,
    offerId: offer.id,
    placeName: place.name,
    offerTitle: offer.title,
    place: { name: place.name, ...toHours(place.openingSlots, place.openingExceptions, place.publicHolidays) },
  };
}

/** One query after the other: inside a transaction (one connection) node-postgres warns of queries sent at once, and pg 9 refuses them. */
async function readHours(db: Db, target: HoursTarget): Promise<Hours> {
  const slots = await db.openingSlot.findMany({ where: target.where, select: slotSelect });
  const exceptions = await db.openingException.findMany({ where: target.where, select: exceptionSelect });
  let publicHolidays: HolidayRule | null = null;
  if ("placeId" in target.where) {
    publicHolidays = (await db.place.findUniqueOrThrow({ where: { id: target.where.placeId }, select: { publicHolidays: true } })).publicHolidays;
  } else if ("offerPlaceId" in target.where) {
    publicHolidays = (await db.offerPlace.findUniqueOrThrow({ where: { id: target.where.offerPlaceId }, select: { publicHolidays: true } }))
      .publicHolidays;
  }
  return toHours(slots, exceptions, publicHolidays);
}

/** An owner's hours for the editor, with their version; null when the owner is not the structure's. */
export async function loadHours(db: Db, structureId: string, owner: HoursOwner) {
  const target = await findHoursTarget(db, structureId, owner);
  if (!target) return null;
  const hours = await readHours(db, target);
  return { target, hours, version: hoursVersion(hours), description: describeHoursOf(target, hours) };
}

/** Locks the owner's row until the end of the transaction, so two saves of its hours run one after the other. */
async function lockOwner(tx: Prisma.TransactionClient, target: HoursTarget) {
  if ("placeId" in target.where) await tx.$queryRaw`SELECT id FROM "Place" WHERE id = ${target.where.placeId}::uuid FOR UPDATE`;
  else if ("offerPlaceId" in target.where) {
    await tx.$queryRaw`SELECT id FROM "OfferPlace" WHERE id = ${target.where.offerPlaceId}::uuid FOR UPDATE`;
  } else await tx.$queryRaw`SELECT id FROM "Offer" WHERE id = ${target.where.offerId}::uuid FOR UPDATE`;
}

export type SaveHoursOutcome =
  | { ok: true; changed: boolean; version: string; description: string }
  | { ok: false; reason: "not_found" }
  /** `current`: the hours as saved by the other person, in plain French. */
  | { ok: false; reason: "conflict"; current: string };

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * Moves the date of the row that owns these hours: a place's `updatedAt`, or the offer's for its
 * own hours or its hours at a place. Slots and exceptions have no date of their own, and the
 * public API's `updated_since` and the exports' `updatedOn`/`date_maj` read the owners' dates
 * (lib/open-data/snapshot.ts `servedDate`): without this, a harvester never sees new hours.
 */
async function touchOwner(tx: Prisma.TransactionClient, target: HoursTarget, publicHolidays: HolidayRule | null, now: Date) {
  if ("placeId" in target.where) {
    await tx.place.update({ where: { id: target.where.placeId }, data: { publicHolidays: publicHolidays!, updatedAt: now } });
    return;
  }
  if ("offerPlaceId" in target.where) await tx.offerPlace.update({ where: { id: target.where.offerPlaceId }, data: { publicHolidays } });
  await tx.offer.update({ where: { id: target.offerId! }, data: { updatedAt: now } });
}

/** `actorId` null: saved without an account (an update campaign's signed link); `also`: the caller's writes in the same transaction. */
export async function saveHours(
  db: PrismaClient,
  input: HoursForm,
  actorId: string | null,
  now = new Date(),
  also?: (tx: Prisma.TransactionClient, changed: boolean) => Promise<void>,
): Promise<SaveHoursOutcome> {
  return db.$transaction(async (tx) => {
    const target = await findHoursTarget(tx, input.structureId, input.owner);
    if (!target) return { ok: false, reason: "not_found" };
    // Before the owner's lock: the territory's row is always locked first (search-version.ts).
    await lockTerritoryFirst(tx, { structureId: input.structureId });
    await lockOwner(tx, target);
    const before = await readHours(tx, target);
    if (hoursVersion(before) !== input.version) {
      return { ok: false, reason: "conflict", current: describeHoursOf(target, before) };
    }
    // The form edits weekly slots without validity dates: a saved slot holds from now on.
    const after: Hours = {
      slots: input.slots.map((slot) => ({ ...slot, validFrom: null, validUntil: null })),
      exceptions: input.exceptions,
      publicHolidays: target.kind === "place" ? input.publicHolidays ?? "closed" : target.kind === "offer" ? null : input.publicHolidays,
    };
    const version = hoursVersion(after);
    const description = describeHoursOf(target, after);
    if (version === input.version) {
      await also?.(tx, false);
      return { ok: true, changed: false, version, description };
    }

    await tx.openingSlot.deleteMany({ where: target.where });
    await tx.openingException.deleteMany({ where: target.where });
    await tx.openingSlot.createMany({
      data: after.slots.map(({ weekday, opensAtMinute, closesAtMinute, appointmentOnly }) => ({
        ...target.where,
        weekday,
        opensAtMinute,
        closesAtMinute,
        appointmentOnly,
      })),
    });
    await tx.openingException.createMany({
      data: after.exceptions.map((exception) => ({
        ...target.where,
        startsOn: asDate(exception.startsOn),
        endsOn: asDate(exception.endsOn),
        closed: exception.closed,
        opensAtMinute: exception.closed ? null : exception.opensAtMinute ?? null,
        closesAtMinute: exception.closed ? null : exception.closesAtMinute ?? null,
        label: exception.label,
      })),
    });
    await touchOwner(tx, target, after.publicHolidays, now);

    const backToPlace = target.kind === "offerPlace" && !hasOwnHours(after);
    await tx.changeRecord.create({
      data: {
        structureId: input.structureId,
        offerId: target.offerId,
        actorId,
        action: target.kind === "place" ? "place.hours.updated" : "offer.hours.updated",
        summary: backToPlace
          ? `Horaires de ${target.name} : retour aux horaires du lieu`
          : `Horaires modifiés : ${target.name}`,
        changes: { horaires: { before: describeHoursOf(target, before), after: description } },
        createdAt: now,
      },
    });
    await also?.(tx, true);
    return { ok: true, changed: true, version, description };
  });
}
