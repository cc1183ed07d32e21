-- CreateEnum
CREATE TYPE "CampaignScope" AS ENUM ('all', 'stale', 'chosen');

-- CreateEnum
CREATE TYPE "CampaignDelivery" AS ENUM ('queued', 'sent', 'no_recipient');

-- CreateEnum
CREATE TYPE "CampaignItemKind" AS ENUM ('structure', 'place', 'offer');

-- CreateEnum
CREATE TYPE "CampaignAnswer" AS ENUM ('unchanged', 'changed', 'removed', 'temporary');

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "unconfirmedSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "reference" TEXT;

-- CreateTable
CREATE TABLE "UpdateCampaign" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "scope" "CampaignScope" NOT NULL,
    "temporaryFrom" DATE,
    "temporaryUntil" DATE,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 7,
    "maxReminders" INTEGER NOT NULL DEFAULT 2,
    "launchedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "UpdateCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "delivery" "CampaignDelivery" NOT NULL DEFAULT 'queued',
    "recipients" TEXT[],
    "sentAt" TIMESTAMP(3),
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "lastRemindedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignItemAnswer" (
    "id" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "kind" "CampaignItemKind" NOT NULL,
    "itemId" UUID NOT NULL,
    "answer" "CampaignAnswer" NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignItemAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignedLink" (
    "id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "campaignTargetId" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignedLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpdateCampaign_territoryId_createdAt_idx" ON "UpdateCampaign"("territoryId", "createdAt");

-- CreateIndex
CREATE INDEX "UpdateCampaign_closedAt_endsAt_idx" ON "UpdateCampaign"("closedAt", "endsAt");

-- CreateIndex
CREATE INDEX "CampaignTarget_campaignId_delivery_idx" ON "CampaignTarget"("campaignId", "delivery");

-- CreateIndex
CREATE INDEX "CampaignTarget_structureId_idx" ON "CampaignTarget"("structureId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTarget_campaignId_structureId_key" ON "CampaignTarget"("campaignId", "structureId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignItemAnswer_targetId_kind_itemId_key" ON "CampaignItemAnswer"("targetId", "kind", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "SignedLink_tokenHash_key" ON "SignedLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SignedLink_campaignTargetId_idx" ON "SignedLink"("campaignTargetId");

-- CreateIndex
CREATE INDEX "OutboxEmail_reference_idx" ON "OutboxEmail"("reference");

-- AddForeignKey
ALTER TABLE "UpdateCampaign" ADD CONSTRAINT "UpdateCampaign_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateCampaign" ADD CONSTRAINT "UpdateCampaign_launchedById_fkey" FOREIGN KEY ("launchedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "UpdateCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignItemAnswer" ADD CONSTRAINT "CampaignItemAnswer_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "CampaignTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedLink" ADD CONSTRAINT "SignedLink_campaignTargetId_fkey" FOREIGN KEY ("campaignTargetId") REFERENCES "CampaignTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
