-- AlterTable: rows written before this column get the longest window of any limit (one day)
ALTER TABLE "RateLimitHit" ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT (CURRENT_TIMESTAMP + INTERVAL '1 day');
UPDATE "RateLimitHit" SET "expiresAt" = "createdAt" + INTERVAL '1 day';
ALTER TABLE "RateLimitHit" ALTER COLUMN "expiresAt" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "ImportDraft_expiresAt_idx" ON "ImportDraft"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitHit_expiresAt_idx" ON "RateLimitHit"("expiresAt");
