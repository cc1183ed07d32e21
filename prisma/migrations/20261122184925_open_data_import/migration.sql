-- AlterTable
ALTER TABLE "Place" ADD COLUMN     "appointmentUrl" TEXT,
ADD COLUMN     "standardExtras" JSONB;

-- CreateTable
CREATE TABLE "ImportedRecord" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "structureId" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "offerId" UUID,
    "sourceUpdatedOn" DATE,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "planHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportedRecord_placeId_idx" ON "ImportedRecord"("placeId");

-- CreateIndex
CREATE INDEX "ImportedRecord_structureId_idx" ON "ImportedRecord"("structureId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedRecord_territoryId_source_externalId_key" ON "ImportedRecord"("territoryId", "source", "externalId");

-- CreateIndex
CREATE INDEX "ImportDraft_actorId_expiresAt_idx" ON "ImportDraft"("actorId", "expiresAt");

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
