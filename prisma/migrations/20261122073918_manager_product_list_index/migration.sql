-- CreateIndex
CREATE INDEX "products_museum_id_created_at_id_idx" ON "products"("museum_id", "created_at" DESC, "id" DESC);
