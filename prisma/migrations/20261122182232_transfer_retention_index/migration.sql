-- CreateIndex
CREATE INDEX "Transfer_personalDataErasedAt_closedAt_idx" ON "Transfer"("personalDataErasedAt", "closedAt");
