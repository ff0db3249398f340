-- The balance check of a journal entry (settlement_entry_balanced, 20261206045500) runs about
-- once per entry instead of once per row: the deferred trigger fires for the entry's row and
-- for each of its lines, and each firing summed all of the entry's lines again (seven sums for
-- an order's six lines: a third of what writing a batch of entries cost, issue 21). Now:
-- - the entry's own row only checks that the entry has a line (one index probe), every line's
--   row still checks the balance, so each write of lines is checked as before,
-- - a balance check remembers, for the rest of the transaction (set_config local, undone with a
--   savepoint's rollback), the entry it found balanced and the highest line id it summed: a
--   later firing for a line of that entry skips only if that line's id is among those summed.
--   A line added after the check has a higher id (this session's sequence values only grow),
--   so it is checked again (constraints made immediate mid-transaction, say).
-- One statement per check: the lines, their highest id and the currencies off, together.
-- The body is an E-string with \073 for the semicolons: the migration runner splits scripts on
-- every semicolon.
CREATE OR REPLACE FUNCTION settlement_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  entry uuid\073
  memo text\073
  n bigint\073
  last_id bigint\073
  off text\073
BEGIN
  memo := current_setting(''vitrine.settlement_entry_checked'', true)\073
  IF TG_TABLE_NAME = ''settlement_journal_entries'' THEN
    -- The entry row: it must have lines. Their balance is checked when their own rows fire.
    entry := NEW.id\073
    IF memo LIKE entry::text || ''/%'' OR EXISTS (SELECT 1 FROM settlement_journal_lines WHERE entry_id = entry) THEN RETURN NULL\073 END IF\073
    RAISE EXCEPTION ''settlement journal entry % has no lines'', entry USING ERRCODE = ''VXUNB''\073
  ELSE
    entry := NEW.entry_id\073
    IF memo LIKE entry::text || ''/%'' AND NEW.id <= split_part(memo, ''/'', 2)::bigint THEN RETURN NULL\073 END IF\073
  END IF\073
  SELECT sum(c), max(m), string_agg(CASE WHEN s <> 0 THEN s || '' '' || currency END, '', '') INTO n, last_id, off
    FROM (SELECT currency, count(*) AS c, max(id) AS m, sum(amount_minor) AS s FROM settlement_journal_lines WHERE entry_id = entry GROUP BY currency) x\073
  IF n IS NULL THEN
    RAISE EXCEPTION ''settlement journal entry % has no lines'', entry USING ERRCODE = ''VXUNB''\073
  END IF\073
  IF off IS NOT NULL THEN
    RAISE EXCEPTION ''settlement journal entry % does not balance: %'', entry, off USING ERRCODE = ''VXUNB''\073
  END IF\073
  PERFORM set_config(''vitrine.settlement_entry_checked'', entry::text || ''/'' || last_id, true)\073
  RETURN NULL\073
END
';
