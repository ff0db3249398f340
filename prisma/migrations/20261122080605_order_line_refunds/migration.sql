-- CreateTable
CREATE TABLE "order_line_refunds" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "provider_refund_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "goods_minor" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_line_refunds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_line_refunds_order_id_idx" ON "order_line_refunds"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_line_refunds_provider_refund_id_order_line_id_key" ON "order_line_refunds"("provider_refund_id", "order_line_id");

-- AddForeignKey
ALTER TABLE "order_line_refunds" ADD CONSTRAINT "order_line_refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line_refunds" ADD CONSTRAINT "order_line_refunds_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;
