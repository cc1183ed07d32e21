-- The public search at national scale (issue 5) starts from a territory's published offers and
-- filters them by term in one scan, instead of probing OfferTerm for each offer.

-- An offer's territory, copied from its structure (an offer never changes structure, a structure
-- never changes territory). Added empty, filled from the structures, then required.
ALTER TABLE "Offer" ADD COLUMN     "territoryId" UUID;
UPDATE "Offer" o SET "territoryId" = s."territoryId" FROM "Structure" s WHERE s."id" = o."structureId";
ALTER TABLE "Offer" ALTER COLUMN "territoryId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Offer_territoryId_status_idx" ON "Offer"("territoryId", "status");

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An offer's term ids, a copy of its OfferTerm rows kept by every writer (lib/offers/editing.ts,
-- the demo seed, the benchmark's writer): the search filters on it without probing OfferTerm.
ALTER TABLE "Offer" ADD COLUMN     "termIds" UUID[] DEFAULT ARRAY[]::UUID[];
UPDATE "Offer" o SET "termIds" = ARRAY(SELECT ot."termId" FROM "OfferTerm" ot WHERE ot."offerId" = o."id");

-- The search's commune and distance filters find the places first, a code or postal code typed
-- is looked up directly.
CREATE INDEX "Place_communeCode_idx" ON "Place"("communeCode");
CREATE INDEX "Place_postalCode_idx" ON "Place"("postalCode");
CREATE INDEX "Place_latitude_longitude_idx" ON "Place"("latitude", "longitude");
