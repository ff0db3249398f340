-- DropIndex
DROP INDEX "seller_payouts_run_key_seller_type_seller_id_currency_key";

-- AlterTable
ALTER TABLE "seller_payouts" ADD COLUMN     "bank_failure_code" TEXT,
ADD COLUMN     "bank_failure_message" TEXT,
ADD COLUMN     "bank_payout_id" TEXT,
ADD COLUMN     "bank_status" TEXT,
ADD COLUMN     "bank_status_at" TIMESTAMP(3),
ADD COLUMN     "checkout_id" UUID,
ADD COLUMN     "transfer_group" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "seller_payouts_checkout_id_idx" ON "seller_payouts"("checkout_id");

-- CreateIndex
CREATE INDEX "seller_payouts_stripe_account_id_status_idx" ON "seller_payouts"("stripe_account_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "seller_payouts_run_key_seller_type_seller_id_currency_trans_key" ON "seller_payouts"("run_key", "seller_type", "seller_id", "currency", "transfer_group");
