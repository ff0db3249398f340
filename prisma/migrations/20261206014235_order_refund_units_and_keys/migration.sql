-- AlterTable
ALTER TABLE "order_line_refunds" ADD COLUMN     "amount_minor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tax_minor" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "order_refund_requests" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "provider_refund_id" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "refund_status" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_refund_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_refund_requests_order_id_idempotency_key_key" ON "order_refund_requests"("order_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "order_refund_requests" ADD CONSTRAINT "order_refund_requests_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rows written before these columns: their units' share of the line's landed price and tax.
UPDATE "order_line_refunds" r SET
  "amount_minor" = ROUND(l."total_minor"::numeric * r."quantity" / l."quantity"),
  "tax_minor" = ROUND(l."tax_minor"::numeric * r."quantity" / l."quantity")
FROM "order_lines" l WHERE l."id" = r."order_line_id";
