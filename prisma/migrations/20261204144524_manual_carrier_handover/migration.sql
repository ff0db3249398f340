-- AlterTable
ALTER TABLE "shipments" ADD COLUMN     "handover_requested_at" TIMESTAMP(3),
ADD COLUMN     "handover_requested_by" UUID,
ADD COLUMN     "handover_requests" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "storefronts" ADD COLUMN     "auto_book_carrier" BOOLEAN NOT NULL DEFAULT true;
