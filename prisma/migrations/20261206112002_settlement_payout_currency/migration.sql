-- AlterTable
ALTER TABLE "seller_payout_accounts" ADD COLUMN     "payout_currency" CHAR(3);

-- AlterTable
ALTER TABLE "seller_payouts" ADD COLUMN     "exchange_rate" TEXT,
ADD COLUMN     "received_at" TIMESTAMP(3),
ADD COLUMN     "received_currency" CHAR(3),
ADD COLUMN     "received_minor" BIGINT;
