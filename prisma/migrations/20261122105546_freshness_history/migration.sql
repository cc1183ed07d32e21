-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "lastVerifiedById" UUID;

-- AlterTable
ALTER TABLE "Structure" ADD COLUMN     "lastVerifiedById" UUID;

-- CreateTable
CREATE TABLE "ChangeRecord" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "offerId" UUID,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeRecord_structureId_createdAt_idx" ON "ChangeRecord"("structureId", "createdAt");

-- AddForeignKey
ALTER TABLE "Structure" ADD CONSTRAINT "Structure_lastVerifiedById_fkey" FOREIGN KEY ("lastVerifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_lastVerifiedById_fkey" FOREIGN KEY ("lastVerifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRecord" ADD CONSTRAINT "ChangeRecord_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRecord" ADD CONSTRAINT "ChangeRecord_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
