/**
 * The twin of authorizedAction (lib/actions/authorized-action.ts) for the review page of an update
 * campaign, where nobody signs in: the signed link is the authority. Each action is bound to the
 * link's secret on the page (`action.bind(null, token)`, which also works without JavaScript);
 * every call opens the link again — purpose, expiry, revocation, the campaign's end, the rate
 * limit — before the form's zod schema and the handler, which get the structure it was made for
 * and nothing else. Same result shape, so field errors, both versions of a conflict and what was
 * typed come back to the form exactly as in the workspace.
 */
import { headers } from "next/headers";
import type { z } from "zod";
import { fieldErrorsOf, refusalsAsValues, toFailure, type ActionResult, type HandlerResult } from "@/lib/actions/authorized-action";
import { clientIp } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import type { Refusal } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";
import { formDataToObject } from "@/lib/forms/form-data";
import { openCampaignLink, type CampaignAccess } from "./access";

type OpenTarget = Extract<CampaignAccess, { ok: true }>["target"];

/** Why a link cannot be used, as a refusal the form shows. */
function linkRefusal(access: Exclude<CampaignAccess, { ok: true }>): Refusal {
  if (access.reason === "ended") return { ok: false, code: "campaign.link_ended", params: { date: formatDay(localTime(new Date(access.endedAt.getTime() - 1), access.timeZone).date) } };
  if (access.reason === "rate_limited") return { ok: false, code: "campaign.link_rate_limited", params: { minutes: access.minutes } };
  return { ok: false, code: "campaign.link_invalid" };
}

export function campaignLinkAction<S extends z.ZodType, T>(schema: S, handler: (target: OpenTarget, input: z.infer<S>) => Promise<HandlerResult<T>>) {
  return async (token: string, _previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const values = formDataToObject(formData);
    const result = await refusalsAsValues(async (): Promise<HandlerResult<T>> => {
      const access = await openCampaignLink(db, token, { ip: clientIp(await headers()) });
      if (!access.ok) return linkRefusal(access);
      const parsed = schema.safeParse(values);
      if (!parsed.success) return { ok: false, code: "form.invalid", fieldErrors: fieldErrorsOf(parsed.error) };
      return handler(access.target, parsed.data);
    });
    return result.ok ? result : { ...toFailure(result), values };
  };
}
