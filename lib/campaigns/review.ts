/**
 * A structure's review through its signed link: what it is asked about (its card, its places, its
 * offers), its answers item by item, and each way of answering — "rien n'a changé", a correction
 * through the matrix's own forms and rules (lib/offers, lib/hours), "cette offre n'existe plus",
 * temporary hours for a summer campaign. Every answer is written in the transaction of what it
 * does, with a line in the structure's history, and the structure's completion is kept up to date.
 */
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { markOfferVerified, markStructureVerified } from "@/lib/freshness/verify";
import { loadHours, saveHours } from "@/lib/hours/editing";
import { saveOffer, setOfferStatus } from "@/lib/offers/editing";
import type { OfferValues } from "@/lib/offers/schemas";
import { parseTime, type HoursForm } from "@/lib/hours/schemas";
import { updatePlace } from "@/lib/places/editing";
import type { PlaceInput } from "@/lib/places/schemas";
import type { StructureIdentity } from "@/lib/structures/schemas";
import { saveStructureIdentity } from "@/lib/structures/update";
import type { AnswerKind } from "./rules";

type Tx = Prisma.TransactionClient;
export type ItemKind = "structure" | "place" | "offer";

/** The campaign's structure, as its link opens it. */
export interface ReviewTarget {
  id: string;
  structureId: string;
  campaign: { id: string; title: string; temporaryFrom: Date | null; temporaryUntil: Date | null };
}

const ANSWER_WORDS: Record<AnswerKind, string> = {
  unchanged: "rien n'a changé",
  changed: "corrigé",
  removed: "n'existe plus",
  temporary: "horaires de la période indiqués",
};

/** The items a structure is asked about: its card, its places, its offers that are not archived. */
export async function reviewItems(db: Pick<PrismaClient, "structure">, structureId: string) {
  const structure = await db.structure.findUniqueOrThrow({
    where: { id: structureId },
    select: {
      id: true,
      name: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      territory: { select: { slug: true, name: true, timeZone: true } },
      places: { select: { id: true, name: true, address: true, postalCode: true, communeName: true }, orderBy: { name: "asc" } },
      offers: {
        where: { status: { not: "archived" } },
        select: { id: true, title: true, status: true, lastVerifiedAt: true, places: { select: { place: { select: { name: true } } } } },
        orderBy: { title: "asc" },
      },
    },
  });
  return structure;
}

/**
 * How many items the structure has now, for its completion. One query after the other: a
 * transaction is one connection, on which node-postgres warns of queries sent at once (pg 9
 * refuses them).
 */
async function itemCount(tx: Tx, structureId: string) {
  const places = await tx.place.count({ where: { structureId } });
  const offers = await tx.offer.count({ where: { structureId, status: { not: "archived" } } });
  return 1 + places + offers;
}

/** Records (or replaces) the answer on one item, with a history line, and the structure's completion. */
async function recordAnswer(tx: Tx, target: ReviewTarget, kind: ItemKind, itemId: string, answer: AnswerKind, what: string, now: Date) {
  await tx.campaignItemAnswer.upsert({
    where: { targetId_kind_itemId: { targetId: target.id, kind, itemId } },
    create: { targetId: target.id, kind, itemId, answer, answeredAt: now },
    update: { answer, answeredAt: now },
  });
  await tx.changeRecord.create({
    data: {
      structureId: target.structureId,
      offerId: kind === "offer" ? itemId : null,
      action: "campaign.answered",
      summary: `Campagne « ${target.campaign.title} », réponse par le lien de mise à jour : ${what}, ${ANSWER_WORDS[answer]}`,
      createdAt: now,
    },
  });
  // An answer on an item removed since (an archived offer) still counts: the structure said it.
  const answers = await tx.campaignItemAnswer.count({ where: { targetId: target.id } });
  const items = await itemCount(tx, target.structureId);
  await tx.campaignTarget.update({ where: { id: target.id }, data: { completedAt: answers >= items ? now : null } });
}

export type ConfirmOutcome = { ok: true; confirmed: number } | { ok: false; reason: "not_found" };

/** "Rien n'a changé" on one item of the structure. */
async function confirmOne(tx: Tx, target: ReviewTarget, kind: ItemKind, itemId: string, now: Date): Promise<boolean> {
  if (kind === "structure") {
    if (itemId !== target.structureId) return false;
    await markStructureVerified(tx, itemId, null, now);
    await recordAnswer(tx, target, kind, itemId, "unchanged", "la fiche de la structure", now);
    return true;
  }
  if (kind === "offer") {
    const offer = await tx.offer.findFirst({ where: { id: itemId, structureId: target.structureId, status: { not: "archived" } }, select: { title: true } });
    if (!offer) return false;
    await markOfferVerified(tx, itemId, null, now);
    await recordAnswer(tx, target, kind, itemId, "unchanged", `l'offre « ${offer.title} »`, now);
    return true;
  }
  const place = await tx.place.findFirst({ where: { id: itemId, structureId: target.structureId }, select: { name: true } });
  if (!place) return false;
  await recordAnswer(tx, target, kind, itemId, "unchanged", `le lieu « ${place.name} »`, now);
  return true;
}

/** "Rien n'a changé" on one item, or on every item not answered yet (`kind` "all"), in one transaction. */
export async function confirmUnchanged(db: PrismaClient, target: ReviewTarget, { kind, itemId }: { kind: ItemKind | "all"; itemId: string }, now = new Date()): Promise<ConfirmOutcome> {
  return db.$transaction(async (tx) => {
    if (kind !== "all") return (await confirmOne(tx, target, kind, itemId, now)) ? { ok: true, confirmed: 1 } : { ok: false, reason: "not_found" };
    const items = await reviewItems(tx, target.structureId);
    const answered = new Set((await tx.campaignItemAnswer.findMany({ where: { targetId: target.id }, select: { kind: true, itemId: true } })).map((row) => `${row.kind}:${row.itemId}`));
    const pending: [ItemKind, string][] = [
      ["structure", items.id] as [ItemKind, string],
      ...items.places.map((place): [ItemKind, string] => ["place", place.id]),
      ...items.offers.map((offer): [ItemKind, string] => ["offer", offer.id]),
    ].filter(([each, id]) => !answered.has(`${each}:${id}`));
    for (const [each, id] of pending) await confirmOne(tx, target, each, id, now);
    return { ok: true, confirmed: pending.length };
  });
}

/** "Cette offre n'existe plus": archived (its history kept), and the answer recorded with it. */
export async function removeOffer(db: PrismaClient, target: ReviewTarget, offerId: string, now = new Date()) {
  return setOfferStatus(db, { structureId: target.structureId, offerId, status: "archived" }, null, now, async (tx) => {
    const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: { title: true } });
    await recordAnswer(tx, target, "offer", offerId, "removed", `l'offre « ${offer.title} »`, now);
  });
}

export type TemporaryOutcome = { ok: true } | { ok: false; reason: "not_found" | "not_temporary" | "conflict" };

/**
 * A summer campaign's answer for a place: its usual hours hold, or it is closed, or it keeps
 * special hours over the campaign's dates — an opening exception labelled with the campaign's
 * title, saved through the hours editor's own rules (lib/hours/editing.ts). Answering again
 * replaces the exception this campaign wrote.
 */
export async function answerTemporaryHours(
  db: PrismaClient,
  target: ReviewTarget,
  input: { placeId: string; choice: "usual" | "closed" | "special"; opens: string; closes: string },
  now = new Date(),
): Promise<TemporaryOutcome> {
  const { temporaryFrom, temporaryUntil, title } = target.campaign;
  if (!temporaryFrom || !temporaryUntil) return { ok: false, reason: "not_temporary" };
  const owner = { kind: "place" as const, placeId: input.placeId };
  const loaded = await loadHours(db, target.structureId, owner);
  if (!loaded) return { ok: false, reason: "not_found" };
  const startsOn = temporaryFrom.toISOString().slice(0, 10);
  const endsOn = temporaryUntil.toISOString().slice(0, 10);
  const others = loaded.hours.exceptions.filter((exception) => !(exception.label === title && exception.startsOn === startsOn && exception.endsOn === endsOn));
  const added =
    input.choice === "usual"
      ? []
      : [
          input.choice === "closed"
            ? { startsOn, endsOn, closed: true, label: title }
            : { startsOn, endsOn, closed: false, opensAtMinute: parseTime(input.opens)!, closesAtMinute: parseTime(input.closes, true)!, label: title },
        ];
  const outcome = await saveHours(
    db,
    {
      structureId: target.structureId,
      version: loaded.version,
      owner,
      usesPlaceHours: false,
      slots: loaded.hours.slots,
      exceptions: [...others, ...added],
      publicHolidays: loaded.hours.publicHolidays ?? "closed",
    },
    null,
    now,
    (tx) => recordAnswer(tx, target, "place", input.placeId, input.choice === "usual" ? "unchanged" : "temporary", `les horaires du lieu « ${loaded.target.placeName} » du ${startsOn} au ${endsOn}`, now),
  );
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  return { ok: true };
}

/** What the structure answered so far, by item. */
export async function answersOf(db: Pick<PrismaClient, "campaignItemAnswer">, targetId: string) {
  const rows = await db.campaignItemAnswer.findMany({ where: { targetId }, select: { kind: true, itemId: true, answer: true, answeredAt: true } });
  return new Map(rows.map((row) => [`${row.kind}:${row.itemId}`, row]));
}

/** A correction of an offer through the link: the matrix's own save (rules, concurrency, history), and the answer with it. */
export function saveOfferThroughLink(db: PrismaClient, target: ReviewTarget, input: OfferValues, now = new Date()) {
  return saveOffer(db, { ...input, structureId: target.structureId }, null, now, (tx, changed) =>
    recordAnswer(tx, target, "offer", input.offerId!, changed ? "changed" : "unchanged", `l'offre « ${input.title} »`, now),
  );
}

/** A correction of hours through the link: a place's (its answer), or an offer's own (the offer's answer). */
export function saveHoursThroughLink(db: PrismaClient, target: ReviewTarget, input: HoursForm, now = new Date()) {
  const item: [ItemKind, string] = input.owner.kind === "place" ? ["place", input.owner.placeId] : ["offer", input.owner.offerId];
  return saveHours(db, { ...input, structureId: target.structureId }, null, now, (tx, changed) =>
    recordAnswer(tx, target, item[0], item[1], changed ? "changed" : "unchanged", item[0] === "place" ? "les horaires d'un lieu" : "les horaires d'une offre", now),
  );
}

/** A correction of a place (name, address, access) through the link: the matrix's own save, and the answer with it. */
export function savePlaceThroughLink(db: PrismaClient, target: ReviewTarget, input: PlaceInput & { placeId: string }, now = new Date()) {
  return updatePlace(db, { ...input, structureId: target.structureId }, null, (tx, changed) =>
    recordAnswer(tx, target, "place", input.placeId, changed ? "changed" : "unchanged", `le lieu « ${input.name} »`, now),
  );
}

/** A correction of the structure's card (name, contact, identifiers, typology, labels) through the link, and the answer with it. */
export function saveCardThroughLink(db: PrismaClient, target: ReviewTarget, input: StructureIdentity, now = new Date()) {
  return saveStructureIdentity(db, { ...input, structureId: target.structureId }, null, (tx, changed) =>
    recordAnswer(tx, target, "structure", target.structureId, changed ? "changed" : "unchanged", "la fiche de la structure", now),
  );
}
