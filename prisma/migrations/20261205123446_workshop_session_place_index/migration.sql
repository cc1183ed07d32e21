-- CreateIndex
CREATE INDEX "WorkshopSession_placeId_startsAt_idx" ON "WorkshopSession"("placeId", "startsAt");
