-- CreateEnum
CREATE TYPE "ErrorReportStatus" AS ENUM ('new', 'in_progress', 'fixed', 'rejected');

-- CreateTable
CREATE TABLE "ErrorReport" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "offerTitle" TEXT NOT NULL,
    "status" "ErrorReportStatus" NOT NULL DEFAULT 'new',
    "reportCount" INTEGER NOT NULL DEFAULT 1,
    "lastReportedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErrorReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErrorReportEntry" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "replyEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErrorReportEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErrorReport_territoryId_status_lastReportedAt_idx" ON "ErrorReport"("territoryId", "status", "lastReportedAt");

-- CreateIndex
CREATE INDEX "ErrorReport_structureId_status_idx" ON "ErrorReport"("structureId", "status");

-- CreateIndex
CREATE INDEX "ErrorReport_offerId_status_idx" ON "ErrorReport"("offerId", "status");

-- CreateIndex
CREATE INDEX "ErrorReportEntry_reportId_idx" ON "ErrorReportEntry"("reportId");

-- AddForeignKey
ALTER TABLE "ErrorReport" ADD CONSTRAINT "ErrorReport_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorReport" ADD CONSTRAINT "ErrorReport_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorReport" ADD CONSTRAINT "ErrorReport_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorReportEntry" ADD CONSTRAINT "ErrorReportEntry_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ErrorReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
