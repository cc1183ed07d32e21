-- Imports become jobs in rows (docs/decisions/009-import-jobs.md). ImportDraft held previews for two
-- hours at most: dropping it loses at worst an unconfirmed preview, which its owner uploads again.

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('queued', 'analysing', 'ready', 'committing', 'done', 'failed');

-- DropForeignKey
ALTER TABLE "ImportDraft" DROP CONSTRAINT "ImportDraft_actorId_fkey";

-- DropForeignKey
ALTER TABLE "ImportDraft" DROP CONSTRAINT "ImportDraft_territoryId_fkey";

-- DropTable
DROP TABLE "ImportDraft";

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content" BYTEA,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'queued',
    "phase" TEXT,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "claimToken" UUID,
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "preview" JSONB,
    "planHash" TEXT,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "result" JSONB,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_status_leaseUntil_idx" ON "ImportJob"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "ImportJob_actorId_territoryId_idx" ON "ImportJob"("actorId", "territoryId");

-- CreateIndex
CREATE INDEX "ImportJob_expiresAt_idx" ON "ImportJob"("expiresAt");

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
