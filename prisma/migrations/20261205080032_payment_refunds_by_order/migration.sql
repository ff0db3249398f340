-- CreateIndex
CREATE INDEX "payment_refunds_order_id_idx" ON "payment_refunds"("order_id");

-- The orders whose refund Stripe reported failed or cancelled (the console's "refund failed"
-- filter): few rows, so a partial index keeps the lookup cheap however many refunds succeed.
CREATE INDEX "payment_refunds_failed_order_id_idx" ON "payment_refunds"("order_id") WHERE "status" IN ('failed', 'canceled');
