/**
 * The phone line's calls, in the database. A structure declares a phone line (an offer with
 * `phoneLine`, no place, its own hours being the phone permanences); its members (policy
 * `structure.receive`) take the calls and keep the call sheets. Every read is scoped to the
 * actor's structures in the query itself: another structure's call answers null (404).
 *
 * No personal data: the request is a few words without a name; a message sent by SMS or email
 * goes to the outbox with the person's consent, and the number or address is not kept on the call.
 */
import { can, scopeFor, type Actor } from "@/lib/auth/policy";
import { enqueueEmail } from "@/lib/email/outbox";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Country } from "@/lib/hours/holidays";
import { HOURS_SELECT, offerScheduleAt, remoteOfferSchedule } from "@/lib/hours/offer-schedule";
import { openingStatus, type OpeningStatus } from "@/lib/hours/rules";
import { orientOptions } from "@/lib/permanences/sheets";
import { enqueueSms } from "@/lib/sms/outbox";
import { listItems } from "@/lib/territory-lists/queries";
import { comeMessage, durationSeconds, type CallAnalysis } from "./rules";
import type { OutcomeInput, SheetInput } from "./schemas";

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

function findStructureForCalls(db: Db, actor: Actor, structureId: string) {
  return db.structure.findFirst({
    where: { AND: [{ id: structureId }, scopeFor(actor, "structure.receive")] },
    select: { id: true, name: true, territoryId: true, territory: { select: { timeZone: true, country: true } } },
  });
}

/** A structure's phone lines (archived ones take no call). */
function phoneLinesOf(db: Db, structureId: string) {
  return db.offer.findMany({
    where: { structureId, phoneLine: true, status: { not: "archived" } },
    select: { id: true, title: true, status: true, ...HOURS_SELECT },
    orderBy: { title: "asc" },
  });
}

const RECENT_CALLS = 30;

/** `/structures/<id>/appels`: the lines, whether a phone permanence is on, the recent calls. */
export async function loadCalls(db: Db, actor: Actor, structureId: string, now: Date) {
  const structure = await findStructureForCalls(db, actor, structureId);
  if (!structure) return null;
  const territory = { timeZone: structure.territory.timeZone, country: structure.territory.country as Country };
  const [lines, calls] = await Promise.all([
    phoneLinesOf(db, structure.id),
    db.phoneCall.findMany({
      where: { structureId: structure.id },
      orderBy: { startedAt: "desc" },
      take: RECENT_CALLS,
      select: {
        id: true,
        startedAt: true,
        endedAt: true,
        durationSeconds: true,
        outcome: true,
        offer: { select: { title: true } },
        categoryItem: { select: { label: true } },
        transfer: { select: { code: true } },
      },
    }),
  ]);
  return {
    structure: { id: structure.id, name: structure.name, timeZone: territory.timeZone },
    lines: lines.map((line) => ({
      id: line.id,
      title: line.title,
      draft: line.status === "draft",
      status: openingStatus(remoteOfferSchedule(line, territory), now) as OpeningStatus,
      hasHours: line.openingSlots.length > 0,
    })),
    calls: calls.map((call) => ({
      id: call.id,
      startedAt: call.startedAt,
      ongoing: call.endedAt === null,
      durationSeconds: call.durationSeconds,
      outcome: call.outcome,
      lineTitle: call.offer.title,
      category: call.categoryItem?.label ?? null,
      transferCode: call.transfer?.code ?? null,
    })),
  };
}

export type StartCallResult = { ok: true; callId: string } | Refusal;

/** "Nouvel appel": a call sheet on one of the structure's lines, started at the server's clock. */
export async function startCall(db: Db, actor: Actor & { userId?: string }, input: { structureId: string; offerId: string }, now: Date): Promise<StartCallResult> {
  const structure = await findStructureForCalls(db, actor, input.structureId);
  if (!structure) return refusal({ code: "not_found" });
  const line = await db.offer.findFirst({ where: { id: input.offerId, structureId: structure.id, phoneLine: true, status: { not: "archived" } }, select: { id: true } });
  if (!line) return refusal({ code: "phone_call.not_a_line" });
  const call = await db.phoneCall.create({
    data: { territoryId: structure.territoryId, structureId: structure.id, offerId: line.id, takenById: actor.userId ?? null, startedAt: now },
    select: { id: true },
  });
  return { ok: true, callId: call.id };
}

const CALL_SELECT = {
  id: true,
  territoryId: true,
  structureId: true,
  startedAt: true,
  endedAt: true,
  durationSeconds: true,
  request: true,
  categoryItemId: true,
  categoryItem: { select: { label: true } },
  needSlug: true,
  difficulty: true,
  urgency: true,
  deadline: true,
  digitalEase: true,
  equipment: true,
  posture: true,
  ageBand: true,
  commune: true,
  distance: true,
  outcome: true,
  outcomeOfferId: true,
  outcomeOffer: { select: { id: true, title: true, structure: { select: { name: true } } } },
  appointmentId: true,
  appointment: { select: { id: true, startsAt: true } },
  transferId: true,
  transfer: { select: { id: true, code: true } },
  messageText: true,
  messageSentBy: true,
  outcomeNote: true,
  erasedAt: true,
  offer: { select: { id: true, title: true } },
  structure: { select: { id: true, name: true } },
  territory: { select: { id: true, slug: true, timeZone: true, country: true } },
} satisfies Prisma.PhoneCallSelect;

type CallRow = Prisma.PhoneCallGetPayload<{ select: typeof CALL_SELECT }>;

/** The call, when the actor is a member of the structure holding the line; null otherwise. */
function callFor(db: Db | Tx, actor: Actor, callId: string): Promise<CallRow | null> {
  return db.phoneCall.findFirst({ where: { id: callId, structure: scopeFor(actor, "structure.receive") }, select: CALL_SELECT });
}

/** The call's 3-A, as the orientation assistant and the transfer form read it. */
function analysisOf(call: Pick<CallRow, "request" | "needSlug" | "difficulty" | "urgency" | "deadline" | "digitalEase" | "equipment" | "posture" | "ageBand" | "commune" | "distance">): CallAnalysis {
  return {
    request: call.request,
    needSlug: call.needSlug,
    difficulty: call.difficulty,
    urgency: call.urgency,
    deadline: call.deadline ? dayOf(call.deadline) : null,
    digitalEase: call.digitalEase,
    equipment: call.equipment,
    posture: call.posture,
    ageBand: call.ageBand,
    commune: call.commune,
    distance: call.distance,
  };
}

/** Where and when an offer is next open, and what to bring: the "come to the permanence" message. */
async function comeMessageFor(db: Db, offerId: string, territory: { timeZone: string; country: string }, now: Date): Promise<string | null> {
  const offer = await db.offer.findUnique({
    where: { id: offerId },
    select: {
      title: true,
      documentsToBring: true,
      structure: { select: { name: true } },
      ...HOURS_SELECT,
      places: {
        select: {
          publicHolidays: true,
          ...HOURS_SELECT,
          place: { select: { name: true, address: true, postalCode: true, communeName: true, publicHolidays: true, ...HOURS_SELECT } },
        },
      },
    },
  });
  if (!offer) return null;
  const zone = { timeZone: territory.timeZone, country: territory.country as Country };
  const opening = (status: OpeningStatus) =>
    status.open ? { at: now, until: status.closesAt, appointmentOnly: status.appointmentOnly } : status.nextOpensAt ? { at: status.nextOpensAt, appointmentOnly: status.appointmentOnly } : null;
  // The place that opens first (a place with no known opening last).
  const atPlaces = offer.places
    .map((row) => ({ place: row.place, next: opening(openingStatus(offerScheduleAt(row, zone), now)) }))
    .sort((a, b) => (a.next?.at.getTime() ?? Infinity) - (b.next?.at.getTime() ?? Infinity));
  const first = atPlaces[0];
  return comeMessage({
    offerTitle: offer.title,
    structureName: offer.structure.name,
    place: first ? first.place : null,
    nextOpening: first ? first.next : opening(openingStatus(remoteOfferSchedule(offer, zone), now)),
    documents: offer.documentsToBring,
    timeZone: territory.timeZone,
  });
}

/** Appointments of an offer booked since the call started (by the actor's structures), not cancelled, not taken by another call. */
function appointmentsSince(db: Db | Tx, actor: Actor, call: Pick<CallRow, "id" | "startedAt">, offerId: string) {
  return db.appointment.findMany({
    where: {
      offerId,
      createdAt: { gte: call.startedAt },
      status: { not: "cancelled" },
      structure: scopeFor(actor, "structure.receive"),
      OR: [{ phoneCall: null }, { phoneCall: { id: call.id } }],
    },
    select: { id: true, startsAt: true },
    orderBy: { startsAt: "asc" },
  });
}

/** Everything the call sheet shows; `chosenOfferId`: the offer picked for the outcome (a GET parameter). */
export async function loadCall(db: Db, actor: Actor, callId: string, { chosenOfferId }: { chosenOfferId?: string }, now: Date) {
  const call = await callFor(db, actor, callId);
  if (!call) return null;
  const [categories, offers] = await Promise.all([listItems(db, call.territoryId, "request_category"), orientOptions(db, call.territoryId)]);
  const chosenId = offers.find((offer) => offer.id === chosenOfferId)?.id ?? call.outcomeOfferId;
  const chosen = chosenId ? await db.offer.findUnique({ where: { id: chosenId }, select: { id: true, title: true, structureId: true } }) : null;
  const mayBook = chosen ? can(actor, "structure.receive", { structureId: chosen.structureId, territoryId: call.territoryId }) : false;
  const [message, appointments] = chosen
    ? await Promise.all([comeMessageFor(db, chosen.id, call.territory, now), appointmentsSince(db, actor, call, chosen.id)])
    : [null, []];
  return {
    call,
    analysis: analysisOf(call),
    categories: [
      ...categories.map((item) => ({ id: item.id, label: item.label })),
      ...(call.categoryItemId && !categories.some((item) => item.id === call.categoryItemId) ? [{ id: call.categoryItemId, label: `${call.categoryItem?.label} (archivée)` }] : []),
    ],
    offers,
    chosen: chosen
      ? {
          id: chosen.id,
          title: chosen.title,
          message,
          bookingHref: mayBook ? `/structures/${chosen.structureId}/rendez-vous/nouveau?offre=${chosen.id}` : null,
          appointments,
        }
      : null,
  };
}


/** 1. Accueil and 2. Analyse, saved together. */
export async function saveSheet(db: Db, actor: Actor, input: SheetInput): Promise<{ ok: true } | Refusal> {
  const call = await callFor(db, actor, input.callId);
  if (!call) return refusal({ code: "not_found" });
  if (input.categoryItemId && input.categoryItemId !== call.categoryItemId) {
    const categories = await listItems(db, call.territoryId, "request_category");
    if (!categories.some((item) => item.id === input.categoryItemId)) return refusal({ code: "phone_call.category_unknown" }, "categoryItemId");
  }
  await db.phoneCall.update({
    where: { id: call.id },
    data: {
      request: input.request,
      categoryItemId: input.categoryItemId,
      needSlug: input.needSlug,
      difficulty: input.difficulty,
      urgency: input.urgency,
      deadline: input.deadline ? dateOf(input.deadline) : null,
      digitalEase: input.digitalEase,
      equipment: input.equipment,
      posture: input.posture,
      ageBand: input.ageBand,
      commune: input.commune,
      distance: input.distance,
    },
  });
  return { ok: true };
}

/**
 * 4. Issue de l'appel. The offer is a published offer of the territory; an appointment was booked
 * for it since the call started; a message is sent only with the person's consent, and the
 * number or address goes into the outbox row only, never onto the call.
 */
export async function recordOutcome(db: Db, actor: Actor, input: OutcomeInput, now: Date): Promise<{ ok: true; sent: boolean } | Refusal> {
  const call = await callFor(db, actor, input.callId);
  if (!call) return refusal({ code: "not_found" });
  if (call.transfer && input.outcome !== "redirected") return refusal({ code: "phone_call.has_transfer", params: { code: call.transfer.code } }, "outcome");
  if (input.outcomeOfferId) {
    const offer = await db.offer.findFirst({ where: { id: input.outcomeOfferId, territoryId: call.territoryId, status: "published", structure: { status: "published" } }, select: { id: true } });
    if (!offer) return refusal({ code: "phone_call.offer_unknown" }, "outcomeOfferId");
  }
  let appointmentId: string | null = null;
  if (input.outcome === "appointment_given") {
    const appointments = await appointmentsSince(db, actor, call, input.outcomeOfferId!);
    if (!appointments.some((appointment) => appointment.id === input.appointmentId)) return refusal({ code: "phone_call.appointment_unknown" }, "appointmentId");
    appointmentId = input.appointmentId;
  }
  const sendBy = input.sendBy;
  await db.$transaction(async (tx) => {
    await tx.phoneCall.update({
      where: { id: call.id },
      data: {
        outcome: input.outcome,
        // A transfer made from the call keeps its offer.
        outcomeOfferId: call.transfer ? call.outcomeOfferId : input.outcomeOfferId,
        appointmentId,
        messageText: input.messageText,
        messageSentBy: sendBy ?? call.messageSentBy,
        outcomeNote: input.outcomeNote,
      },
    });
    if (sendBy === "sms") await enqueueSms(tx, { to: input.phone!, text: input.messageText! }, now);
    if (sendBy === "email") await enqueueEmail(tx, { to: input.email!, subject: `${call.structure.name} : votre demande`, text: input.messageText! });
  });
  return { ok: true, sent: sendBy !== null };
}

/** "Terminer l'appel": the end and the duration, once (two clicks end it once). */
export async function endCall(db: Db, actor: Actor, callId: string, now: Date): Promise<{ ok: true } | Refusal> {
  const call = await callFor(db, actor, callId);
  if (!call) return refusal({ code: "not_found" });
  const { count } = await db.phoneCall.updateMany({ where: { id: call.id, endedAt: null }, data: { endedAt: now, durationSeconds: durationSeconds(call.startedAt, now) } });
  return count === 1 ? { ok: true } : refusal({ code: "phone_call.already_ended" });
}

/**
 * A call to start a transfer from: its request and 3-A, and the line's structure (the sending
 * structure). Null when the actor is not a member of that structure, or a transfer was already
 * made from the call.
 */
export async function callForTransfer(db: Db | Tx, actor: Actor, callId: string) {
  const call = await callFor(db, actor, callId);
  if (!call || call.transferId) return null;
  return { id: call.id, structureId: call.structureId, analysis: analysisOf(call) };
}

/** Links a new transfer to the call it was made from, in the transfer's transaction; a call links once. */
export async function linkTransferToCall(tx: Tx, callId: string, transfer: { id: string; offerId: string }) {
  const { count } = await tx.phoneCall.updateMany({
    where: { id: callId, transferId: null },
    data: { transferId: transfer.id, outcome: "redirected", outcomeOfferId: transfer.offerId, appointmentId: null },
  });
  return count === 1;
}
