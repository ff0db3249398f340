-- AlterTable
ALTER TABLE "drops" ADD COLUMN     "claimed_units" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "drop_entries" ADD COLUMN     "claimed_units" INTEGER NOT NULL DEFAULT 0;

-- Hand-written (docs/adr/0017): the edition is claimed when a checkout of a drop commits, like
-- stock (docs/adr/0006): the drop row is locked only while PostgreSQL commits, never across a
-- round trip. A checkout using its turn (ADMITTED -> CHECKED_OUT, with the units it takes)
-- queues a deferred claim; at COMMIT the claim adds them to the drop if the edition still has
-- room, or aborts the commit with SQLSTATE VXDSO (answered DROP_SOLD_OUT). A lapsed or withdrawn
-- checkout gives its units back in the worker's transaction that ends its turn.
ALTER TABLE "drops" ADD CONSTRAINT "drops_claimed_within_edition" CHECK ("claimed_units" >= 0 AND "claimed_units" <= "edition_size");
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_claimed_units_check" CHECK ("claimed_units" >= 0);

CREATE FUNCTION drop_entries_claim_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE drops SET claimed_units = claimed_units + NEW.claimed_units
  WHERE id = NEW.drop_id AND claimed_units + NEW.claimed_units <= edition_size;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the edition of drop % has no room for % more', NEW.drop_id, NEW.claimed_units USING ERRCODE = 'VXDSO';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER drop_entries_claim AFTER UPDATE OF status ON drop_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status = 'ADMITTED' AND NEW.status = 'CHECKED_OUT')
  EXECUTE FUNCTION drop_entries_claim_at_commit();
