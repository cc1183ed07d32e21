-- CreateEnum
CREATE TYPE "PhoneCallOutcome" AS ENUM ('answered_on_phone', 'come_to_permanence', 'appointment_given', 'redirected', 'other');

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "phoneLine" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PhoneCall" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "takenById" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "durationSeconds" INTEGER,
    "request" TEXT NOT NULL DEFAULT '',
    "categoryItemId" UUID,
    "needSlug" TEXT,
    "difficulty" "TransferDifficulty",
    "urgency" "TransferUrgency",
    "deadline" DATE,
    "digitalEase" "DigitalEase",
    "equipment" TEXT[],
    "posture" TEXT,
    "ageBand" TEXT,
    "commune" TEXT,
    "distance" INTEGER,
    "outcome" "PhoneCallOutcome",
    "outcomeOfferId" UUID,
    "appointmentId" UUID,
    "transferId" UUID,
    "messageText" TEXT,
    "messageSentBy" TEXT,
    "outcomeNote" TEXT,
    "erasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PhoneCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhoneCall_appointmentId_key" ON "PhoneCall"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneCall_transferId_key" ON "PhoneCall"("transferId");

-- CreateIndex
CREATE INDEX "PhoneCall_structureId_startedAt_idx" ON "PhoneCall"("structureId", "startedAt");

-- CreateIndex
CREATE INDEX "PhoneCall_territoryId_startedAt_idx" ON "PhoneCall"("territoryId", "startedAt");

-- CreateIndex
CREATE INDEX "PhoneCall_offerId_startedAt_idx" ON "PhoneCall"("offerId", "startedAt");

-- CreateIndex
CREATE INDEX "PhoneCall_erasedAt_startedAt_idx" ON "PhoneCall"("erasedAt", "startedAt");

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_categoryItemId_fkey" FOREIGN KEY ("categoryItemId") REFERENCES "TerritoryListItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_outcomeOfferId_fkey" FOREIGN KEY ("outcomeOfferId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCall" ADD CONSTRAINT "PhoneCall_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
