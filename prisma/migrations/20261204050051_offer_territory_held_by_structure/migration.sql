-- Offer.territoryId is its structure's territory, held by the database: (structureId, territoryId)
-- refers to Structure(id, territoryId). Fails, and changes nothing, if an existing offer disagrees.
CREATE UNIQUE INDEX "Structure_id_territoryId_key" ON "Structure"("id", "territoryId");

ALTER TABLE "Offer" ADD CONSTRAINT "Offer_structureId_territoryId_fkey" FOREIGN KEY ("structureId", "territoryId") REFERENCES "Structure"("id", "territoryId") ON DELETE CASCADE ON UPDATE CASCADE;
