-- By hand (CHECK constraints are not in the Prisma schema): a checkout and an order total
-- is its goods less the promotions discount, plus shipping, insurance and tax (ADR 0017), a
-- line discount lies between 0 and its goods, the platform-funded part within it.
ALTER TABLE "orders" DROP CONSTRAINT "orders_total_adds_up";
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_adds_up" CHECK ("total_minor" = "goods_minor" - "discount_minor" + "shipping_minor" + "insurance_minor" + "tax_minor");
ALTER TABLE "checkouts" DROP CONSTRAINT "checkouts_total_adds_up";
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_total_adds_up" CHECK ("total_minor" = "goods_minor" - "discount_minor" + "shipping_minor" + "insurance_minor" + "tax_minor");
ALTER TABLE "orders" ADD CONSTRAINT "orders_discount_within_goods" CHECK ("discount_minor" >= 0 AND "discount_minor" <= "goods_minor");
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_discount_within_goods" CHECK ("discount_minor" >= 0 AND "discount_minor" <= "goods_minor" AND "platform_discount_minor" >= 0 AND "platform_discount_minor" <= "discount_minor");

-- The coupon travels with the cart requests instead (cart(couponCode), the placeOrder input), no per-cart row.
DROP TABLE "cart_coupons";
