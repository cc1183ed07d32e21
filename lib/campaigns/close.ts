/**
 * The end of a campaign — on its date (the timers) or when the coordinator closes it early: its
 * links stop working (they expire with it), and each published offer its structure did not
 * confirm, correct or remove — and that nobody verified since the launch — is flagged on the
 * public pages as "informations non vérifiées depuis …" (`Offer.unconfirmedSince`: the date it was
 * last verified, or created), until someone verifies or saves it.
 */
import type { PrismaClient } from "@/lib/db";
import { lockTerritoryFirst } from "@/lib/public-search/search-version";

/** Closes one campaign (once: a conditional update), flags what was left unconfirmed; the number of offers flagged, or null if it was already closed. */
export async function closeCampaign(db: PrismaClient, campaignId: string, now: Date): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const campaign = await tx.updateCampaign.findUnique({ where: { id: campaignId }, select: { territoryId: true, createdAt: true, closedAt: true, endsAt: true } });
    if (!campaign || campaign.closedAt) return null;
    // The flag is public data (the search shows it): the territory's row first (search-version.ts).
    await lockTerritoryFirst(tx, { territoryId: campaign.territoryId });
    const { count } = await tx.updateCampaign.updateMany({
      where: { id: campaignId, closedAt: null },
      data: { closedAt: now, ...(campaign.endsAt > now ? { endsAt: now } : {}) },
    });
    if (count === 0) return null;
    return tx.$executeRaw`
      UPDATE "Offer" o SET "unconfirmedSince" = COALESCE(o."lastVerifiedAt", o."createdAt")
      FROM "CampaignTarget" t
      WHERE t."campaignId" = ${campaignId}::uuid AND o."structureId" = t."structureId"
        AND o.status = 'published' AND o."unconfirmedSince" IS NULL
        AND (o."lastVerifiedAt" IS NULL OR o."lastVerifiedAt" < ${campaign.createdAt})
        AND NOT EXISTS (
          SELECT 1 FROM "CampaignItemAnswer" a WHERE a."targetId" = t.id AND a.kind = 'offer' AND a."itemId" = o.id
        )`;
  });
}

/** The timers' step: every campaign whose end has come. Returns how many offers were flagged. */
export async function closeEndedCampaigns(db: PrismaClient, now: Date): Promise<number> {
  const due = await db.updateCampaign.findMany({ where: { closedAt: null, endsAt: { lte: now } }, select: { id: true } });
  let flagged = 0;
  for (const { id } of due) flagged += (await closeCampaign(db, id, now)) ?? 0;
  return flagged;
}
