"use server";

/** A newcomer's request (public, no account) and the coordinators' decisions (policy `territory.manage`). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { publicAction } from "@/lib/public-offer/public-action";
import { siteUrl } from "@/lib/site-url";
import { decideApplication, submitApplication } from "./requests";
import { applicationSchema, decideApplicationSchema } from "./schemas";

export const submitApplicationAction = publicAction(
  () => applicationSchema,
  async (input, { ip }): Promise<HandlerResult> => {
    // A bot filled the hidden field: it is told it worked, and nothing is stored.
    if (input.website) return { ok: true, data: null };
    const outcome = await submitApplication(db, input, { ip });
    if (!outcome.ok && "reason" in outcome) {
      if (outcome.reason === "rate_limited") return refusal({ code: "newcomer.rate_limited", params: { minutes: outcome.minutes } });
      return refusal({ code: "not_found" });
    }
    if (!outcome.ok) return outcome;
    redirect(`/t/${input.territorySlug}/rejoindre?envoyee=1`);
  },
);

export const decideApplicationAction = authorizedAction(
  decideApplicationSchema,
  (actor, { territoryId }) => can(actor, "territory.manage", { territoryId }),
  async (actor, input): Promise<HandlerResult> => {
    const outcome = await decideApplication(db, input, { actorId: actor.userId, siteUrl: siteUrl() });
    if (!outcome.ok) {
      if (outcome.reason === "already_decided") return refusal({ code: "newcomer.already_decided" });
      if (outcome.reason === "merge_target_gone") return refusal({ code: "newcomer.merge_target_gone" }, "mergeInto");
      return refusal({ code: "not_found" });
    }
    revalidatePath("/territoires/[slug]/nouvelles-structures", "page");
    if (outcome.decision === "validated" && outcome.structureId) redirect(`/structures/${outcome.structureId}?nouvelle=1`);
    // The request leaves the page with its form: what was done goes with the redirect.
    const { slug } = await db.territory.findUniqueOrThrow({ where: { id: input.territoryId }, select: { slug: true } });
    redirect(`/territoires/${slug}/nouvelles-structures?decision=${outcome.decision}`);
  },
);
