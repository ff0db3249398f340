-- A shopper's orders and a brand's orders, each newest first, through partial indexes: a guest's
-- order has no shopper and a museum-fulfilled order no brand, and those rows (most of them) were
-- indexed under NULL for nothing on every insert and on every status change (an orders UPDATE
-- is never HOT: status is indexed). `shopper_user_id = $1` implies IS NOT NULL, so the same
-- queries use them.
DROP INDEX "orders_shopper_user_id_created_at_id_idx";
CREATE INDEX "orders_shopper_user_id_created_at_id_idx" ON "orders"("shopper_user_id", "created_at" DESC, "id") WHERE "shopper_user_id" IS NOT NULL;

DROP INDEX "orders_fulfilled_by_brand_id_created_at_id_idx";
CREATE INDEX "orders_fulfilled_by_brand_id_created_at_id_idx" ON "orders"("fulfilled_by_brand_id", "created_at" DESC, "id") WHERE "fulfilled_by_brand_id" IS NOT NULL;
