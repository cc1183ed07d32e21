/**
 * Permanences and their sign-up sheets, in the database. A permanence is an offer held at another
 * structure's place (the demo's informaticien public at the Centre social's Maison des Tilleuls);
 * both the structure that holds it and the one that hosts it keep its sheets (policy
 * `structure.receive` on either), so another structure's sheet answers null (404).
 *
 * A sheet is created on first open, one per offer, place, day and start (`INSERT … ON CONFLICT DO
 * NOTHING` on that unique key: two people opening it at once get the same sheet), only for an
 * occurrence the offer's hours at the place really hold (closures and holidays applied).
 */
import type { Actor } from "@/lib/auth/policy";
import { can } from "@/lib/auth/policy";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SheetLineResult } from "@/lib/generated/prisma/enums";
import type { Country } from "@/lib/hours/holidays";
import { formatTime } from "@/lib/hours/format";
import { HOURS_SELECT, offerScheduleAt } from "@/lib/hours/offer-schedule";
import { listItems } from "@/lib/territory-lists/queries";
import { describeOccurrence, mayRecordOutcome, occurrenceAt, phaseOf, timeSlices, withinOccurrence, type Occurrence } from "./rules";
import type { LineInput, OutcomeInput } from "./schemas";

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

export const OFFER_PLACE_SELECT = {
  offerId: true,
  placeId: true,
  publicHolidays: true,
  ...HOURS_SELECT,
  offer: {
    select: {
      id: true,
      title: true,
      structureId: true,
      structure: { select: { name: true } },
      territory: { select: { id: true, timeZone: true, country: true } },
    },
  },
  place: { select: { id: true, name: true, structureId: true, publicHolidays: true, ...HOURS_SELECT, structure: { select: { name: true } } } },
} satisfies Prisma.OfferPlaceSelect;

export type PermanenceRow = Prisma.OfferPlaceGetPayload<{ select: typeof OFFER_PLACE_SELECT }>;

/** An offer at a place of another structure; archived offers hold no permanence. */
export const PERMANENCE_WHERE = { offer: { status: { not: "archived" } } } satisfies Prisma.OfferPlaceWhereInput;
export const isPermanence = (row: { offer: { structureId: string }; place: { structureId: string } }) => row.offer.structureId !== row.place.structureId;

export const scheduleOf = (row: PermanenceRow) =>
  offerScheduleAt(row, { timeZone: row.offer.territory.timeZone, country: row.offer.territory.country as Country });

/** The holder (the offer's structure) and the host (the place's) keep the sheet; nobody else sees it. */
function mayKeepSheet(actor: Actor, row: { offer: { structureId: string; territory: { id: string } }; place: { structureId: string } }) {
  const territoryId = row.offer.territory.id;
  return can(actor, "structure.receive", { structureId: row.offer.structureId, territoryId }) || can(actor, "structure.receive", { structureId: row.place.structureId, territoryId });
}

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export type OpenSheetResult = { ok: true; sheetId: string } | Refusal;

/** The sheet of one occurrence, created if it is the first open. */
export async function openSheet(db: Db, actor: Actor, input: { offerId: string; placeId: string; date: string; startMinute: number }): Promise<OpenSheetResult> {
  const row = await db.offerPlace.findFirst({ where: { offerId: input.offerId, placeId: input.placeId, ...PERMANENCE_WHERE }, select: OFFER_PLACE_SELECT });
  if (!row || !isPermanence(row) || !mayKeepSheet(actor, row)) return refusal({ code: "not_found" });
  const key = { offerId: row.offerId, placeId: row.placeId, date: dateOf(input.date), startMinute: input.startMinute };
  const existing = await db.permanenceSheet.findUnique({ where: { offerId_placeId_date_startMinute: key }, select: { id: true } });
  if (existing) return { ok: true, sheetId: existing.id };
  const occurrence = occurrenceAt(scheduleOf(row), input.date, input.startMinute);
  if (!occurrence) return refusal({ code: "permanence.not_an_occurrence" });
  await db.permanenceSheet.createMany({ data: [{ ...key, territoryId: row.offer.territory.id, endMinute: occurrence.endMinute }], skipDuplicates: true });
  const sheet = await db.permanenceSheet.findUniqueOrThrow({ where: { offerId_placeId_date_startMinute: key }, select: { id: true } });
  return { ok: true, sheetId: sheet.id };
}

const SHEET_SELECT = {
  id: true,
  date: true,
  startMinute: true,
  endMinute: true,
  offer: { select: { id: true, title: true, structureId: true, structure: { select: { name: true } }, territory: { select: { id: true, timeZone: true } } } },
  place: { select: { id: true, name: true, structureId: true, structure: { select: { name: true } } } },
} satisfies Prisma.PermanenceSheetSelect;

type SheetRow = Prisma.PermanenceSheetGetPayload<{ select: typeof SHEET_SELECT }>;

/** The sheet, when the actor keeps it; null otherwise (another structure's, or no such sheet). */
async function sheetFor(db: Db | Tx, actor: Actor, sheetId: string): Promise<(SheetRow & { occurrence: Occurrence }) | null> {
  const sheet = await db.permanenceSheet.findUnique({ where: { id: sheetId }, select: SHEET_SELECT });
  if (!sheet || !mayKeepSheet(actor, sheet)) return null;
  return { ...sheet, occurrence: { date: dayOf(sheet.date), startMinute: sheet.startMinute, endMinute: sheet.endMinute } };
}

export interface SheetLineView {
  id: string;
  personLabel: string | null;
  timeMinute: number | null;
  request: string | null;
  walkIn: boolean;
  categoryId: string | null;
  categoryLabel: string | null;
  result: SheetLineResult | null;
  resultNote: string | null;
  transfer: { id: string; code: string } | null;
  erased: boolean;
}

/** Lines with a time first, in time order; walk-ins without a time after, in the order they came. */
const byTime = (a: SheetLineView & { createdAt: Date }, b: SheetLineView & { createdAt: Date }) =>
  (a.timeMinute ?? 24 * 60) - (b.timeMinute ?? 24 * 60) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** Everything the sheet's pages show: the occurrence, who holds and hosts it, its lines, what may still change. */
export async function loadSheet(db: Db, actor: Actor, sheetId: string, now: Date) {
  const sheet = await sheetFor(db, actor, sheetId);
  if (!sheet) return null;
  const timeZone = sheet.offer.territory.timeZone;
  const [rows, categories] = await Promise.all([
    db.permanenceSheetLine.findMany({
      where: { sheetId: sheet.id },
      select: {
        id: true,
        personLabel: true,
        timeMinute: true,
        request: true,
        walkIn: true,
        categoryId: true,
        category: { select: { label: true } },
        result: true,
        resultNote: true,
        transfer: { select: { id: true, code: true } },
        personalDataErasedAt: true,
        createdAt: true,
      },
    }),
    listItems(db, sheet.offer.territory.id, "request_category"),
  ]);
  const lines = rows
    .map(({ category, personalDataErasedAt, ...row }) => ({ ...row, categoryLabel: category?.label ?? null, erased: personalDataErasedAt !== null }))
    .sort(byTime)
    .map(
      (line): SheetLineView => ({
        id: line.id,
        personLabel: line.personLabel,
        timeMinute: line.timeMinute,
        request: line.request,
        walkIn: line.walkIn,
        categoryId: line.categoryId,
        categoryLabel: line.categoryLabel,
        result: line.result,
        resultNote: line.resultNote,
        transfer: line.transfer,
        erased: line.erased,
      }),
    );
  const { occurrence } = sheet;
  return {
    id: sheet.id,
    occurrence,
    title: describeOccurrence(occurrence),
    offer: { id: sheet.offer.id, title: sheet.offer.title, structureId: sheet.offer.structureId, structureName: sheet.offer.structure.name },
    place: { id: sheet.place.id, name: sheet.place.name, structureId: sheet.place.structureId, structureName: sheet.place.structure.name },
    phase: phaseOf(occurrence, timeZone, now),
    mayRecordOutcome: mayRecordOutcome(occurrence, timeZone, now),
    slices: timeSlices(occurrence),
    lines,
    /** The territory's categories, and an archived one still named by a line (so that its form shows it). */
    categories: [
      ...categories.map((item) => ({ id: item.id, label: item.label })),
      ...lines
        .filter((line) => line.categoryId && !categories.some((item) => item.id === line.categoryId))
        .map((line) => ({ id: line.categoryId!, label: `${line.categoryLabel} (archivée)` }))
        .filter((item, index, all) => all.findIndex((other) => other.id === item.id) === index),
    ],
  };
}

export type SheetView = NonNullable<Awaited<ReturnType<typeof loadSheet>>>;

const hoursOf = (occurrence: Occurrence) => `de ${formatTime(occurrence.startMinute)} à ${formatTime(occurrence.endMinute)}`;

export type LineResult = { ok: true; lineId: string } | Refusal;

/** Adds a line, or changes one before the permanence is over. A sign-up has a time; a walk-in may have none. */
export async function saveLine(db: Db, actor: Actor & { userId?: string }, input: LineInput, now: Date): Promise<LineResult> {
  const sheet = await sheetFor(db, actor, input.sheetId);
  if (!sheet) return refusal({ code: "not_found" });
  const timeZone = sheet.offer.territory.timeZone;
  if (input.lineId) {
    const line = await db.permanenceSheetLine.findFirst({ where: { id: input.lineId, sheetId: sheet.id }, select: { id: true } });
    if (!line) return refusal({ code: "not_found" });
    if (phaseOf(sheet.occurrence, timeZone, now) === "after") return refusal({ code: "permanence.sheet_closed" });
  }
  const minute = input.otherTime ?? input.time;
  if (minute === null && !input.walkIn) return refusal({ code: "permanence.time_required" }, "time");
  if (minute !== null && !withinOccurrence(sheet.occurrence, minute)) {
    return refusal({ code: "permanence.time_outside", params: { hours: hoursOf(sheet.occurrence) } }, input.otherTime !== null ? "otherTime" : "time");
  }
  const data = { personLabel: input.personLabel, timeMinute: minute, request: input.request, walkIn: input.walkIn };
  if (input.lineId) {
    await db.permanenceSheetLine.update({ where: { id: input.lineId }, data });
    return { ok: true, lineId: input.lineId };
  }
  const created = await db.permanenceSheetLine.create({ data: { ...data, sheetId: sheet.id, createdById: actor.userId ?? null }, select: { id: true } });
  return { ok: true, lineId: created.id };
}

/** Deletes a line before the permanence is over; a line a transfer was started from stays. */
export async function deleteLine(db: Db, actor: Actor, input: { sheetId: string; lineId: string }, now: Date): Promise<{ ok: true } | Refusal> {
  const sheet = await sheetFor(db, actor, input.sheetId);
  if (!sheet) return refusal({ code: "not_found" });
  const line = await db.permanenceSheetLine.findFirst({ where: { id: input.lineId, sheetId: sheet.id }, select: { id: true, transfer: { select: { code: true } } } });
  if (!line) return refusal({ code: "not_found" });
  if (phaseOf(sheet.occurrence, sheet.offer.territory.timeZone, now) === "after") return refusal({ code: "permanence.sheet_closed" });
  if (line.transfer) return refusal({ code: "permanence.line_has_transfer", params: { code: line.transfer.code } });
  await db.permanenceSheetLine.delete({ where: { id: line.id } });
  return { ok: true };
}

/** A line's request category (from the territory's list) and what happened, from the day of the permanence. */
export async function saveOutcome(db: Db, actor: Actor, input: OutcomeInput, now: Date): Promise<{ ok: true } | Refusal> {
  const sheet = await sheetFor(db, actor, input.sheetId);
  if (!sheet) return refusal({ code: "not_found" });
  const line = await db.permanenceSheetLine.findFirst({ where: { id: input.lineId, sheetId: sheet.id }, select: { id: true, categoryId: true } });
  if (!line) return refusal({ code: "not_found" });
  if (!mayRecordOutcome(sheet.occurrence, sheet.offer.territory.timeZone, now)) {
    return refusal({ code: "permanence.outcome_too_early", params: { day: describeOccurrence(sheet.occurrence) } }, "result");
  }
  if (input.categoryId && input.categoryId !== line.categoryId) {
    const categories = await listItems(db, sheet.offer.territory.id, "request_category");
    if (!categories.some((item) => item.id === input.categoryId)) return refusal({ code: "permanence.category_unknown" }, "categoryId");
  }
  await db.permanenceSheetLine.update({ where: { id: line.id }, data: { categoryId: input.categoryId, result: input.result, resultNote: input.resultNote } });
  return { ok: true };
}

/**
 * A line to start a transfer from: its first name and request, and the offer's structure (the
 * sending structure when the actor is one of its members). Null when the actor does not keep the
 * sheet, or a transfer was already started from it.
 */
export async function lineForTransfer(db: Db | Tx, actor: Actor, lineId: string) {
  const line = await db.permanenceSheetLine.findUnique({
    where: { id: lineId },
    select: { id: true, sheetId: true, personLabel: true, request: true, transferId: true },
  });
  if (!line || line.transferId) return null;
  const sheet = await sheetFor(db, actor, line.sheetId);
  if (!sheet) return null;
  return { id: line.id, sheetId: sheet.id, personLabel: line.personLabel ?? "", request: line.request ?? "", offerStructureId: sheet.offer.structureId };
}

/** Links a new transfer to the line it was started from, in the transfer's transaction; a line links once. */
export async function linkTransferToLine(tx: Tx, lineId: string, transferId: string) {
  const { count } = await tx.permanenceSheetLine.updateMany({ where: { id: lineId, transferId: null }, data: { transferId } });
  return count === 1;
}

/** Where the actor may orient a person from a sheet: the territory's published offers, by structure. */
export async function orientOptions(db: Db, territoryId: string) {
  const offers = await db.offer.findMany({
    where: { territoryId, status: "published", structure: { status: "published" } },
    select: { id: true, title: true, structure: { select: { name: true } } },
    orderBy: [{ structure: { name: "asc" } }, { title: "asc" }],
  });
  return offers.map((offer) => ({ id: offer.id, label: `${offer.structure.name} — ${offer.title}` }));
}
