"use server";

/**
 * The workshops' server actions. The organiser's (`structure.receive` on the session's structure,
 * the functions scoping every read and write to it) and the resident's (`publicAction`: no
 * account, a honeypot, rate limits per address and contact in `requestSeat`).
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import type { SignedInActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError, refusal } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { publicAction } from "@/lib/public-offer/public-action";
import { structureRef } from "@/lib/structures/refs";
import { addPerson, cancelSession, commandRegistration, createSession } from "./editing";
import { cancelSeatByToken, requestSeat } from "./public";
import { addPersonSchema, cancelSessionSchema, registrationCommandSchema, seatCancelSchema, seatRequestSchema, sessionSchema } from "./schemas";

async function receives(actor: SignedInActor, structureId: string) {
  const ref = await structureRef(db, structureId);
  return !!ref && can(actor, "structure.receive", ref);
}

const sessionPage = (structureId: string, sessionId: string) => `/structures/${structureId}/ateliers/${sessionId}`;

export const createSessionAction = authorizedAction(
  sessionSchema,
  (actor, input) => receives(actor, input.structureId),
  async (_actor, input): Promise<HandlerResult> => {
    const created = await createSession(db, input, new Date());
    if (!created.ok) return created;
    redirect(sessionPage(input.structureId, created.sessionId));
  },
);

export const cancelSessionAction = authorizedAction(
  cancelSessionSchema,
  (actor, input) => receives(actor, input.structureId),
  async (_actor, input): Promise<HandlerResult> => {
    const outcome = await cancelSession(db, input.structureId, input.sessionId, input.reason);
    if (!outcome.ok) return outcome;
    revalidatePath(sessionPage(input.structureId, input.sessionId));
    return { ok: true, data: null, message: "Atelier annulé ; les personnes qui ont laissé un courriel sont prévenues." };
  },
);

export const addPersonAction = authorizedAction(
  addPersonSchema,
  (actor, input) => receives(actor, input.structureId),
  async (_actor, input): Promise<HandlerResult> => {
    const outcome = await addPerson(db, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(sessionPage(input.structureId, input.sessionId));
    return {
      ok: true,
      data: null,
      message: outcome.status === "confirmed" ? `${input.personLabel} est inscrit(e).` : `Complet : ${input.personLabel} est sur la liste d'attente.`,
    };
  },
);

const DONE: Record<string, string> = {
  confirm: "Demande traitée.",
  decline: "Demande refusée.",
  cancel: "Inscription annulée ; la première personne en attente prend la place.",
  attended: "Présence notée.",
  absent: "Absence notée.",
};

export const registrationCommandAction = authorizedAction(
  registrationCommandSchema,
  (actor, input) => receives(actor, input.structureId),
  async (_actor, input): Promise<HandlerResult> => {
    const outcome = await commandRegistration(db, input, new Date());
    if (!outcome.ok) return outcome;
    revalidatePath(sessionPage(input.structureId, input.sessionId));
    return { ok: true, data: null, message: DONE[input.command] };
  },
);

function registrationPath(territory: string, token: string, locale: Locale, done?: string) {
  const query = new URLSearchParams();
  if (locale !== "fr") query.set("lang", locale);
  if (done) query.set("fait", done);
  const search = query.toString();
  return `/t/${encodeURIComponent(territory)}/ateliers/inscription/${token}${search ? `?${search}` : ""}`;
}

export const requestSeatAction = publicAction(seatRequestSchema, async (input, { locale, ip, origin }): Promise<HandlerResult> => {
  // A bot filled the hidden field: nothing is stored.
  if (input.website) return refusal({ code: "workshop.closed" });
  const outcome = await requestSeat(db, { ...input, territorySlug: input.territory, locale }, { ip, origin, now: new Date() });
  if (outcome.ok) redirect(registrationPath(input.territory, outcome.token, locale));
  if (outcome.reason === "rate_limited") return refusal({ code: "workshop.rate_limited", params: { minutes: outcome.minutes } });
  return refusal({ code: "workshop.closed" });
});

export const cancelSeatAction = publicAction(seatCancelSchema, async (input, { locale }): Promise<HandlerResult> => {
  const outcome = await cancelSeatByToken(db, input.territory, input.token, new Date());
  if (!outcome) throw new AppError({ code: "not_found" });
  if (!outcome.ok) return refusal({ code: "workshop.link_used" });
  redirect(registrationPath(input.territory, input.token, locale, "annule"));
});
