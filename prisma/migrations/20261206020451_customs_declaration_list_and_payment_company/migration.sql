-- AlterEnum
ALTER TYPE "CustomsDocument" ADD VALUE 'INVENTORY';

-- AlterTable
ALTER TABLE "storefronts" ADD COLUMN     "customs_code" VARCHAR(10),
ADD COLUMN     "customs_name" TEXT;

-- CreateTable
CREATE TABLE "customs_payment_declarations" (
    "message_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "out_request_no" TEXT NOT NULL,
    "trade_no" TEXT NOT NULL,
    "merchant_customs_code" TEXT NOT NULL,
    "customs_place" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "request_masked" TEXT NOT NULL,
    "answer_raw" TEXT,
    "result_code" TEXT,
    "declare_no" TEXT,
    "payer_name_verified" TEXT,
    "identity_match" BOOLEAN,
    "answered_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customs_payment_declarations_pkey" PRIMARY KEY ("message_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customs_payment_declarations_out_request_no_key" ON "customs_payment_declarations"("out_request_no");
