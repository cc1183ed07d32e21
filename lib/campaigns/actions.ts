"use server";

/** The coordinator's campaign actions: the territory's coordinators only (policy `territory.manage`), every write scoped to the territory. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { refusal } from "@/lib/errors/app-error";
import { revokeTargetLinks } from "@/lib/signed-links/links";
import { closeCampaign } from "./close";
import { issueLinkForCoordinator, sendReminders } from "./delivery";
import { launchCampaign } from "./launch";
import { campaignCommandSchema, launchCampaignSchema, targetCommandSchema } from "./schemas";
import { kickCampaignDelivery } from "./worker";

const mayManage = (actor: Parameters<typeof can>[0], input: { territoryId: string }) => can(actor, "territory.manage", { territoryId: input.territoryId });

/** The campaign, only if it is the territory's (a forged id is "not found"). */
const campaignOf = (territoryId: string, campaignId: string) =>
  db.updateCampaign.findFirst({ where: { id: campaignId, territoryId }, select: { id: true, closedAt: true, endsAt: true, territory: { select: { slug: true } } } });

export const launchCampaignAction = authorizedAction(launchCampaignSchema, mayManage, async (actor, input): Promise<HandlerResult> => {
  const outcome = await launchCampaign(db, input, actor.userId);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return refusal({ code: "not_found" });
    if (outcome.reason === "nobody") return refusal({ code: "campaign.nobody" }, input.scope === "chosen" ? "structureIds" : "scope");
    const [first] = outcome.problems;
    return refusal({ code: first!.code }, first!.field);
  }
  kickCampaignDelivery();
  const territory = await db.territory.findUniqueOrThrow({ where: { id: input.territoryId }, select: { slug: true } });
  redirect(`/territoires/${territory.slug}/campagnes/${outcome.campaignId}?lancee=${outcome.asked}`);
});

export const remindNowAction = authorizedAction(campaignCommandSchema, mayManage, async (_actor, input): Promise<HandlerResult> => {
  const campaign = await campaignOf(input.territoryId, input.campaignId);
  if (!campaign) return refusal({ code: "not_found" });
  const now = new Date();
  if (campaign.closedAt || campaign.endsAt <= now) return refusal({ code: "campaign.closed" });
  const sent = await sendReminders(db, now, { campaignId: campaign.id, force: true });
  revalidatePath(`/territoires/${campaign.territory.slug}/campagnes/${campaign.id}`);
  return { ok: true, data: null, message: sent ? `Relance envoyée à ${sent} structure${sent > 1 ? "s" : ""} sans réponse complète.` : "Aucune structure à relancer : toutes ont répondu, ou n'ont pas d'adresse." };
});

export const closeCampaignAction = authorizedAction(campaignCommandSchema, mayManage, async (_actor, input): Promise<HandlerResult> => {
  const campaign = await campaignOf(input.territoryId, input.campaignId);
  if (!campaign) return refusal({ code: "not_found" });
  const flagged = await closeCampaign(db, campaign.id, new Date());
  if (flagged === null) return refusal({ code: "campaign.closed" });
  // The page changes (no more commands): what happened goes with the redirect.
  redirect(`/territoires/${campaign.territory.slug}/campagnes/${campaign.id}?close=${flagged}`);
});

/** A new link for one structure, shown once (a structure without an address, a lost email). */
export const issueLinkAction = authorizedAction(targetCommandSchema, mayManage, async (_actor, input): Promise<HandlerResult<{ url: string }>> => {
  const campaign = await campaignOf(input.territoryId, input.campaignId);
  const target = campaign && (await db.campaignTarget.findFirst({ where: { id: input.targetId, campaignId: campaign.id }, select: { id: true } }));
  if (!target) return refusal({ code: "not_found" });
  const url = await issueLinkForCoordinator(db, target.id, new Date());
  if (!url) return refusal({ code: "campaign.closed" });
  return { ok: true, data: { url }, message: "Nouveau lien créé : copiez-le maintenant, il ne sera plus affiché." };
});

export const revokeLinksAction = authorizedAction(targetCommandSchema, mayManage, async (_actor, input): Promise<HandlerResult> => {
  const campaign = await campaignOf(input.territoryId, input.campaignId);
  const target = campaign && (await db.campaignTarget.findFirst({ where: { id: input.targetId, campaignId: campaign.id }, select: { id: true } }));
  if (!target) return refusal({ code: "not_found" });
  const revoked = await revokeTargetLinks(db, target.id);
  revalidatePath(`/territoires/${campaign.territory.slug}/campagnes/${campaign.id}`);
  return { ok: true, data: null, message: revoked ? `${revoked} lien${revoked > 1 ? "s" : ""} révoqué${revoked > 1 ? "s" : ""} : ${revoked > 1 ? "ils ne fonctionnent" : "il ne fonctionne"} plus.` : "Aucun lien en cours pour cette structure." };
});
