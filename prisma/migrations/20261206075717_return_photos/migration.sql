-- CreateTable
CREATE TABLE "order_return_photos" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_return_photos_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_return_photos_storage_key_key" ON "order_return_photos"("storage_key");

-- CreateIndex
CREATE UNIQUE INDEX "order_return_photos_return_id_position_key" ON "order_return_photos"("return_id", "position");

-- AddForeignKey
ALTER TABLE "order_return_photos" ADD CONSTRAINT "order_return_photos_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "order_returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
