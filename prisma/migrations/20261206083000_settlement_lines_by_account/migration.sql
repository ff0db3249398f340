-- CreateIndex
CREATE INDEX "settlement_journal_lines_account_id_id_idx" ON "settlement_journal_lines"("account_id", "id");
