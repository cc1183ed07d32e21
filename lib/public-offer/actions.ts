"use server";

import { db } from "@/lib/db";
import type { HandlerResult } from "@/lib/actions/authorized-action";
import { refusal } from "@/lib/errors/app-error";
import { offerMessages } from "./messages";
import { publicAction } from "./public-action";
import { reportOfferError } from "./report";
import { reportSchema } from "./schemas";

export const reportOfferErrorAction = publicAction(reportSchema, async (input, { locale, ip, origin }): Promise<HandlerResult> => {
  const t = offerMessages(locale);
  // A bot filled the hidden field: it is thanked, and nothing is sent.
  if (input.website) return { ok: true, data: null, message: t.reportThanks };
  const outcome = await reportOfferError(db, input, { ip, origin });
  if (outcome.ok) return { ok: true, data: null, message: t.reportThanks };
  if (outcome.reason === "rate_limited") return refusal({ code: "report.rate_limited", params: { minutes: outcome.minutes } });
  return refusal({ code: "report.offer_gone" });
});
