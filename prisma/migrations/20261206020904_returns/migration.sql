-- CreateEnum
CREATE TYPE "ReturnReason" AS ENUM ('CHANGED_MIND', 'DAMAGED', 'WRONG_ITEM');

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('REQUESTED', 'REFUSED', 'ACCEPTED', 'INSPECTED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "ReturnCustomsStatus" AS ENUM ('NOT_DECLARED', 'DECLARED', 'ACCEPTED', 'REJECTED');

-- AlterEnum
ALTER TYPE "StockMovementKind" ADD VALUE 'RETURN';

-- CreateTable
CREATE TABLE "order_returns" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "shopper_user_id" UUID NOT NULL,
    "reason" "ReturnReason" NOT NULL,
    "note" TEXT,
    "photo_urls" TEXT[],
    "status" "ReturnStatus" NOT NULL DEFAULT 'REQUESTED',
    "released_at" TIMESTAMP(3) NOT NULL,
    "request_deadline" TIMESTAMP(3) NOT NULL,
    "arrival_deadline" TIMESTAMP(3) NOT NULL,
    "decision_comment" TEXT,
    "decided_at" TIMESTAMP(3),
    "decided_by" UUID,
    "return_logistics_no" TEXT,
    "received_at" TIMESTAMP(3),
    "inspected_at" TIMESTAMP(3),
    "inspection_comment" TEXT,
    "late_at" TIMESTAMP(3),
    "customs_status" "ReturnCustomsStatus" NOT NULL DEFAULT 'NOT_DECLARED',
    "customs_accepted_at" TIMESTAMP(3),
    "refund_id" TEXT,
    "refund_attempts" INTEGER NOT NULL DEFAULT 0,
    "refund_amount_minor" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_returns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_return_lines" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "accepted_quantity" INTEGER,
    "sellable" BOOLEAN,

    CONSTRAINT "order_return_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_return_events" (
    "id" BIGSERIAL NOT NULL,
    "return_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_return_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shopper_notices" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "return_id" UUID,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "shopper_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_returns_return_logistics_no_key" ON "order_returns"("return_logistics_no");

-- CreateIndex
CREATE INDEX "order_returns_order_id_idx" ON "order_returns"("order_id");

-- CreateIndex
CREATE INDEX "order_returns_museum_id_created_at_id_idx" ON "order_returns"("museum_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "order_returns_status_arrival_deadline_idx" ON "order_returns"("status", "arrival_deadline");

-- CreateIndex
CREATE INDEX "order_returns_refund_id_idx" ON "order_returns"("refund_id");

-- CreateIndex
CREATE INDEX "order_return_lines_order_line_id_idx" ON "order_return_lines"("order_line_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_return_lines_return_id_order_line_id_key" ON "order_return_lines"("return_id", "order_line_id");

-- CreateIndex
CREATE INDEX "order_return_events_order_id_id_idx" ON "order_return_events"("order_id", "id");

-- CreateIndex
CREATE INDEX "order_return_events_return_id_id_idx" ON "order_return_events"("return_id", "id");

-- CreateIndex
CREATE INDEX "shopper_notices_user_id_id_idx" ON "shopper_notices"("user_id", "id" DESC);

-- AddForeignKey
ALTER TABLE "order_return_lines" ADD CONSTRAINT "order_return_lines_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "order_returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_return_events" ADD CONSTRAINT "order_return_events_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "order_returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
