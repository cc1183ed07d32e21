"use server";

import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/actions/authorized-action";
import { offerMessages } from "./messages";
import { publicAction } from "./public-action";
import { reportOfferError } from "./report";
import { reportSchema } from "./schemas";

export const reportOfferErrorAction = publicAction(reportSchema, async (input, { locale, ip, origin }): Promise<ActionResult> => {
  const t = offerMessages(locale);
  // A bot filled the hidden field: it is thanked, and nothing is sent.
  if (input.website) return { ok: true, data: null, message: t.reportThanks };
  const outcome = await reportOfferError(db, input, { ip, origin });
  if (outcome.ok) return { ok: true, data: null, message: t.reportThanks };
  if (outcome.reason === "rate_limited") return { ok: false, error: t.reportTooMany(outcome.minutes) };
  return { ok: false, error: t.reportGone };
});
