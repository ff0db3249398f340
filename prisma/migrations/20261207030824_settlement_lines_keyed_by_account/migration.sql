-- Issue 21: the ledger's lines keyed by (account_id, id), the index the seller's pages and balances
-- already read, instead of id alone, which no statement reads (0 scans over bench:settlement's
-- posting, reads and balance check): one index fewer to write per line.
-- DropIndex
DROP INDEX "settlement_journal_lines_account_id_id_idx";

-- AlterTable
ALTER TABLE "settlement_journal_lines" DROP CONSTRAINT "settlement_journal_lines_pkey",
ADD CONSTRAINT "settlement_journal_lines_pkey" PRIMARY KEY ("account_id", "id");
