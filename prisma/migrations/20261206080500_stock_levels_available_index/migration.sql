-- The shop window's in-stock filter (issue 17): a list keeps walking its sort index and, per
-- candidate product, probes its variants for a stock level with units available
-- (on_hand > reserved). Partial, so the probe touches only levels that have some, and the
-- index stays small (sold-out levels leave it).
CREATE INDEX "stock_levels_available_idx" ON "stock_levels"("variant_id") WHERE "on_hand" > "reserved";
