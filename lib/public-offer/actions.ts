/**
 * A resident's error report, as the offer page posts it (app/t/[territory]/offres/[offerId]/route.ts):
 * the form's schema in the page's language, then the report (lib/public-offer/report.ts), with the
 * same result shape as every form's, so the page shows field errors and what was typed.
 */
import { db } from "@/lib/db";
import type { HandlerResult } from "@/lib/actions/authorized-action";
import { refusal } from "@/lib/errors/app-error";
import { offerMessages } from "./messages";
import { publicAction } from "./public-action";
import { reportOfferError } from "./report";
import { reportSchema } from "./schemas";

export const submitOfferReport = publicAction(reportSchema, async (input, { locale, ip, origin }): Promise<HandlerResult> => {
  const t = offerMessages(locale);
  // A bot filled the hidden field: it is thanked, and nothing is sent.
  if (input.website) return { ok: true, data: null, message: t.reportThanks };
  const outcome = await reportOfferError(db, input, { ip, origin });
  if (outcome.ok) return { ok: true, data: null, message: t.reportThanks };
  if (outcome.reason === "rate_limited") return refusal({ code: "report.rate_limited", params: { minutes: outcome.minutes } });
  return refusal({ code: "report.offer_gone" });
});
