-- CreateTable
CREATE TABLE "stock_claims" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "refs" TEXT[],

    CONSTRAINT "stock_claims_pkey" PRIMARY KEY ("id")
);

-- Stock is taken when the reserving transaction COMMITs (docs/adr/0006): each claim is applied
-- with the conditional update that never oversells, in the order reserve wrote them (sorted by
-- location, then variant: the one locking order), and deleted. The hottest row of a drop is thus
-- locked only while PostgreSQL commits, never across a round trip to the application. When a
-- level is short the commit fails (SQLSTATE VXOOS) and rolls back whole, and DETAIL names, as JSON,
-- this claim and every other claim of its batch that is short too. The body is an E-string with
-- \073 for the semicolons: the migration runner splits scripts on every semicolon.
CREATE FUNCTION stock_claims_apply() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  short jsonb\073
BEGIN
  UPDATE stock_levels SET reserved = reserved + NEW.quantity, updated_at = now()
  WHERE variant_id = NEW.variant_id AND location_id = NEW.location_id AND on_hand - reserved >= NEW.quantity\073
  IF FOUND THEN
    DELETE FROM stock_claims WHERE id = NEW.id\073
    RETURN NULL\073
  END IF\073
  SELECT jsonb_agg(jsonb_build_object(
           ''variantId'', c.variant_id, ''locationId'', c.location_id, ''requested'', c.quantity,
           ''available'', GREATEST(COALESCE(s.on_hand - s.reserved, 0), 0), ''lines'', to_jsonb(COALESCE(c.refs, ''{}''))) ORDER BY c.id)
    INTO short
    FROM stock_claims c
    LEFT JOIN stock_levels s ON s.variant_id = c.variant_id AND s.location_id = c.location_id
   WHERE c.batch_id = NEW.batch_id AND (c.id = NEW.id OR s.variant_id IS NULL OR s.on_hand - s.reserved < c.quantity)\073
  RAISE EXCEPTION USING ERRCODE = ''VXOOS'', MESSAGE = ''out of stock'', DETAIL = short::text\073
END
';

CREATE CONSTRAINT TRIGGER stock_claims_apply AFTER INSERT ON stock_claims
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stock_claims_apply();
