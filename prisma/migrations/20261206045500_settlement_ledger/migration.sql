-- CreateTable
CREATE TABLE "settlement_accounts" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "owner_type" TEXT NOT NULL,
    "owner_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement_journal_entries" (
    "id" UUID NOT NULL,
    "event_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "checkout_id" UUID,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement_journal_lines" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "order_id" UUID,
    "component" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "settlement_journal_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commission_settings" (
    "id" UUID NOT NULL,
    "storefront_id" UUID NOT NULL,
    "default_rate_bps" INTEGER NOT NULL,
    "category_rates" JSONB NOT NULL DEFAULT '{}',
    "effective_from" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commission_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_line_commissions" (
    "order_line_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "rate_bps" INTEGER NOT NULL,
    "setting_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_line_commissions_pkey" PRIMARY KEY ("order_line_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "settlement_accounts_code_key" ON "settlement_accounts"("code");

-- CreateIndex
CREATE INDEX "settlement_accounts_kind_owner_type_owner_id_idx" ON "settlement_accounts"("kind", "owner_type", "owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_journal_entries_event_key_key" ON "settlement_journal_entries"("event_key");

-- CreateIndex
CREATE INDEX "settlement_journal_entries_checkout_id_idx" ON "settlement_journal_entries"("checkout_id");

-- CreateIndex
CREATE INDEX "settlement_journal_lines_entry_id_idx" ON "settlement_journal_lines"("entry_id");

-- CreateIndex
CREATE INDEX "settlement_journal_lines_account_id_currency_idx" ON "settlement_journal_lines"("account_id", "currency");

-- CreateIndex
CREATE INDEX "settlement_journal_lines_order_id_idx" ON "settlement_journal_lines"("order_id");

-- CreateIndex
CREATE INDEX "commission_settings_storefront_id_effective_from_idx" ON "commission_settings"("storefront_id", "effective_from" DESC);

-- CreateIndex
CREATE INDEX "order_line_commissions_order_id_idx" ON "order_line_commissions"("order_id");

-- AddForeignKey
ALTER TABLE "settlement_journal_lines" ADD CONSTRAINT "settlement_journal_lines_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "settlement_journal_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlement_journal_lines" ADD CONSTRAINT "settlement_journal_lines_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "settlement_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Amounts and rates the application must never write (checked again in code).
ALTER TABLE "settlement_journal_lines" ADD CONSTRAINT "settlement_journal_lines_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "settlement_journal_lines" ADD CONSTRAINT "settlement_journal_lines_amount_nonzero" CHECK ("amount_minor" <> 0);
ALTER TABLE "commission_settings" ADD CONSTRAINT "commission_settings_default_rate_range" CHECK ("default_rate_bps" BETWEEN 0 AND 10000);
ALTER TABLE "order_line_commissions" ADD CONSTRAINT "order_line_commissions_rate_range" CHECK ("rate_bps" BETWEEN 0 AND 10000);

-- Every journal entry sums to zero in each currency, and has lines: checked when the
-- transaction commits (DEFERRABLE INITIALLY DEFERRED), so the lines of one entry may be
-- inserted one statement at a time. A violation aborts the commit with SQLSTATE VXUNB.
-- The bodies are E-strings with \073 for the semicolons: the migration runner splits scripts
-- on every semicolon.
CREATE FUNCTION settlement_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  entry uuid\073
  off text\073
BEGIN
  IF TG_TABLE_NAME = ''settlement_journal_entries'' THEN entry := NEW.id\073 ELSE entry := NEW.entry_id\073 END IF\073
  IF NOT EXISTS (SELECT 1 FROM settlement_journal_lines WHERE entry_id = entry) THEN
    RAISE EXCEPTION ''settlement journal entry % has no lines'', entry USING ERRCODE = ''VXUNB''\073
  END IF\073
  SELECT string_agg(s || '' '' || currency, '', '') INTO off
    FROM (SELECT currency, sum(amount_minor) AS s FROM settlement_journal_lines WHERE entry_id = entry GROUP BY currency) x
   WHERE s <> 0\073
  IF off IS NOT NULL THEN
    RAISE EXCEPTION ''settlement journal entry % does not balance: %'', entry, off USING ERRCODE = ''VXUNB''\073
  END IF\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER "settlement_journal_lines_balanced"
  AFTER INSERT ON "settlement_journal_lines"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION settlement_entry_balanced();

CREATE CONSTRAINT TRIGGER "settlement_journal_entries_have_lines"
  AFTER INSERT ON "settlement_journal_entries"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION settlement_entry_balanced();

-- The ledger is append-only: a correction is a new entry, never an edit.
CREATE FUNCTION settlement_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''the settlement ledger is append-only (% on %)'', TG_OP, TG_TABLE_NAME USING ERRCODE = ''VXAPO''\073
END
';

CREATE TRIGGER "settlement_journal_lines_append_only" BEFORE UPDATE OR DELETE ON "settlement_journal_lines"
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
CREATE TRIGGER "settlement_journal_entries_append_only" BEFORE UPDATE OR DELETE ON "settlement_journal_entries"
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();

-- A line's commission snapshot goes with its order line (a checkout withdrawn before payment deletes its orders).
ALTER TABLE "order_line_commissions" ADD CONSTRAINT "order_line_commissions_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;
