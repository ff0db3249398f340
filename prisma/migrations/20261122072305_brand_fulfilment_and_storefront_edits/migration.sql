-- AlterTable
ALTER TABLE "stock_locations" ADD COLUMN     "brand_id" UUID,
ALTER COLUMN "museum_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "licensed_products" ADD COLUMN     "unapproved_edit" TEXT;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "fulfilled_by_brand_id" UUID;

-- CreateIndex
CREATE INDEX "stock_locations_brand_id_priority_idx" ON "stock_locations"("brand_id", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "stock_locations_brand_id_code_key" ON "stock_locations"("brand_id", "code");

-- CreateIndex
CREATE INDEX "orders_fulfilled_by_brand_id_created_at_id_idx" ON "orders"("fulfilled_by_brand_id", "created_at" DESC, "id");

-- A location belongs to exactly one owner: a museum or a brand partner.
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_one_owner" CHECK (num_nonnulls("museum_id", "brand_id") = 1);
ALTER TABLE "licensed_products" ADD CONSTRAINT "licensed_products_unapproved_edit_check" CHECK ("unapproved_edit" IS NULL OR "unapproved_edit" IN ('PENDING', 'REJECTED'));
