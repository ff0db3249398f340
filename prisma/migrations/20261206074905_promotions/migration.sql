-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('THRESHOLD', 'COUPON');

-- CreateEnum
CREATE TYPE "PromotionDiscountType" AS ENUM ('PERCENT', 'AMOUNT');

-- CreateEnum
CREATE TYPE "PromotionFunder" AS ENUM ('MUSEUM', 'PLATFORM');

-- AlterTable
ALTER TABLE "checkouts" ADD COLUMN     "discount_minor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "discount_minor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "order_lines" ADD COLUMN     "discount_minor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "platform_discount_minor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "order_line_refunds" ADD COLUMN     "discount_minor" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "promotions" (
    "id" UUID NOT NULL,
    "museum_id" UUID,
    "kind" "PromotionKind" NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "every" BOOLEAN NOT NULL DEFAULT false,
    "discount_type" "PromotionDiscountType",
    "percent_bps" INTEGER,
    "amount_off_minor" INTEGER,
    "min_spend_minor" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "funded_by" "PromotionFunder" NOT NULL,
    "per_shopper_limit" INTEGER,
    "total_limit" INTEGER,
    "used_count" INTEGER NOT NULL DEFAULT 0,
    "all_products" BOOLEAN NOT NULL DEFAULT true,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "archived_at" TIMESTAMP(3),
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_products" (
    "promotion_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,

    CONSTRAINT "promotion_products_pkey" PRIMARY KEY ("promotion_id","product_id")
);

-- CreateTable
CREATE TABLE "promotion_redemptions" (
    "id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "checkout_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "shopper_user_id" UUID,
    "amount_minor" INTEGER NOT NULL,
    "funded_by" "PromotionFunder" NOT NULL,
    "released_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cart_coupons" (
    "cart_id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "applied_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cart_coupons_pkey" PRIMARY KEY ("cart_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "promotions_code_key" ON "promotions"("code");

-- CreateIndex
CREATE INDEX "promotions_museum_id_ends_at_idx" ON "promotions"("museum_id", "ends_at");

-- CreateIndex
CREATE INDEX "promotion_products_product_id_idx" ON "promotion_products"("product_id");

-- CreateIndex
CREATE INDEX "promotion_redemptions_promotion_id_identity_id_idx" ON "promotion_redemptions"("promotion_id", "identity_id");

-- CreateIndex
CREATE INDEX "promotion_redemptions_checkout_id_idx" ON "promotion_redemptions"("checkout_id");

-- CreateIndex
CREATE INDEX "promotion_redemptions_order_id_idx" ON "promotion_redemptions"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemptions_promotion_id_order_id_key" ON "promotion_redemptions"("promotion_id", "order_id");

-- AddForeignKey
ALTER TABLE "promotion_products" ADD CONSTRAINT "promotion_products_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- By hand: the database itself refuses over-use (placeOrder's conditional increment is the
-- first guard), a coupon's cart and promotion, and a promotion's museum.
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_used_within_limit" CHECK ("used_count" >= 0 AND ("total_limit" IS NULL OR "used_count" <= "total_limit"));
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_museum_id_fkey" FOREIGN KEY ("museum_id") REFERENCES "museums"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "cart_coupons" ADD CONSTRAINT "cart_coupons_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cart_coupons" ADD CONSTRAINT "cart_coupons_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
