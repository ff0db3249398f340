-- CreateEnum
CREATE TYPE "CustomsDocument" AS ENUM ('ORDER', 'PAYMENT', 'WAYBILL');

-- CreateEnum
CREATE TYPE "CustomsMessageStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'CLEARED', 'HELD');

-- CreateEnum
CREATE TYPE "FxRefreshStatus" AS ENUM ('SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('WAYBILL_ISSUED', 'BOOKED', 'IN_TRANSIT', 'DELIVERED');

-- CreateEnum
CREATE TYPE "WarehouseFeedFormat" AS ENUM ('CSV', 'JSON');

-- CreateEnum
CREATE TYPE "StockSyncTrigger" AS ENUM ('SCHEDULE', 'MANUAL', 'UPLOAD');

-- CreateEnum
CREATE TYPE "StockSyncRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "customs_messages" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "order_no" TEXT NOT NULL,
    "document" "CustomsDocument" NOT NULL,
    "message_type" TEXT NOT NULL,
    "sender_code" TEXT NOT NULL,
    "business_no" TEXT NOT NULL,
    "status" "CustomsMessageStatus" NOT NULL DEFAULT 'PENDING',
    "xml_masked" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "first_sent_at" TIMESTAMP(3),
    "last_sent_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customs_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customs_receipts" (
    "id" BIGSERIAL NOT NULL,
    "message_id" UUID NOT NULL,
    "receipt_key" TEXT NOT NULL,
    "status" "CustomsMessageStatus",
    "return_status" TEXT NOT NULL,
    "return_info" TEXT NOT NULL,
    "return_time" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customs_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customs_transmissions" (
    "id" UUID NOT NULL,
    "message_type" TEXT NOT NULL,
    "message_ids" UUID[],
    "sent_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "error" TEXT,

    CONSTRAINT "customs_transmissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fx_refresh_runs" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "status" "FxRefreshStatus" NOT NULL,
    "base" CHAR(3) NOT NULL,
    "quote" CHAR(3) NOT NULL,
    "rate" DECIMAL(18,8),
    "reference_date" TEXT,
    "error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMP(3),
    "acknowledged_by" UUID,

    CONSTRAINT "fx_refresh_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "carrier_code" TEXT NOT NULL,
    "logistics_no" TEXT NOT NULL,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'WAYBILL_ISSUED',
    "booking_ref" TEXT,
    "waybill_issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "booked_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    "booking_attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_events" (
    "id" BIGSERIAL NOT NULL,
    "shipment_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "location" TEXT,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warehouse_feeds" (
    "id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "format" "WarehouseFeedFormat" NOT NULL,
    "url" TEXT NOT NULL,
    "every_minutes" INTEGER NOT NULL,
    "next_run_at" TIMESTAMP(3) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warehouse_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_sync_runs" (
    "id" UUID NOT NULL,
    "feed_id" UUID,
    "museum_id" UUID NOT NULL,
    "trigger" "StockSyncTrigger" NOT NULL,
    "format" "WarehouseFeedFormat" NOT NULL,
    "status" "StockSyncRunStatus" NOT NULL DEFAULT 'QUEUED',
    "upload" TEXT,
    "rows_total" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "failure" TEXT,
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "stock_sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_webhooks" (
    "museum_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_webhooks_pkey" PRIMARY KEY ("museum_id")
);

-- CreateTable
CREATE TABLE "stock_webhook_deliveries" (
    "id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "stock_webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_changes" (
    "id" BIGSERIAL NOT NULL,
    "variant_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customs_messages_museum_id_created_at_id_idx" ON "customs_messages"("museum_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "customs_messages_status_created_at_id_idx" ON "customs_messages"("status", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "customs_messages_order_no_idx" ON "customs_messages"("order_no");

-- CreateIndex
CREATE UNIQUE INDEX "customs_messages_order_id_document_key" ON "customs_messages"("order_id", "document");

-- CreateIndex
CREATE UNIQUE INDEX "customs_receipts_receipt_key_key" ON "customs_receipts"("receipt_key");

-- CreateIndex
CREATE INDEX "customs_receipts_message_id_id_idx" ON "customs_receipts"("message_id", "id");

-- CreateIndex
CREATE INDEX "customs_transmissions_sent_at_idx" ON "customs_transmissions"("sent_at");

-- CreateIndex
CREATE INDEX "fx_refresh_runs_started_at_id_idx" ON "fx_refresh_runs"("started_at" DESC, "id");

-- CreateIndex
CREATE INDEX "fx_refresh_runs_status_acknowledged_at_idx" ON "fx_refresh_runs"("status", "acknowledged_at");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_order_id_key" ON "shipments"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_logistics_no_key" ON "shipments"("logistics_no");

-- CreateIndex
CREATE INDEX "shipments_museum_id_waybill_issued_at_id_idx" ON "shipments"("museum_id", "waybill_issued_at" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_events_event_id_key" ON "shipment_events"("event_id");

-- CreateIndex
CREATE INDEX "shipment_events_shipment_id_occurred_at_idx" ON "shipment_events"("shipment_id", "occurred_at");

-- CreateIndex
CREATE INDEX "warehouse_feeds_museum_id_created_at_id_idx" ON "warehouse_feeds"("museum_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "warehouse_feeds_enabled_next_run_at_idx" ON "warehouse_feeds"("enabled", "next_run_at");

-- CreateIndex
CREATE INDEX "stock_sync_runs_museum_id_queued_at_id_idx" ON "stock_sync_runs"("museum_id", "queued_at" DESC, "id");

-- CreateIndex
CREATE INDEX "stock_sync_runs_feed_id_queued_at_idx" ON "stock_sync_runs"("feed_id", "queued_at" DESC);

-- CreateIndex
CREATE INDEX "stock_webhook_deliveries_museum_id_created_at_id_idx" ON "stock_webhook_deliveries"("museum_id", "created_at" DESC, "id");

-- AddForeignKey
ALTER TABLE "customs_receipts" ADD CONSTRAINT "customs_receipts_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "customs_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_events" ADD CONSTRAINT "shipment_events_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_sync_runs" ADD CONSTRAINT "stock_sync_runs_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "warehouse_feeds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit trail finds every transmission that carried a message.
CREATE INDEX "customs_transmissions_message_ids_idx" ON "customs_transmissions" USING GIN ("message_ids");

-- Marketplace stock changes are recorded for the outbound webhook by the database itself, in
-- the transaction of the change, whatever code wrote the ledger. Movements of a warehouse
-- sync (reference "stock-sync:<run>") are not echoed back to the warehouse that sent them.
-- The body is an E-string with \073 for the semicolons, because the migration runner splits
-- scripts on every semicolon.
CREATE FUNCTION "vitrine_record_stock_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO stock_changes (variant_id, location_id)
  SELECT DISTINCT variant_id, location_id FROM new_movements
  WHERE (on_hand_delta <> 0 OR reserved_delta <> 0)
    AND (reference IS NULL OR reference NOT LIKE ''stock-sync:%'')\073
  RETURN NULL\073
END';

CREATE TRIGGER "stock_movements_record_change" AFTER INSERT ON "stock_movements"
  REFERENCING NEW TABLE AS new_movements FOR EACH STATEMENT EXECUTE FUNCTION "vitrine_record_stock_change"();
