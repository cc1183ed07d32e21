-- CreateIndex
CREATE INDEX "TransferMonthStat_scopeId_dimension_month_idx" ON "TransferMonthStat"("scopeId", "dimension", "month");
