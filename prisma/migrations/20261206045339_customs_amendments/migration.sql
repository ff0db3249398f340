-- CreateTable
CREATE TABLE "customs_amendments" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "digest" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "xml_masked" TEXT NOT NULL,
    "return_info" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "customs_amendments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customs_amendments_message_id_digest_key" ON "customs_amendments"("message_id", "digest");

-- AddForeignKey
ALTER TABLE "customs_amendments" ADD CONSTRAINT "customs_amendments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "customs_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
