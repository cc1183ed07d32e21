"use server";

/**
 * The residents' forms (no account, no JavaScript needed): book a slot, join a waiting list, move
 * a booking, and the buttons of a resident's link (cancel, confirm or refuse a held slot, leave the
 * list). Each goes through `publicAction` (honeypot, rate limits per address and contact in the
 * domain functions); a booking or a sign-up ends on the resident's link page.
 */
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { HandlerResult } from "@/lib/actions/authorized-action";
import { AppError, refusal } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { publicAction } from "@/lib/public-offer/public-action";
import { bookAsResident, cancelByToken, moveByToken } from "./booking";
import { bookingSchema, moveSchema, tokenCommandSchema, waitlistSchema } from "./schemas";
import { answerHold, joinWaitlist, leaveWaitlist } from "./waitlist";

/** The resident's link page; `done` says which command just succeeded (`?fait=`). */
function linkPath(territory: string, token: string, locale: Locale, done?: string) {
  const query = new URLSearchParams();
  if (locale !== "fr") query.set("lang", locale);
  if (done) query.set("fait", done);
  const search = query.toString();
  return `/t/${encodeURIComponent(territory)}/rendez-vous/${token}${search ? `?${search}` : ""}`;
}

export const bookAppointmentAction = publicAction(bookingSchema, async (input, { locale, ip, origin }): Promise<HandlerResult> => {
  // A bot filled the hidden field: nothing is booked.
  if (input.website) return refusal({ code: "resident_booking.not_open" });
  const outcome = await bookAsResident(
    db,
    { ...input, territorySlug: input.territory, locale, mediatorId: input.slot.mediatorId, startsAt: input.slot.startsAt },
    { ip, origin, now: new Date() },
  );
  if (outcome.ok) redirect(linkPath(input.territory, outcome.token, locale));
  if (outcome.reason === "rate_limited") return refusal({ code: "resident_booking.rate_limited", params: { minutes: outcome.minutes } });
  return refusal({ code: `resident_booking.${outcome.reason}` }, outcome.reason === "slot_taken" || outcome.reason === "slot_gone" ? "slot" : undefined);
});

export const joinWaitlistAction = publicAction(waitlistSchema, async (input, { locale, ip, origin }): Promise<HandlerResult> => {
  if (input.website) return refusal({ code: "resident_booking.not_open" });
  const outcome = await joinWaitlist(db, { ...input, territorySlug: input.territory, locale }, { ip, origin, now: new Date() });
  if (outcome.ok) redirect(linkPath(input.territory, outcome.token, locale));
  if (outcome.reason === "rate_limited") return refusal({ code: "resident_booking.rate_limited", params: { minutes: outcome.minutes } });
  return refusal({ code: "resident_booking.not_open" });
});

export const moveAppointmentAction = publicAction(moveSchema, async (input, { locale, origin }): Promise<HandlerResult> => {
  const outcome = await moveByToken(db, input.territory, input.token, input.slot, { now: new Date(), origin });
  if (!outcome) throw new AppError({ code: "not_found" });
  if (outcome.ok) redirect(linkPath(input.territory, input.token, locale, "move"));
  return refusal({ code: `resident_booking.${outcome.reason}` }, outcome.reason === "link_used" ? undefined : "slot");
});

export const linkCommandAction = publicAction(tokenCommandSchema, async (input, { locale, origin }): Promise<HandlerResult> => {
  const now = new Date();
  const context = { now, origin };
  const outcome =
    input.command === "cancel"
      ? await cancelByToken(db, input.territory, input.token, context)
      : input.command === "leave"
        ? await leaveWaitlist(db, input.territory, input.token, now)
        : await answerHold(db, input.territory, input.token, input.command, context);
  if (!outcome) throw new AppError({ code: "not_found" });
  if (!outcome.ok) return refusal({ code: `resident_booking.${outcome.reason}` });
  // The page read again says the new state, with or without JavaScript.
  redirect(linkPath(input.territory, input.token, locale, input.command));
});
