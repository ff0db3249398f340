-- AlterTable
ALTER TABLE "seller_payouts" ADD COLUMN     "destination_payment_id" TEXT;

-- CreateTable
CREATE TABLE "seller_bank_payouts" (
    "id" UUID NOT NULL,
    "stripe_payout_id" TEXT NOT NULL,
    "stripe_account_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "failure_code" TEXT,
    "failure_message" TEXT,
    "reported_at" TIMESTAMP(3) NOT NULL,
    "matched_at" TIMESTAMP(3),
    "matched_status" TEXT,
    "matched_transfers" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seller_bank_payouts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "seller_bank_payouts_stripe_payout_id_key" ON "seller_bank_payouts"("stripe_payout_id");

-- CreateIndex
CREATE INDEX "seller_bank_payouts_stripe_account_id_idx" ON "seller_bank_payouts"("stripe_account_id");

-- CreateIndex
CREATE INDEX "seller_payouts_stripe_account_id_destination_payment_id_idx" ON "seller_payouts"("stripe_account_id", "destination_payment_id");
