-- DropIndex
DROP INDEX "settlement_journal_lines_entry_id_idx";

-- DropIndex
DROP INDEX "settlement_journal_lines_account_id_currency_idx";

-- CreateIndex
CREATE INDEX "settlement_journal_lines_entry_id_currency_amount_minor_idx" ON "settlement_journal_lines"("entry_id", "currency", "amount_minor");

-- The ledger's integrity checked once per statement instead of once per row (issue 21, ADR 0028).
-- Until now every line cost two foreign-key checks (a row lock on its entry and on its account,
-- each through its own query) and a deferred balance trigger per line and per entry: about three
-- quarters of the time the catch-up spent writing a batch. Now:
-- - AFTER INSERT … FOR EACH STATEMENT triggers read the statement's new rows (transition tables)
--   with a few set queries: every new line's entry and account exist (what the foreign keys
--   checked, SQLSTATE 23503: entries are never deleted, being append-only, and accounts are
--   refused deletion below, so no row lock is needed), and the entries whose new lines do not
--   sum to zero per currency, or new entries without a line, are queued for the deferred check.
-- - The deferred check (a constraint trigger on that queue, DEFERRABLE INITIALLY DEFERRED, so at
--   COMMIT or when the constraints are made immediate) sums each queued entry's lines: SQLSTATE
--   VXUNB as before, same messages. An entry not queued is balanced: it was balanced before this
--   statement (committed entries are, and one left unbalanced by an earlier statement is queued)
--   and the statement added lines summing to zero in each currency.
-- The foreign keys stay in the Prisma schema (its relations), the database has these triggers instead.
-- Bodies are E-strings with \073 for the semicolons: the migration runner splits on every one.
DROP TRIGGER "settlement_journal_lines_balanced" ON "settlement_journal_lines";
DROP TRIGGER "settlement_journal_entries_have_lines" ON "settlement_journal_entries";
DROP FUNCTION settlement_entry_balanced();
ALTER TABLE "settlement_journal_lines" DROP CONSTRAINT "settlement_journal_lines_entry_id_fkey";
ALTER TABLE "settlement_journal_lines" DROP CONSTRAINT "settlement_journal_lines_account_id_fkey";

-- Entries to check at COMMIT, rows of the writing transaction only (deleted when checked).
CREATE TABLE "settlement_entries_to_check" ("entry_id" UUID NOT NULL);
CREATE INDEX "settlement_entries_to_check_entry_id_idx" ON "settlement_entries_to_check"("entry_id");

CREATE FUNCTION settlement_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  n bigint\073
  off text\073
BEGIN
  -- Queued twice (an entry, then an unbalanced statement of its lines): checked once, at the first.
  DELETE FROM settlement_entries_to_check WHERE entry_id = NEW.entry_id\073
  IF NOT FOUND THEN RETURN NULL\073 END IF\073
  SELECT sum(c), string_agg(CASE WHEN s <> 0 THEN s || '' '' || currency END, '', '') INTO n, off
    FROM (SELECT currency, count(*) AS c, sum(amount_minor) AS s FROM settlement_journal_lines WHERE entry_id = NEW.entry_id GROUP BY currency) x\073
  IF n IS NULL THEN
    RAISE EXCEPTION ''settlement journal entry % has no lines'', NEW.entry_id USING ERRCODE = ''VXUNB''\073
  END IF\073
  IF off IS NOT NULL THEN
    RAISE EXCEPTION ''settlement journal entry % does not balance: %'', NEW.entry_id, off USING ERRCODE = ''VXUNB''\073
  END IF\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER "settlement_entries_to_check_balanced"
  AFTER INSERT ON "settlement_entries_to_check"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION settlement_entry_balanced();

-- Index probes per distinct entry and account of the statement, never a scan of the ledger.
CREATE FUNCTION settlement_lines_inserted() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off AS E'
DECLARE
  missing text\073
BEGIN
  SELECT min(n.entry_id::text) INTO missing FROM (SELECT DISTINCT entry_id FROM new_lines) n
   WHERE NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.id = n.entry_id)\073
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION ''settlement journal line of entry % which does not exist'', missing USING ERRCODE = ''23503'', CONSTRAINT = ''settlement_journal_lines_entry_id_fkey''\073
  END IF\073
  SELECT min(n.account_id::text) INTO missing FROM (SELECT DISTINCT account_id FROM new_lines) n
   WHERE NOT EXISTS (SELECT 1 FROM settlement_accounts a WHERE a.id = n.account_id)\073
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION ''settlement journal line of account % which does not exist'', missing USING ERRCODE = ''23503'', CONSTRAINT = ''settlement_journal_lines_account_id_fkey''\073
  END IF\073
  INSERT INTO settlement_entries_to_check (entry_id)
  SELECT DISTINCT entry_id FROM (SELECT entry_id FROM new_lines GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0) x\073
  RETURN NULL\073
END
';

CREATE FUNCTION settlement_entries_inserted() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off AS E'
BEGIN
  INSERT INTO settlement_entries_to_check (entry_id)
  SELECT n.id FROM new_entries n WHERE NOT EXISTS (SELECT 1 FROM settlement_journal_lines l WHERE l.entry_id = n.id)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "settlement_journal_lines_checked" AFTER INSERT ON "settlement_journal_lines"
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION settlement_lines_inserted();
CREATE TRIGGER "settlement_journal_entries_checked" AFTER INSERT ON "settlement_journal_entries"
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION settlement_entries_inserted();

-- What the foreign keys' RESTRICT did for accounts: one with lines is never deleted (nor are
-- entries: the ledger is append-only).
CREATE FUNCTION settlement_account_kept() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (SELECT 1 FROM settlement_journal_lines WHERE account_id = OLD.id) THEN
    RAISE EXCEPTION ''settlement account % has ledger lines'', OLD.id USING ERRCODE = ''23503'', CONSTRAINT = ''settlement_journal_lines_account_id_fkey''\073
  END IF\073
  RETURN OLD\073
END
';
CREATE TRIGGER "settlement_accounts_kept" BEFORE DELETE ON "settlement_accounts" FOR EACH ROW EXECUTE FUNCTION settlement_account_kept();
