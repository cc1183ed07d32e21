/**
 * The organiser's side of workshops: create and cancel a session, add a person, confirm or
 * decline a resident's request, cancel a registration (the first person waiting moves up), mark
 * attendance. The server actions check the policy (`structure.receive` on the session's
 * structure); every function here scopes its reads and writes to that structure, so a forged id
 * changes nothing, and runs with the session's row locked (lib/workshops/seats.ts).
 */
import type { PrismaClient } from "@/lib/db";
import { refusal, type Refusal } from "@/lib/errors/app-error";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";
import { zonedInstant } from "@/lib/hours/rules";
import type { RegistrationCommand, SessionInput } from "./schemas";
import { lockSession, moveUpWaitlist, seatOrWaitlist, tellPerson } from "./seats";

type Ok<T = object> = { ok: true } & T;

/** The session, if it is this structure's. */
async function sessionOf(db: Pick<PrismaClient, "workshopSession">, structureId: string, sessionId: string) {
  return db.workshopSession.findFirst({ where: { id: sessionId, structureId }, select: { id: true } });
}

export async function createSession(db: PrismaClient, input: SessionInput, now: Date): Promise<Ok<{ sessionId: string }> | Refusal> {
  const offer = await db.offer.findFirst({
    where: { id: input.offerId, structureId: input.structureId, status: { not: "archived" } },
    select: { id: true, territoryId: true, territory: { select: { timeZone: true } }, places: { select: { placeId: true } } },
  });
  if (!offer) return refusal({ code: "workshop.offer_unknown" }, "offerId");
  if (input.placeId) {
    const ownPlace = await db.place.count({ where: { id: input.placeId, structureId: input.structureId } });
    if (!ownPlace && !offer.places.some((place) => place.placeId === input.placeId)) return refusal({ code: "workshop.place_unknown" }, "placeId");
  }
  const startsAt = zonedInstant(input.date, input.startTime, offer.territory.timeZone);
  const endsAt = zonedInstant(input.date, input.endTime, offer.territory.timeZone);
  if (startsAt <= now) return refusal({ code: "workshop.in_the_past" }, "date");
  const created = await db.$transaction(async (tx) => {
    await lockTerritoryFirst(tx, { territoryId: offer.territoryId });
    return tx.workshopSession.create({
      data: {
        territoryId: offer.territoryId,
        structureId: input.structureId,
        offerId: offer.id,
        placeId: input.placeId,
        theme: input.theme,
        description: input.description,
        startsAt,
        endsAt,
        capacity: input.capacity,
        equipment: input.equipment,
        residentsMayAsk: input.residentsMayAsk,
      },
      select: { id: true },
    });
  });
  return { ok: true, sessionId: created.id };
}

export async function cancelSession(db: PrismaClient, structureId: string, sessionId: string, reason: string): Promise<Ok | Refusal> {
  if (!(await sessionOf(db, structureId, sessionId))) return refusal({ code: "not_found" });
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session || session.status !== "scheduled") return refusal({ code: "workshop.already_cancelled" });
    await tx.workshopSession.update({ where: { id: sessionId }, data: { status: "cancelled", cancelReason: reason } });
    const people = await tx.workshopRegistration.findMany({
      where: { sessionId, status: { in: ["requested", "confirmed", "waitlisted"] } },
      select: { personLabel: true, personalDetailsEncrypted: true },
    });
    for (const person of people) await tellPerson(tx, person, session, "session_cancelled", { reason });
    return { ok: true };
  });
}

/** The organiser adds someone by first name (at the desk, on the phone): a seat if one is left, else the waiting list. */
export async function addPerson(
  db: PrismaClient,
  input: { structureId: string; sessionId: string; personLabel: string },
  now: Date,
): Promise<Ok<{ status: "confirmed" | "waitlisted" }> | Refusal> {
  if (!(await sessionOf(db, input.structureId, input.sessionId))) return refusal({ code: "not_found" });
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (!session || session.status !== "scheduled") return refusal({ code: "workshop.already_cancelled" });
    const seat = await seatOrWaitlist(tx, session, now);
    await tx.workshopRegistration.create({ data: { sessionId: session.id, channel: "staff", personLabel: input.personLabel, consentScope: [], ...seat } });
    return { ok: true, status: seat.status };
  });
}

const FROM: Record<RegistrationCommand, ("requested" | "confirmed" | "waitlisted")[]> = {
  confirm: ["requested"],
  decline: ["requested"],
  cancel: ["requested", "confirmed", "waitlisted"],
  attended: ["confirmed"],
  absent: ["confirmed"],
};

/**
 * One command on one registration, conditional on the status it started from: of two organisers
 * clicking at once, the second is told it was already done.
 */
export async function commandRegistration(
  db: PrismaClient,
  input: { structureId: string; sessionId: string; registrationId: string; command: RegistrationCommand },
  now: Date,
): Promise<Ok | Refusal> {
  if (!(await sessionOf(db, input.structureId, input.sessionId))) return refusal({ code: "not_found" });
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (!session) return refusal({ code: "not_found" });
    const registration = await tx.workshopRegistration.findFirst({
      where: { id: input.registrationId, sessionId: session.id },
      select: { id: true, status: true, personLabel: true, personalDetailsEncrypted: true },
    });
    if (!registration) return refusal({ code: "not_found" });
    if (!(FROM[input.command] as string[]).includes(registration.status)) return refusal({ code: "workshop.already_changed" });
    if ((input.command === "attended" || input.command === "absent") && session.startsAt > now) return refusal({ code: "workshop.not_started" });
    if (input.command === "confirm" && session.status !== "scheduled") return refusal({ code: "workshop.already_cancelled" });

    const data =
      input.command === "confirm"
        ? await seatOrWaitlist(tx, session, now)
        : input.command === "decline"
          ? { status: "declined" as const }
          : input.command === "cancel"
            ? { status: "cancelled" as const, cancelledAt: now }
            : { attended: input.command === "attended" };
    const updated = await tx.workshopRegistration.updateMany({ where: { id: registration.id, status: registration.status }, data });
    if (updated.count === 0) return refusal({ code: "workshop.already_changed" });

    if (input.command === "confirm") await tellPerson(tx, registration, session, data.status === "confirmed" ? "confirmed" : "waitlisted");
    if (input.command === "decline") await tellPerson(tx, registration, session, "declined");
    if (input.command === "cancel" && registration.status === "confirmed") await moveUpWaitlist(tx, session, now);
    return { ok: true };
  });
}
