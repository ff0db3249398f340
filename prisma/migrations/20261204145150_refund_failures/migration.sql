-- AlterTable
ALTER TABLE "order_line_refunds" ADD COLUMN     "cancelled_at" TIMESTAMP(3);
