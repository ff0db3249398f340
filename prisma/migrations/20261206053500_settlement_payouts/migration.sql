-- CreateTable
CREATE TABLE "seller_payout_accounts" (
    "id" UUID NOT NULL,
    "seller_type" TEXT NOT NULL,
    "seller_id" UUID NOT NULL,
    "stripe_account_id" TEXT NOT NULL,
    "payouts_enabled" BOOLEAN NOT NULL DEFAULT false,
    "details_submitted" BOOLEAN NOT NULL DEFAULT false,
    "requirements" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seller_payout_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seller_payouts" (
    "id" UUID NOT NULL,
    "run_key" TEXT NOT NULL,
    "seller_type" TEXT NOT NULL,
    "seller_id" UUID NOT NULL,
    "stripe_account_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "stripe_transfer_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMP(3),

    CONSTRAINT "seller_payouts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "seller_payout_accounts_stripe_account_id_key" ON "seller_payout_accounts"("stripe_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "seller_payout_accounts_seller_type_seller_id_key" ON "seller_payout_accounts"("seller_type", "seller_id");

-- CreateIndex
CREATE UNIQUE INDEX "seller_payouts_stripe_transfer_id_key" ON "seller_payouts"("stripe_transfer_id");

-- CreateIndex
CREATE INDEX "seller_payouts_seller_type_seller_id_status_idx" ON "seller_payouts"("seller_type", "seller_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "seller_payouts_run_key_seller_type_seller_id_currency_key" ON "seller_payouts"("run_key", "seller_type", "seller_id", "currency");

ALTER TABLE "seller_payouts" ADD CONSTRAINT "seller_payouts_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "seller_payouts" ADD CONSTRAINT "seller_payouts_status" CHECK ("status" IN ('PENDING', 'PAID', 'FAILED'));
