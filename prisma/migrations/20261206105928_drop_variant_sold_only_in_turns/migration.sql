-- Hand-written (docs/adr/0017): a drop's variant is sold only through a turn, whichever API
-- process takes the checkout. Each process learns of a new drop from a list it reads again every
-- few seconds (DropVariants), so for a moment after a drop's creation another process may not
-- know it and let any shopper check its variant out. This deferred trigger checks at COMMIT, for
-- each order line of a variant under a drop not ended or cancelled, that the shopper's entry in
-- that drop used its turn for this very checkout, and otherwise aborts the commit with SQLSTATE
-- VXDNA (answered DROP_NOT_ADMITTED). Order lines of other variants cost one probe of the drops'
-- variant index. The body is an E-string with \073 for the semicolons: the migration runner
-- splits scripts on every semicolon.
CREATE FUNCTION order_lines_drop_turn_check() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (
    SELECT 1 FROM drops d
    WHERE d.variant_id = NEW.variant_id AND d.status NOT IN (''ENDED'', ''CANCELLED'')
      AND NOT EXISTS (
        SELECT 1 FROM orders o JOIN drop_entries e ON e.drop_id = d.id AND e.user_id = o.shopper_user_id AND e.checkout_id = o.checkout_id
        WHERE o.id = NEW.order_id)
  ) THEN
    RAISE EXCEPTION USING ERRCODE = ''VXDNA'', MESSAGE = ''a drop variant is sold only during a turn''\073
  END IF\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER order_lines_drop_turn AFTER INSERT ON order_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION order_lines_drop_turn_check();
