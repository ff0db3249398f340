-- The shop window's list orders over published products (issue 18, docs/adr/0014): each sort
-- key with the id that breaks its ties, so a page, first or deep, is an index walk from the
-- keyset cursor that stops after `first + 1` rows instead of a sort of every match. Backward
-- scans serve the descending orders (NEWEST, PRICE_DESC, POPULARITY). Partial: drafts and
-- archived products are never listed to shoppers.
CREATE INDEX "products_public_newest_idx" ON "products"("created_at", "id") WHERE "status" = 'PUBLISHED';
CREATE INDEX "products_public_price_idx" ON "products"("min_price_eur_cents", "id") WHERE "status" = 'PUBLISHED';
CREATE INDEX "products_public_popularity_idx" ON "products"("popularity", "id") WHERE "status" = 'PUBLISHED';
-- The same within one storefront (its slug filter).
CREATE INDEX "products_public_museum_newest_idx" ON "products"("museum_id", "created_at", "id") WHERE "status" = 'PUBLISHED';
CREATE INDEX "products_public_museum_price_idx" ON "products"("museum_id", "min_price_eur_cents", "id") WHERE "status" = 'PUBLISHED';
CREATE INDEX "products_public_museum_popularity_idx" ON "products"("museum_id", "popularity", "id") WHERE "status" = 'PUBLISHED';
