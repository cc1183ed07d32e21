-- Territory.searchVersion is bumped by the database: after every statement that writes a table the
-- public search reads (lib/public-search/territory-index.ts), the version of each territory whose
-- rows it inserted, updated or deleted goes up by one, in the writer's transaction. A writer can
-- no longer forget it (lib/public-search/search-version.db.test.ts writes every table with no helper).
--
-- Statement-level triggers with transition tables: a batched write (an import's createMany) bumps
-- each territory it touches once, not once per row. A row's territory is found through its owner:
-- Structure and Offer carry it; a place through its structure; an offer's terms and places through
-- the offer; hours through their place, offer at a place or offer. A delete finds it through the
-- deleted rows (OLD TABLE); when the owner went in the same statement (a cascade), the owner's own
-- trigger bumps it. A term's vocabulary, code or order changing bumps the territories of the offers
-- that have it.
--
-- The territories are locked in the order of their ids, so that two statements touching the same
-- territories never wait on each other in opposite orders.
CREATE FUNCTION toile_bump_search_versions(territories uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Territory" t SET "searchVersion" = t."searchVersion" + 1
  FROM (SELECT id FROM "Territory" WHERE id = ANY(territories) ORDER BY id FOR NO KEY UPDATE) AS locked
  WHERE t.id = locked.id;
$$;

CREATE FUNCTION toile_search_changed_structure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT r."territoryId" FROM new_rows r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT r."territoryId" FROM old_rows r));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT r."territoryId" FROM new_rows r
      UNION SELECT r."territoryId" FROM old_rows r));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "Structure" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_structure();
CREATE TRIGGER search_updated AFTER UPDATE ON "Structure" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_structure();
CREATE TRIGGER search_deleted AFTER DELETE ON "Structure" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_structure();

CREATE FUNCTION toile_search_changed_offer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT r."territoryId" FROM new_rows r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT r."territoryId" FROM old_rows r));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT r."territoryId" FROM new_rows r
      UNION SELECT r."territoryId" FROM old_rows r));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "Offer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offer();
CREATE TRIGGER search_updated AFTER UPDATE ON "Offer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offer();
CREATE TRIGGER search_deleted AFTER DELETE ON "Offer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offer();

CREATE FUNCTION toile_search_changed_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM new_rows r JOIN "Structure" s ON s.id = r."structureId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM old_rows r JOIN "Structure" s ON s.id = r."structureId"));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM new_rows r JOIN "Structure" s ON s.id = r."structureId"
      UNION SELECT s."territoryId" FROM old_rows r JOIN "Structure" s ON s.id = r."structureId"));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "Place" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_place();
CREATE TRIGGER search_updated AFTER UPDATE ON "Place" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_place();
CREATE TRIGGER search_deleted AFTER DELETE ON "Place" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_place();

CREATE FUNCTION toile_search_changed_offerterm() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "OfferTerm" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offerterm();
CREATE TRIGGER search_updated AFTER UPDATE ON "OfferTerm" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offerterm();
CREATE TRIGGER search_deleted AFTER DELETE ON "OfferTerm" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offerterm();

CREATE FUNCTION toile_search_changed_offerplace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "OfferPlace" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offerplace();
CREATE TRIGGER search_updated AFTER UPDATE ON "OfferPlace" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offerplace();
CREATE TRIGGER search_deleted AFTER DELETE ON "OfferPlace" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_offerplace();

CREATE FUNCTION toile_search_changed_openingslot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM new_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM old_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM new_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"
      UNION SELECT s."territoryId" FROM old_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "OpeningSlot" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_openingslot();
CREATE TRIGGER search_updated AFTER UPDATE ON "OpeningSlot" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_openingslot();
CREATE TRIGGER search_deleted AFTER DELETE ON "OpeningSlot" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_openingslot();

CREATE FUNCTION toile_search_changed_openingexception() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM new_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM old_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  ELSE
    PERFORM toile_bump_search_versions(ARRAY(
      SELECT s."territoryId" FROM new_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM new_rows r JOIN "Offer" o ON o.id = r."offerId"
      UNION SELECT s."territoryId" FROM old_rows r JOIN "Place" p ON p.id = r."placeId" JOIN "Structure" s ON s.id = p."structureId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "OfferPlace" op ON op.id = r."offerPlaceId" JOIN "Offer" o ON o.id = op."offerId"
      UNION SELECT o."territoryId" FROM old_rows r JOIN "Offer" o ON o.id = r."offerId"));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_inserted AFTER INSERT ON "OpeningException" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_openingexception();
CREATE TRIGGER search_updated AFTER UPDATE ON "OpeningException" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_openingexception();
CREATE TRIGGER search_deleted AFTER DELETE ON "OpeningException" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_openingexception();

-- Terms: only what the search shows of them (vocabulary, code, order); deleting a term an offer has is refused.
CREATE FUNCTION toile_search_changed_vocabularyterm() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM toile_bump_search_versions(ARRAY(
    SELECT DISTINCT o."territoryId" FROM new_rows n JOIN old_rows b ON b.id = n.id
    JOIN "OfferTerm" ot ON ot."termId" = n.id JOIN "Offer" o ON o.id = ot."offerId"
    WHERE (n."vocabularyKey", n.code, n."sortOrder") IS DISTINCT FROM (b."vocabularyKey", b.code, b."sortOrder")));
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_updated AFTER UPDATE ON "VocabularyTerm" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_search_changed_vocabularyterm();
