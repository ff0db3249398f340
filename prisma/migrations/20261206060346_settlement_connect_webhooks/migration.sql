-- AlterTable
ALTER TABLE "seller_payout_accounts" ADD COLUMN     "bank_payout_at" TIMESTAMP(3),
ADD COLUMN     "bank_payout_failure_code" TEXT,
ADD COLUMN     "bank_payout_id" TEXT,
ADD COLUMN     "bank_payout_status" TEXT,
ADD COLUMN     "charges_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "seller_payouts" ADD COLUMN     "reversed_minor" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "seller_payout_reversals" (
    "id" UUID NOT NULL,
    "payout_id" UUID NOT NULL,
    "stripe_reversal_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seller_payout_reversals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "seller_payout_reversals_stripe_reversal_id_key" ON "seller_payout_reversals"("stripe_reversal_id");

-- CreateIndex
CREATE INDEX "seller_payout_reversals_payout_id_idx" ON "seller_payout_reversals"("payout_id");

-- AddForeignKey
ALTER TABLE "seller_payout_reversals" ADD CONSTRAINT "seller_payout_reversals_payout_id_fkey" FOREIGN KEY ("payout_id") REFERENCES "seller_payouts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
