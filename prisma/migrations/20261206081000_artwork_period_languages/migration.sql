-- AlterTable
ALTER TABLE "artworks" ADD COLUMN     "period_en" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "period_zh" TEXT NOT NULL DEFAULT '';
