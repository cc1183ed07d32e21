-- CreateIndex
CREATE INDEX "TransferMonthStat_scopeId_dimension_key_month_idx" ON "TransferMonthStat"("scopeId", "dimension", "key", "month");
