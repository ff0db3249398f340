-- CreateEnum
CREATE TYPE "NetContentUnit" AS ENUM ('ML', 'G', 'PIECE');

-- AlterTable
ALTER TABLE "product_variants" ADD COLUMN     "net_content" INTEGER,
ADD COLUMN     "net_content_unit" "NetContentUnit";

-- AlterTable
ALTER TABLE "order_lines" ADD COLUMN     "consumption_tax_minor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "duty_minor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tax_regime" TEXT NOT NULL DEFAULT 'CBEC_RETAIL',
ADD COLUMN     "vat_minor" INTEGER;

-- Net content comes with its unit, and is positive.
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_net_content_check"
  CHECK ((net_content IS NULL) = (net_content_unit IS NULL) AND (net_content IS NULL OR net_content > 0));

ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_tax_regime_check" CHECK (tax_regime IN ('CBEC_RETAIL', 'GENERAL_TRADE'));

-- Lines written before the split were all retail imports (duty 0). Those taxed at the default
-- cosmetics rate (0.230588 = (0.15 + 0.13) / 0.85 × 0.7) carried consumption tax:
-- dutiable × 0.15 / 0.85 × 0.7, half up, as checkout now splits it. The rest of their tax is VAT.
UPDATE "order_lines" SET
  "consumption_tax_minor" = CASE WHEN "tax_rate" = '0.230588' THEN ROUND("dutiable_minor"::numeric * 105 / 850)::int ELSE 0 END;
UPDATE "order_lines" SET "vat_minor" = "tax_minor" - "consumption_tax_minor";
