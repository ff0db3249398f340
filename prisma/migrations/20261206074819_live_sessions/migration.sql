-- CreateTable
CREATE TABLE "live_sessions" (
    "id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "stream_url" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "pinned_product_id" UUID,
    "pinned_at" TIMESTAMP(3),
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_session_products" (
    "session_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_session_products_pkey" PRIMARY KEY ("session_id","product_id")
);

-- CreateTable
CREATE TABLE "live_flash_prices" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "created_by" UUID NOT NULL,

    CONSTRAINT "live_flash_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_announcements" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_announcements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_cart_lines" (
    "cart_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_cart_lines_pkey" PRIMARY KEY ("cart_id","variant_id")
);

-- CreateTable
CREATE TABLE "live_session_orders" (
    "order_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_session_orders_pkey" PRIMARY KEY ("order_id","session_id")
);

-- CreateIndex
CREATE INDEX "live_sessions_museum_id_starts_at_idx" ON "live_sessions"("museum_id", "starts_at" DESC);

-- CreateIndex
CREATE INDEX "live_flash_prices_session_id_product_id_ends_at_idx" ON "live_flash_prices"("session_id", "product_id", "ends_at");

-- CreateIndex
CREATE INDEX "live_announcements_session_id_created_at_idx" ON "live_announcements"("session_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "live_cart_lines_session_id_idx" ON "live_cart_lines"("session_id");

-- CreateIndex
CREATE INDEX "live_session_orders_session_id_idx" ON "live_session_orders"("session_id");

-- AddForeignKey
ALTER TABLE "live_session_products" ADD CONSTRAINT "live_session_products_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_flash_prices" ADD CONSTRAINT "live_flash_prices_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_announcements" ADD CONSTRAINT "live_announcements_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (prisma/schema/live.prisma keeps no back-relations in other contexts' files).
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_museum_id_fkey" FOREIGN KEY ("museum_id") REFERENCES "museums"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_session_products" ADD CONSTRAINT "live_session_products_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_cart_lines" ADD CONSTRAINT "live_cart_lines_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_cart_lines" ADD CONSTRAINT "live_cart_lines_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_session_orders" ADD CONSTRAINT "live_session_orders_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_session_orders" ADD CONSTRAINT "live_session_orders_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_flash_prices" ADD CONSTRAINT "live_flash_prices_price_positive" CHECK ("price_minor" > 0 AND "ends_at" > "starts_at");
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_times" CHECK ("ends_at" > "starts_at");
