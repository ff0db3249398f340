-- AlterEnum
ALTER TYPE "CustomsDocument" ADD VALUE 'RETURN';

-- AlterTable
ALTER TABLE "customs_messages" ADD COLUMN     "subject" TEXT NOT NULL DEFAULT '';

-- DropIndex
DROP INDEX "customs_messages_order_id_document_key";

-- CreateIndex
CREATE UNIQUE INDEX "customs_messages_order_id_document_subject_key" ON "customs_messages"("order_id", "document", "subject");
