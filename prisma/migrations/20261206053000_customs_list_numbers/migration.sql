-- AlterTable
ALTER TABLE "customs_messages" ADD COLUMN     "invt_no" TEXT,
ADD COLUMN     "pre_no" TEXT;
