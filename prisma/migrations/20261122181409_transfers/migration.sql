-- CreateEnum
CREATE TYPE "TransferLevel" AS ENUM ('simple', 'accompanied', 'augmented');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('draft', 'sent', 'acknowledged', 'accepted', 'completed', 'declined', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "TransferDifficulty" AS ENUM ('simple', 'moderate', 'complex');

-- CreateEnum
CREATE TYPE "TransferUrgency" AS ENUM ('low', 'normal', 'urgent');

-- CreateEnum
CREATE TYPE "DigitalEase" AS ENUM ('none', 'beginner', 'basic', 'autonomous');

-- CreateEnum
CREATE TYPE "SupportGoal" AS ENUM ('immediate', 'autonomy', 'both');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('not_eligible', 'no_capacity', 'out_of_area', 'missing_information', 'person_unreachable', 'duplicate', 'other');

-- CreateEnum
CREATE TYPE "TransferOutcome" AS ENUM ('resolved', 'partially_resolved', 'not_resolved_no_show', 'not_resolved_unreachable', 'not_resolved_referred_elsewhere', 'unknown');

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "transferAcceptReminderWorkingDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "transferAckReminderWorkingDays" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "transferExpiryDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "transferRetentionDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "territoryId" UUID NOT NULL,
    "parcoursId" UUID NOT NULL,
    "previousTransferId" UUID,
    "fromStructureId" UUID NOT NULL,
    "toStructureId" UUID NOT NULL,
    "offerId" UUID,
    "createdById" UUID,
    "idempotencyKey" TEXT NOT NULL,
    "level" "TransferLevel" NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'draft',
    "needTermId" UUID,
    "needDescription" TEXT NOT NULL,
    "difficulty" "TransferDifficulty",
    "urgency" "TransferUrgency" NOT NULL DEFAULT 'normal',
    "deadline" DATE,
    "digitalEase" "DigitalEase",
    "equipment" TEXT[],
    "supportGoal" "SupportGoal",
    "documents" JSONB NOT NULL DEFAULT '[]',
    "personLabel" TEXT,
    "personalDetailsEncrypted" TEXT,
    "consentGivenAt" TIMESTAMP(3),
    "consentRecordedById" UUID,
    "consentScope" TEXT[],
    "noteForPartner" TEXT,
    "appointmentAt" TIMESTAMP(3),
    "appointmentPlaceId" UUID,
    "askFor" TEXT,
    "declineReason" "DeclineReason",
    "declineMessage" TEXT,
    "suggestedStructureId" UUID,
    "cancelReason" TEXT,
    "outcome" "TransferOutcome",
    "outcomeNote" TEXT,
    "outcomeRecordedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "ackReminderSentAt" TIMESTAMP(3),
    "acceptReminderSentAt" TIMESTAMP(3),
    "personalDataErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferEvent" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "actorId" UUID,
    "type" TEXT NOT NULL,
    "fromStatus" "TransferStatus",
    "toStatus" "TransferStatus",
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransferEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_code_key" ON "Transfer"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_idempotencyKey_key" ON "Transfer"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Transfer_toStructureId_status_idx" ON "Transfer"("toStructureId", "status");

-- CreateIndex
CREATE INDEX "Transfer_fromStructureId_status_idx" ON "Transfer"("fromStructureId", "status");

-- CreateIndex
CREATE INDEX "Transfer_territoryId_status_idx" ON "Transfer"("territoryId", "status");

-- CreateIndex
CREATE INDEX "Transfer_status_sentAt_idx" ON "Transfer"("status", "sentAt");

-- CreateIndex
CREATE INDEX "Transfer_closedAt_idx" ON "Transfer"("closedAt");

-- CreateIndex
CREATE INDEX "Transfer_parcoursId_idx" ON "Transfer"("parcoursId");

-- CreateIndex
CREATE INDEX "TransferEvent_transferId_createdAt_idx" ON "TransferEvent"("transferId", "createdAt");

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_previousTransferId_fkey" FOREIGN KEY ("previousTransferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromStructureId_fkey" FOREIGN KEY ("fromStructureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toStructureId_fkey" FOREIGN KEY ("toStructureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_needTermId_fkey" FOREIGN KEY ("needTermId") REFERENCES "VocabularyTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_consentRecordedById_fkey" FOREIGN KEY ("consentRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_appointmentPlaceId_fkey" FOREIGN KEY ("appointmentPlaceId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_suggestedStructureId_fkey" FOREIGN KEY ("suggestedStructureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferEvent" ADD CONSTRAINT "TransferEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferEvent" ADD CONSTRAINT "TransferEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
