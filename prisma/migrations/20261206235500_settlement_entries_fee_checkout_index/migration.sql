-- The entries' checkout index holds fee entries only: its one reader is feePosted (a checkout's
-- FEE entry, `checkout_id = $1 AND kind = 'FEE'`), and every other entry (three or more a
-- checkout: payments, payables, refunds) was indexed for nothing on each write, at a random
-- place of the index (issue 21). Same name as the Prisma schema's @@index([checkoutId]), like
-- the orders' partial indexes (20261205082154).
DROP INDEX "settlement_journal_entries_checkout_id_idx";
CREATE INDEX "settlement_journal_entries_checkout_id_idx" ON "settlement_journal_entries"("checkout_id") WHERE "kind" = 'FEE';
