-- Where an order came from (issue 17): channel and reference of the source marker the shopper
-- landed with: placeOrder writes one row per order of a checkout that had one.
-- CreateEnum
CREATE TYPE "AttributionChannel" AS ENUM ('SHELF_QR', 'ARTICLE', 'LIVESTREAM', 'DIRECT');

-- CreateTable
CREATE TABLE "order_attributions" (
    "order_id" UUID NOT NULL,
    "channel" "AttributionChannel" NOT NULL,
    "ref" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_attributions_pkey" PRIMARY KEY ("order_id")
);

-- CreateIndex
CREATE INDEX "order_attributions_channel_order_id_idx" ON "order_attributions"("channel", "order_id");

-- AddForeignKey
ALTER TABLE "order_attributions" ADD CONSTRAINT "order_attributions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
