-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('pending', 'validated', 'merged', 'refused');

-- CreateTable
CREATE TABLE "StructureApplication" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "identifierType" "IdentifierType",
    "identifierValue" TEXT,
    "address" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "communeName" TEXT NOT NULL,
    "offers" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "structureId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StructureApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StructureApplication_territoryId_status_createdAt_idx" ON "StructureApplication"("territoryId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "StructureApplication" ADD CONSTRAINT "StructureApplication_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureApplication" ADD CONSTRAINT "StructureApplication_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureApplication" ADD CONSTRAINT "StructureApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
