-- CreateEnum
CREATE TYPE "Country" AS ENUM ('FR', 'BE');

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('commune', 'epci', 'departement', 'region');

-- CreateEnum
CREATE TYPE "StructureStatus" AS ENUM ('draft', 'published', 'closed');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('draft', 'published', 'archived');

-- CreateEnum
CREATE TYPE "IdentifierType" AS ENUM ('SIRET', 'RNA', 'BCE');

-- CreateEnum
CREATE TYPE "HolidayRule" AS ENUM ('closed', 'open_as_usual', 'unknown');

-- CreateTable
CREATE TABLE "Territory" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" "Country" NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "staleAfterMonths" INTEGER NOT NULL DEFAULT 6,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerritoryArea" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "kind" "AreaKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "TerritoryArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Structure" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT,
    "website" TEXT,
    "status" "StructureStatus" NOT NULL DEFAULT 'draft',
    "lastVerifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Structure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StructureIdentifier" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "type" "IdentifierType" NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "StructureIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StructureTerm" (
    "structureId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "StructureTerm_pkey" PRIMARY KEY ("structureId","termId")
);

-- CreateTable
CREATE TABLE "Place" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "addressComplement" TEXT,
    "postalCode" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "communeName" TEXT NOT NULL,
    "country" "Country" NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "wheelchairAccessible" BOOLEAN,
    "accessibilityNotes" TEXT,
    "publicHolidays" "HolidayRule" NOT NULL DEFAULT 'closed',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "professionalReferral" TEXT,
    "residentAccess" TEXT,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "residencyCondition" TEXT,
    "otherConditions" TEXT,
    "feeDetails" TEXT,
    "documentsToBring" TEXT[],
    "languages" TEXT[],
    "typicalDelayDays" INTEGER,
    "isSaturated" BOOLEAN NOT NULL DEFAULT false,
    "acceptsTransfers" BOOLEAN NOT NULL DEFAULT false,
    "status" "OfferStatus" NOT NULL DEFAULT 'draft',
    "lastVerifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferTerm" (
    "offerId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "OfferTerm_pkey" PRIMARY KEY ("offerId","termId")
);

-- CreateTable
CREATE TABLE "OfferPlace" (
    "id" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "publicHolidays" "HolidayRule",

    CONSTRAINT "OfferPlace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferRedirect" (
    "id" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "notOffered" TEXT NOT NULL,
    "redirectToOfferId" UUID,
    "redirectToStructureId" UUID,
    "note" TEXT,

    CONSTRAINT "OfferRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningSlot" (
    "id" UUID NOT NULL,
    "placeId" UUID,
    "offerPlaceId" UUID,
    "offerId" UUID,
    "weekday" INTEGER NOT NULL,
    "opensAtMinute" INTEGER NOT NULL,
    "closesAtMinute" INTEGER NOT NULL,
    "appointmentOnly" BOOLEAN NOT NULL DEFAULT false,
    "validFrom" DATE,
    "validUntil" DATE,

    CONSTRAINT "OpeningSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningException" (
    "id" UUID NOT NULL,
    "placeId" UUID,
    "offerPlaceId" UUID,
    "offerId" UUID,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT true,
    "opensAtMinute" INTEGER,
    "closesAtMinute" INTEGER,
    "label" TEXT NOT NULL,

    CONSTRAINT "OpeningException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vocabulary" (
    "key" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "sourceUrl" TEXT,

    CONSTRAINT "Vocabulary_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "VocabularyTerm" (
    "id" UUID NOT NULL,
    "vocabularyKey" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "parentCode" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VocabularyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Territory_slug_key" ON "Territory"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "TerritoryArea_territoryId_kind_code_key" ON "TerritoryArea"("territoryId", "kind", "code");

-- CreateIndex
CREATE INDEX "Structure_territoryId_status_idx" ON "Structure"("territoryId", "status");

-- CreateIndex
CREATE INDEX "StructureIdentifier_type_value_idx" ON "StructureIdentifier"("type", "value");

-- CreateIndex
CREATE UNIQUE INDEX "StructureIdentifier_structureId_type_key" ON "StructureIdentifier"("structureId", "type");

-- CreateIndex
CREATE INDEX "StructureTerm_termId_idx" ON "StructureTerm"("termId");

-- CreateIndex
CREATE INDEX "Place_structureId_idx" ON "Place"("structureId");

-- CreateIndex
CREATE INDEX "Offer_structureId_status_idx" ON "Offer"("structureId", "status");

-- CreateIndex
CREATE INDEX "OfferTerm_termId_idx" ON "OfferTerm"("termId");

-- CreateIndex
CREATE INDEX "OfferPlace_placeId_idx" ON "OfferPlace"("placeId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferPlace_offerId_placeId_key" ON "OfferPlace"("offerId", "placeId");

-- CreateIndex
CREATE INDEX "OfferRedirect_offerId_idx" ON "OfferRedirect"("offerId");

-- CreateIndex
CREATE INDEX "OpeningSlot_placeId_idx" ON "OpeningSlot"("placeId");

-- CreateIndex
CREATE INDEX "OpeningSlot_offerPlaceId_idx" ON "OpeningSlot"("offerPlaceId");

-- CreateIndex
CREATE INDEX "OpeningSlot_offerId_idx" ON "OpeningSlot"("offerId");

-- CreateIndex
CREATE INDEX "OpeningException_placeId_idx" ON "OpeningException"("placeId");

-- CreateIndex
CREATE INDEX "OpeningException_offerPlaceId_idx" ON "OpeningException"("offerPlaceId");

-- CreateIndex
CREATE INDEX "OpeningException_offerId_idx" ON "OpeningException"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "VocabularyTerm_vocabularyKey_code_key" ON "VocabularyTerm"("vocabularyKey", "code");

-- AddForeignKey
ALTER TABLE "TerritoryArea" ADD CONSTRAINT "TerritoryArea_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Structure" ADD CONSTRAINT "Structure_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureIdentifier" ADD CONSTRAINT "StructureIdentifier_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureTerm" ADD CONSTRAINT "StructureTerm_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureTerm" ADD CONSTRAINT "StructureTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTerm" ADD CONSTRAINT "OfferTerm_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTerm" ADD CONSTRAINT "OfferTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPlace" ADD CONSTRAINT "OfferPlace_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPlace" ADD CONSTRAINT "OfferPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRedirect" ADD CONSTRAINT "OfferRedirect_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRedirect" ADD CONSTRAINT "OfferRedirect_redirectToOfferId_fkey" FOREIGN KEY ("redirectToOfferId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRedirect" ADD CONSTRAINT "OfferRedirect_redirectToStructureId_fkey" FOREIGN KEY ("redirectToStructureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningSlot" ADD CONSTRAINT "OpeningSlot_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningSlot" ADD CONSTRAINT "OpeningSlot_offerPlaceId_fkey" FOREIGN KEY ("offerPlaceId") REFERENCES "OfferPlace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningSlot" ADD CONSTRAINT "OpeningSlot_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningException" ADD CONSTRAINT "OpeningException_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningException" ADD CONSTRAINT "OpeningException_offerPlaceId_fkey" FOREIGN KEY ("offerPlaceId") REFERENCES "OfferPlace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningException" ADD CONSTRAINT "OpeningException_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VocabularyTerm" ADD CONSTRAINT "VocabularyTerm_vocabularyKey_fkey" FOREIGN KEY ("vocabularyKey") REFERENCES "Vocabulary"("key") ON DELETE CASCADE ON UPDATE CASCADE;
