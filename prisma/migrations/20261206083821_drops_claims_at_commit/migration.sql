-- AlterTable
ALTER TABLE "drops" ADD COLUMN     "claimed_units" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "drop_entries" ADD COLUMN     "claimed_units" INTEGER NOT NULL DEFAULT 0;

-- Hand-written (docs/adr/0017): the edition is claimed when a checkout of a drop commits, like
-- stock (docs/adr/0006): the drop row is locked only while PostgreSQL commits, never across a
-- round trip. A checkout using its turn (ADMITTED to CHECKED_OUT, with the units it takes)
-- queues a deferred claim. At COMMIT the claim adds them to the drop if the edition still has
-- room, or aborts the commit with SQLSTATE VXDSO (answered DROP_SOLD_OUT). A lapsed or withdrawn
-- checkout gives its units back in the worker's transaction that ends its turn. The body is an
-- E-string with \073 for the semicolons: the migration runner splits scripts on every semicolon.
ALTER TABLE "drops" ADD CONSTRAINT "drops_claimed_within_edition" CHECK ("claimed_units" >= 0 AND "claimed_units" <= "edition_size");
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_claimed_units_check" CHECK ("claimed_units" >= 0);

CREATE FUNCTION drop_entries_claim_apply() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE drops SET claimed_units = claimed_units + NEW.claimed_units
  WHERE id = NEW.drop_id AND claimed_units + NEW.claimed_units <= edition_size\073
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = ''VXDSO'', MESSAGE = ''drop edition sold out''\073
  END IF\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER drop_entries_claim AFTER UPDATE OF status ON drop_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status = 'ADMITTED' AND NEW.status = 'CHECKED_OUT')
  EXECUTE FUNCTION drop_entries_claim_apply();
