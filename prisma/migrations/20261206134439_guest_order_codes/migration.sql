-- AlterTable
ALTER TABLE "order_returns" ALTER COLUMN "shopper_user_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "guest_order_codes" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "used_at" TIMESTAMP(3),
    "message_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guest_order_codes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "guest_order_codes_order_id_created_at_idx" ON "guest_order_codes"("order_id", "created_at" DESC);
