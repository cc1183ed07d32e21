-- CreateIndex
CREATE INDEX "Transfer_territoryId_sentAt_idx" ON "Transfer"("territoryId", "sentAt");

-- CreateIndex
CREATE INDEX "Transfer_fromStructureId_sentAt_idx" ON "Transfer"("fromStructureId", "sentAt");

-- CreateIndex
CREATE INDEX "Transfer_toStructureId_sentAt_idx" ON "Transfer"("toStructureId", "sentAt");

-- CreateIndex
CREATE INDEX "Transfer_sentAt_idx" ON "Transfer"("sentAt");
