/**
 * Opening a campaign's signed link: the structure it was made for, or why not — in words the
 * page can say ("this campaign ended on …", "this link was replaced", "this link is not
 * valid"). A link never outlives its campaign: closed early, its links stop too.
 */
import type { PrismaClient } from "@/lib/db";
import { openSignedLink } from "@/lib/signed-links/links";
import { CAMPAIGN_LINK_PURPOSE } from "./delivery";
import type { ReviewTarget } from "./review";

export type CampaignAccess =
  | { ok: true; target: ReviewTarget & { structureName: string; territory: { name: string; timeZone: string; slug: string }; message: string; endsAt: Date } }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "rate_limited"; minutes: number }
  | { ok: false; reason: "revoked" }
  | { ok: false; reason: "ended"; endedAt: Date; timeZone: string; campaignTitle: string; territoryName: string; coordinators: string[] };

export async function openCampaignLink(db: PrismaClient, token: string, { ip, now = new Date() }: { ip: string; now?: Date }): Promise<CampaignAccess> {
  const check = await openSignedLink(db, token, CAMPAIGN_LINK_PURPOSE, { ip, now });
  if (!check.ok && (check.reason === "unknown" || check.reason === "rate_limited")) return check;
  if (!check.ok && check.reason === "revoked") return { ok: false, reason: "revoked" };
  const targetId = check.ok ? check.link.campaignTargetId : check.campaignTargetId;
  const target = targetId
    ? await db.campaignTarget.findUnique({
        where: { id: targetId },
        select: {
          id: true,
          structureId: true,
          structure: { select: { name: true } },
          campaign: {
            select: {
              id: true,
              title: true,
              message: true,
              temporaryFrom: true,
              temporaryUntil: true,
              endsAt: true,
              closedAt: true,
              territory: { select: { name: true, slug: true, timeZone: true, coordinators: { select: { user: { select: { email: true } } } } } },
            },
          },
        },
      })
    : null;
  if (!target) return { ok: false, reason: "unknown" };
  const { campaign } = target;
  if (!check.ok || campaign.closedAt || campaign.endsAt <= now) {
    return {
      ok: false,
      reason: "ended",
      endedAt: campaign.closedAt && campaign.closedAt < campaign.endsAt ? campaign.closedAt : campaign.endsAt,
      timeZone: campaign.territory.timeZone,
      campaignTitle: campaign.title,
      territoryName: campaign.territory.name,
      coordinators: campaign.territory.coordinators.map(({ user }) => user.email).sort(),
    };
  }
  return {
    ok: true,
    target: {
      id: target.id,
      structureId: target.structureId,
      structureName: target.structure.name,
      campaign: { id: campaign.id, title: campaign.title, temporaryFrom: campaign.temporaryFrom, temporaryUntil: campaign.temporaryUntil },
      territory: { name: campaign.territory.name, timeZone: campaign.territory.timeZone, slug: campaign.territory.slug },
      message: campaign.message,
      endsAt: campaign.endsAt,
    },
  };
}
