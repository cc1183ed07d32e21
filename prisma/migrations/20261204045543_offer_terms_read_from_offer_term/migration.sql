-- The public search reads an offer's terms from OfferTerm (lib/public-search/territory-index.ts):
-- the copy of them on the offer, kept by every writer, goes.
ALTER TABLE "Offer" DROP COLUMN "termIds";
