-- DropIndex
DROP INDEX "checkouts_cart_id_key";

-- CreateIndex
CREATE INDEX "checkouts_cart_id_created_at_idx" ON "checkouts"("cart_id", "created_at" DESC);
